import { sqlOf } from '../db/driver.ts';
import { Prisma, type Interaction, type Task } from '../../generated/prisma/client.ts';
import { toJson } from '../audit.ts';
import { utc } from '../cadence/query.ts';
import { refusingBeforeWrites } from '../db/transaction.ts';
import { handOffIfDue, scoreFrom, signalsOf } from '../funnel/rescore.ts';
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
 *
 * Two statements, because this runs on every /log (issue 16): one read of the customer with its
 * score's signals (the permission check reads the same row), and one that writes the interaction,
 * the task, both audit rows and the new score together.
 */
export async function logInteraction(ctx: DomainContext, input: LogInteractionInput): Promise<{ interaction: Interaction; task?: Task }> {
  const data = parseOrInvalid(logInteractionSchema, input, 'interaction.invalid');
  const now = ctx.clock.now();
  const occurredAt = data.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid('interaction.in_future', { occurredAt: occurredAt.toISOString() });

  return refusingBeforeWrites(ctx.prisma, async (tx) => {
    const signals = await signalsOf(tx, data.customerId, now);
    if (!signals) throw notFound('customer.not_found', { id: data.customerId });
    assertCanAct(ctx.actor, signals, 'customer');

    // Every column is written as given here, so the rows returned and audited are what is stored.
    const row: Omit<Interaction, 'id'> = {
      customerId: signals.id,
      authorId: ctx.actor.userId,
      channel: data.channel,
      occurredAt,
      summary: data.summary,
      mood: data.mood ?? null,
      nextStep: data.nextStep?.title ?? null,
      createdAt: now,
    };
    const next: Omit<Task, 'id' | 'sourceInteractionId'> | undefined = data.nextStep && {
      title: data.nextStep.title,
      teamId: signals.teamId,
      customerId: signals.id,
      ownerId: ctx.actor.userId,
      dueAt: data.nextStep.dueAt,
      dueHasTime: data.nextStep.dueHasTime,
      priority: 'normal',
      status: 'open',
      createdById: ctx.actor.userId,
      doneById: null,
      doneAt: null,
      snoozeCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    // The lead score follows every contact (issue 13), counted with this one.
    const scored = scoreFrom(signals, now, row);
    const at = utc(now);
    const actorId = ctx.actor.userId || null;
    const task = next
      ? Prisma.sql`, t AS (
          INSERT INTO "Task" ("title", "teamId", "customerId", "ownerId", "dueAt", "dueHasTime", "priority", "status", "sourceInteractionId", "createdById",
                              "doneById", "doneAt", "snoozeCount", "version", "createdAt", "updatedAt")
          SELECT ${next.title}, ${next.teamId}, ${next.customerId}, ${next.ownerId}, ${next.dueAt ? utc(next.dueAt) : null}::timestamp(3), ${next.dueHasTime},
                 ${next.priority}::"Priority", ${next.status}::"TaskStatus", i."id", ${next.createdById}, NULL, NULL, ${next.snoozeCount}, ${next.version}, ${at}, ${utc(next.updatedAt)}
          FROM i RETURNING "id")`
      : Prisma.empty;
    const taskAudit = next
      ? Prisma.sql`, (${actorId}::int, ${ctx.door}::"Door", 'task', (SELECT "id" FROM t)::text, 'create',
                      ${JSON.stringify(toJson(next))}::jsonb || jsonb_build_object('id', (SELECT "id" FROM t), 'sourceInteractionId', (SELECT "id" FROM i)), ${at})`
      : Prisma.empty;
    // Prisma's @updatedAt is the wall clock, not the request's clock: the same here.
    const rescored = scored.score !== signals.score
      ? Prisma.sql`, s AS (UPDATE "Customer" SET "score" = ${scored.score}, "scoredAt" = ${at}, "updatedAt" = ${utc(new Date())} WHERE "id" = ${signals.id} RETURNING "id")`
      : Prisma.empty;
    const [ids] = await sqlOf(tx).rows<{ interactionId: number; taskId: number | null }>(Prisma.sql`
      WITH i AS (
        INSERT INTO "Interaction" ("customerId", "authorId", "channel", "occurredAt", "summary", "mood", "nextStep", "createdAt")
        VALUES (${row.customerId}, ${row.authorId}, ${row.channel}::"Channel", ${utc(occurredAt)}, ${row.summary}, ${row.mood}::"Mood", ${row.nextStep}, ${at})
        RETURNING "id")
      ${task}${rescored},
      a AS (
        INSERT INTO "AuditEvent" ("actorId", "door", "entity", "entityId", "action", "after", "at")
        VALUES (${actorId}::int, ${ctx.door}::"Door", 'interaction', (SELECT "id" FROM i)::text, 'log', ${JSON.stringify(toJson(row))}::jsonb || jsonb_build_object('id', (SELECT "id" FROM i)), ${at})
               ${taskAudit})
      SELECT (SELECT "id" FROM i) AS "interactionId", ${next ? Prisma.sql`(SELECT "id" FROM t)` : Prisma.sql`NULL::int`} AS "taskId"`);
    const interaction: Interaction = { id: ids!.interactionId, ...row };
    await handOffIfDue(tx, ctx, scored, now);
    if (!next) return { interaction };
    return { interaction, task: { id: ids!.taskId!, sourceInteractionId: interaction.id, ...next } };
  });
}
