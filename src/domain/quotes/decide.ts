import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { toJson } from '../audit.ts';
import { utc } from '../cadence/query.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { approvalLevel, assertMayDecide } from './policy.ts';
import { quoteInclude, type QuoteView } from './view.ts';
import { refusingBeforeWrites } from '../db/transaction.ts';
import { teamOf } from '../teams/team.ts';

const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(1000, 'reason_too_long').optional(),
  expectedVersion: z.number().int().positive().optional(),
});

type Reader = Pick<Prisma.TransactionClient, 'quote'>;

async function alreadyDecided(tx: Reader, id: number): Promise<never> {
  const q = await tx.quote.findUniqueOrThrow({ where: { id }, include: { decidedBy: { select: { displayName: true } } } });
  if (q.status === 'approved' || q.status === 'rejected') {
    throw conflict('quote.already_decided', { id, by: q.decidedBy?.displayName ?? null, decision: q.status, at: q.decidedAt?.toISOString() ?? null });
  }
  if (q.status === 'pending') throw conflict('quote.stale', { id, version: q.version });
  throw conflict('quote.not_pending', { id, status: q.status });
}

/**
 * Approves or rejects a pending quote. Two approvers may click at the same moment: the update only
 * matches the pending row at the version that was read, so exactly one decision lands and the other
 * click learns who decided what and when.
 */
export async function decideQuote(
  ctx: DomainContext,
  id: number,
  input: { decision: 'approve' | 'reject'; reason?: string; expectedVersion?: number },
): Promise<QuoteView> {
  const data = parseOrInvalid(decisionSchema, input, 'quote.invalid');
  const reason = data.reason || undefined;
  if (data.decision === 'reject' && !reason) throw invalid('quote.reason_required', { id });

  // Every refusal comes before the one write (the conditional update), so inside a command no savepoint is needed.
  return refusingBeforeWrites(ctx.prisma, async (tx) => {
    // Read with everything the answer shows, so the decided quote is this row with the decision
    // applied, not a second read of five statements after the update.
    // A pending quote has no decider yet: that part of the view is the actor, below.
    const { decidedBy: _undecided, ...shown } = quoteInclude;
    const before = await tx.quote.findUnique({ where: { id }, include: shown });
    if (!before) throw notFound('quote.not_found', { id });
    const team = await teamOf(ctx, before.teamId, tx);
    const level = approvalLevel(team, before);
    assertMayDecide(ctx.actor, before, level);
    if (before.status !== 'pending') await alreadyDecided(tx, id);
    // A button from an earlier submission must not decide what was edited and resubmitted since.
    if (data.expectedVersion !== undefined && data.expectedVersion !== before.version) throw conflict('quote.stale', { id, version: before.version });

    const now = ctx.clock.now();
    const decision = {
      status: data.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
      decidedById: ctx.actor.userId,
      decidedAt: now,
      decisionReason: reason ?? null,
      updatedAt: now,
    };
    const quote: QuoteView = { ...before, ...decision, version: before.version + 1, decidedBy: { id: ctx.actor.userId, displayName: ctx.actor.displayName } };
    const { lines: _l, customer: _c, author: _a, ...beforeRow } = before;
    // Matches only the pending row at the version read: every column the view shows is as read. The
    // decision and its audit row are one statement; no row means someone else decided first.
    const at = utc(now);
    const won = await tx.$queryRaw<unknown[]>`
      WITH won AS (
        UPDATE "Quote" SET "status" = ${decision.status}::"QuoteStatus", "decidedById" = ${decision.decidedById}, "decidedAt" = ${at},
                           "decisionReason" = ${decision.decisionReason}, "updatedAt" = ${at}, "version" = "version" + 1
        WHERE "id" = ${id} AND "status" = 'pending' AND "version" = ${before.version}
        RETURNING "id")
      INSERT INTO "AuditEvent" ("actorId", "door", "entity", "entityId", "action", "before", "after", "at")
      SELECT ${ctx.actor.userId || null}::int, ${ctx.door}::"Door", 'quote', ${String(id)}, ${data.decision},
             ${JSON.stringify(toJson(beforeRow))}::jsonb, ${JSON.stringify(toJson({ ...quote, level }))}::jsonb, ${at}
      FROM won RETURNING "id"`;
    if (won.length === 0) await alreadyDecided(tx, id);
    await rescore(tx, ctx, before.customerId);
    return quote;
  });
}
