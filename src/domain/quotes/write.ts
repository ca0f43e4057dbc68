import { teamCurrency } from './currency.ts';
import { z } from 'zod';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { assertCanAct } from '../permissions.ts';
import { currencySchema, discountBpsSchema, linesSchema, quoteTotals } from './totals.ts';
import { quoteInclude, type QuoteView } from './view.ts';

const createSchema = z.object({
  customerId: z.number().int().positive(),
  currency: currencySchema.optional(),
  lines: linesSchema,
  discountBps: discountBpsSchema.default(0),
});

const editSchema = z.object({
  currency: currencySchema.optional(),
  lines: linesSchema.optional(),
  discountBps: discountBpsSchema.optional(),
});

type LineInput = { product: string; quantity: number; unitPriceMinor: bigint | number; currency?: string };

/** The quote's currency: the one given, else the lines', else the team's; lines in another currency are refused. */
function currencyOf(given: string | undefined, lines: Array<{ currency?: string }>, fallback: string): string {
  const fromLines = lines.find((l) => l.currency)?.currency;
  if (given && fromLines && given !== fromLines) throw invalid('quote.invalid', { field: 'currency', problem: 'mixed_currencies' });
  return given ?? fromLines ?? fallback;
}

function lineRows(lines: Array<{ product: string; quantity: number; unitPriceMinor: bigint }>, discountBps: number) {
  const totals = quoteTotals(lines, discountBps);
  const rows = lines.map((l, i) => ({ position: i + 1, product: l.product, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, lineTotalMinor: totals.lines[i]!.lineTotalMinor }));
  return { rows, totals };
}

export async function createQuote(
  ctx: DomainContext,
  input: { customerId: number; currency?: string; lines: LineInput[]; discountBps?: number },
): Promise<QuoteView> {
  const data = parseOrInvalid(createSchema, input, 'quote.invalid');
  const currency = currencyOf(data.currency, data.lines, await teamCurrency(ctx.prisma, ctx.actor.teamId));
  const { rows, totals } = lineRows(data.lines, data.discountBps);
  return ctx.prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: data.customerId }, select: { id: true, teamId: true, ownerId: true } });
    if (!customer) throw notFound('customer.not_found', { id: data.customerId });
    assertCanAct(ctx.actor, customer, 'customer');
    const now = ctx.clock.now();
    const quote = await tx.quote.create({
      data: {
        customerId: customer.id,
        authorId: ctx.actor.userId,
        teamId: customer.teamId,
        currency,
        discountBps: data.discountBps,
        subtotalMinor: totals.subtotalMinor,
        discountMinor: totals.discountMinor,
        totalMinor: totals.totalMinor,
        createdAt: now,
        lines: { create: rows },
      },
      include: quoteInclude,
    });
    await audit(tx, ctx, { entity: 'quote', entityId: quote.id, action: 'create', after: quote });
    return quote;
  });
}

/**
 * Changes a draft (or a rejected quote, which goes back to draft for resubmission). Only the
 * author edits; a pending or approved quote is frozen so the approver decides on what they saw.
 */
export async function editQuote(
  ctx: DomainContext,
  id: number,
  patch: { currency?: string; lines?: LineInput[]; discountBps?: number },
): Promise<QuoteView> {
  const data = parseOrInvalid(editSchema, patch, 'quote.invalid');
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.quote.findUnique({ where: { id }, include: quoteInclude });
    if (!before) throw notFound('quote.not_found', { id });
    if (before.authorId !== ctx.actor.userId) throw forbidden('quote.not_author', { id });
    if (before.status !== 'draft' && before.status !== 'rejected') throw conflict('quote.not_editable', { id, status: before.status });

    const lines = data.lines ?? before.lines;
    const discountBps = data.discountBps ?? before.discountBps;
    const currency = currencyOf(data.currency ?? (data.lines ? undefined : before.currency), data.lines ?? [], before.currency);
    const { rows, totals } = lineRows(lines, discountBps);
    // The version check makes two simultaneous edits fail loudly instead of mixing their lines.
    const moved = await tx.quote.updateMany({
      where: { id, version: before.version, status: { in: ['draft', 'rejected'] } },
      data: {
        status: 'draft',
        currency,
        discountBps,
        subtotalMinor: totals.subtotalMinor,
        discountMinor: totals.discountMinor,
        totalMinor: totals.totalMinor,
        decidedById: null,
        decidedAt: null,
        decisionReason: null,
        submittedAt: null,
        version: { increment: 1 },
        updatedAt: ctx.clock.now(),
      },
    });
    if (moved.count === 0) throw conflict('quote.changed', { id });
    if (data.lines) {
      await tx.quoteLine.deleteMany({ where: { quoteId: id } });
      await tx.quoteLine.createMany({ data: rows.map((r) => ({ ...r, quoteId: id })) });
    }
    const quote = await tx.quote.findUniqueOrThrow({ where: { id }, include: quoteInclude });
    await audit(tx, ctx, { entity: 'quote', entityId: id, action: 'edit', before, after: quote });
    return quote;
  });
}
