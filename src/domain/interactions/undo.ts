import { audit } from '../audit.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';

/**
 * Takes back a log its author just made (a wrong customer, a typo), together with the task its
 * next step created. Only within the team's undo window: after that, others may have acted on it.
 */
export async function undoInteraction(ctx: DomainContext, interactionId: number): Promise<{ interactionId: number; removedTaskIds: number[] }> {
  return ctx.prisma.$transaction(async (tx) => {
    const interaction = await tx.interaction.findUnique({
      where: { id: interactionId },
      include: { customer: { select: { team: { select: { undoWindowMinutes: true } } } } },
    });
    if (!interaction) throw notFound('interaction.not_found', { id: interactionId });
    if (interaction.authorId !== ctx.actor.userId) throw forbidden('interaction.not_author', { id: interactionId });
    const minutes = interaction.customer.team.undoWindowMinutes;
    const ageMs = ctx.clock.now().getTime() - interaction.createdAt.getTime();
    if (ageMs > minutes * 60_000) throw conflict('interaction.undo_window_passed', { id: interactionId, minutes });

    const tasks = await tx.task.findMany({ where: { sourceInteractionId: interactionId } });
    for (const task of tasks) {
      await audit(tx, ctx, { entity: 'task', entityId: task.id, action: 'undo', before: task });
    }
    await tx.task.deleteMany({ where: { id: { in: tasks.map((t) => t.id) } } });
    // deleteMany, not delete: a concurrent undo that got here first leaves nothing, and we say so.
    const removed = await tx.interaction.deleteMany({ where: { id: interactionId } });
    if (removed.count === 0) throw notFound('interaction.not_found', { id: interactionId });
    const { customer: _customer, ...before } = interaction;
    await audit(tx, ctx, { entity: 'interaction', entityId: interactionId, action: 'undo', before });
    await rescore(tx, ctx, interaction.customerId);
    return { interactionId, removedTaskIds: tasks.map((t) => t.id) };
  });
}
