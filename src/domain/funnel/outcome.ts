// The customer's answer to an approved quote: accepted, still negotiating, or rejected (with the
// reason). Accepting wins the deal: the customer moves to `deal` and carries the deal's value, the
// figure the monthly review and channel ROI add up. Recorded by the quote's author or a manager.
import { z } from 'zod';
import type { CustomerStatus, QuoteOutcome } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { quoteInclude, type QuoteView } from '../quotes/view.ts';
import { rescore } from './rescore.ts';

export const OUTCOMES = ['accepted', 'negotiating', 'rejected'] as const;

const outcomeSchema = z.object({
  outcome: z.enum(OUTCOMES),
  reason: z.string().trim().max(1000, 'reason_too_long').optional(),
});

export interface OutcomeResult {
  quote: QuoteView;
  /** False when the quote already had this answer: nothing was written. */
  changed: boolean;
  /** The customer's status before, when accepting moved it to deal. */
  movedFrom?: CustomerStatus;
}

/**
 * An answer is final once accepted or rejected; "negotiating" may become either. The same answer
 * again changes nothing (a rep repeating themselves, or a retried delivery that reached here).
 */
export async function recordQuoteOutcome(ctx: DomainContext, id: number, input: { outcome: QuoteOutcome; reason?: string }): Promise<OutcomeResult> {
  const data = parseOrInvalid(outcomeSchema, input, 'quote.invalid');
  const reason = data.reason || undefined;
  if (data.outcome === 'rejected' && !reason) throw invalid('quote.outcome_reason_required', { id });

  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.quote.findUnique({ where: { id } });
    if (!before || (ctx.actor.role !== 'admin' && before.teamId !== ctx.actor.teamId)) throw notFound('quote.not_found', { id });
    if (ctx.actor.role === 'rep' && before.authorId !== ctx.actor.userId) throw forbidden('quote.outcome_not_yours', { id });
    if (before.status !== 'approved') throw conflict('quote.outcome_not_approved', { id, status: before.status });
    if (before.outcome === data.outcome && (reason === undefined || reason === before.outcomeReason)) {
      return { quote: await tx.quote.findUniqueOrThrow({ where: { id }, include: quoteInclude }), changed: false };
    }
    if (before.outcome === 'accepted' || before.outcome === 'rejected') throw conflict('quote.outcome_final', { id, outcome: before.outcome });

    const now = ctx.clock.now();
    const won = await tx.quote.updateMany({
      where: { id, status: 'approved', version: before.version },
      data: { outcome: data.outcome, outcomeReason: reason ?? null, outcomeAt: now, outcomeById: ctx.actor.userId, version: { increment: 1 }, updatedAt: now },
    });
    if (won.count === 0) throw conflict('quote.stale', { id, version: before.version });
    await audit(tx, ctx, {
      entity: 'quote',
      entityId: id,
      action: 'outcome',
      before: { outcome: before.outcome, outcomeReason: before.outcomeReason },
      after: { outcome: data.outcome, outcomeReason: reason ?? null },
    });

    let movedFrom: CustomerStatus | undefined;
    if (data.outcome === 'accepted') {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: before.customerId } });
      // A second accepted quote adds to the deal (same currency); the deal's day stays the first win.
      const sameCurrency = customer.dealCurrency === null || customer.dealCurrency === before.currency;
      const value = (sameCurrency ? (customer.dealValueMinor ?? 0n) : 0n) + before.totalMinor;
      await tx.customer.update({ where: { id: customer.id }, data: { status: 'deal', dealValueMinor: value, dealCurrency: before.currency, dealAt: customer.dealAt ?? now } });
      if (customer.status !== 'deal') {
        movedFrom = customer.status;
        // The same shape as moveStatus's rows: the funnel report reads status history from these.
        await audit(tx, ctx, { entity: 'customer', entityId: customer.id, action: 'status', before: { status: customer.status }, after: { status: 'deal', quoteId: id } });
      }
      await audit(tx, ctx, {
        entity: 'customer',
        entityId: customer.id,
        action: 'deal',
        before: { dealValueMinor: customer.dealValueMinor, dealCurrency: customer.dealCurrency },
        after: { dealValueMinor: value, dealCurrency: before.currency, quoteId: id },
      });
    }
    await rescore(tx, ctx, before.customerId);
    const quote = await tx.quote.findUniqueOrThrow({ where: { id }, include: quoteInclude });
    return { quote, changed: true, ...(movedFrom ? { movedFrom } : {}) };
  });
}
