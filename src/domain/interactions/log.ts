import type { Interaction, Task } from '../../generated/prisma/client.ts';
import { auditAll } from '../audit.ts';
import { refusingBeforeWrites } from '../db/transaction.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { assertCanAct } from '../permissions.ts';
import { logInteractionSchema, parseOrInvalid, type LogInteractionInput } from './input.ts';

// Clocks on phones and servers drift; a few minutes ahead is a typo-free "just now", not the future.
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Records what happened with a customer and, when a next step is given, the task that follows from
 * it, owned by the author. Logging on a pool customer leaves it in the pool: taking ownership is a
 * separate, explicit act.
 */
export async function logInteraction(ctx: DomainContext, input: LogInteractionInput): Promise<{ interaction: Interaction; task?: Task }> {
  const data = parseOrInvalid(logInteractionSchema, input, 'interaction.invalid');
  const now = ctx.clock.now();
  const occurredAt = data.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid('interaction.in_future', { occurredAt: occurredAt.toISOString() });

  return refusingBeforeWrites(ctx.prisma, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: data.customerId }, select: { id: true, teamId: true, ownerId: true, name: true } });
    if (!customer) throw notFound('customer.not_found', { id: data.customerId });
    assertCanAct(ctx.actor, customer, 'customer');

    const interaction = await tx.interaction.create({
      data: {
        customerId: customer.id,
        authorId: ctx.actor.userId,
        channel: data.channel,
        occurredAt,
        summary: data.summary,
        mood: data.mood ?? null,
        nextStep: data.nextStep?.title ?? null,
        createdAt: now,
      },
    });
    const logged = { entity: 'interaction', entityId: interaction.id, action: 'log', after: interaction };
    // The lead score follows every contact (issue 13).
    await rescore(tx, ctx, customer.id);
    if (!data.nextStep) {
      await auditAll(tx, ctx, [logged]);
      return { interaction };
    }
    const task = await tx.task.create({
      data: {
        title: data.nextStep.title,
        teamId: customer.teamId,
        customerId: customer.id,
        ownerId: ctx.actor.userId,
        createdById: ctx.actor.userId,
        dueAt: data.nextStep.dueAt,
        dueHasTime: data.nextStep.dueHasTime,
        sourceInteractionId: interaction.id,
        createdAt: now,
      },
    });
    await auditAll(tx, ctx, [logged, { entity: 'task', entityId: task.id, action: 'create', after: task }]);
    return { interaction, task };
  });
}
