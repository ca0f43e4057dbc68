import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { approvalLevel, assertMayDecide } from './policy.ts';
import { quoteInclude, type QuoteView } from './view.ts';

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

  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.quote.findUnique({ where: { id }, include: { team: true } });
    if (!before) throw notFound('quote.not_found', { id });
    const level = approvalLevel(before.team, before);
    assertMayDecide(ctx.actor, before, level);
    if (before.status !== 'pending') await alreadyDecided(tx, id);
    // A button from an earlier submission must not decide what was edited and resubmitted since.
    if (data.expectedVersion !== undefined && data.expectedVersion !== before.version) throw conflict('quote.stale', { id, version: before.version });

    const now = ctx.clock.now();
    const won = await tx.quote.updateMany({
      where: { id, status: 'pending', version: before.version },
      data: {
        status: data.decision === 'approve' ? 'approved' : 'rejected',
        decidedById: ctx.actor.userId,
        decidedAt: now,
        decisionReason: reason ?? null,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (won.count === 0) await alreadyDecided(tx, id);
    const quote = await tx.quote.findUniqueOrThrow({ where: { id }, include: quoteInclude });
    const { team: _team, ...beforeQuote } = before;
    await rescore(tx, ctx, before.customerId);
    await audit(tx, ctx, { entity: 'quote', entityId: id, action: data.decision, before: beforeQuote, after: { ...quote, level } });
    return quote;
  });
}
