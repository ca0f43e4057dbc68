import { z } from 'zod';
import { parseOrInvalid } from '../interactions/input.ts';

// Money is integer minor units (cents, fen) end to end: BigInt here and in the database, so no
// float ever rounds a price. Bounds keep a typo from producing a quote nobody could mean.
export const MAX_LINES = 50;
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_PRICE_MINOR = 10n ** 15n;

const minorUnits = z
  .union([z.bigint(), z.number()], { error: 'unit_price_not_a_number' })
  .refine((v) => typeof v === 'bigint' || Number.isInteger(v), { message: 'unit_price_not_integer', abort: true })
  .refine((v) => typeof v === 'bigint' || Number.isSafeInteger(v), { message: 'unit_price_too_large', abort: true })
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n, 'unit_price_negative')
  .refine((v) => v <= MAX_UNIT_PRICE_MINOR, 'unit_price_too_large');

export const currencySchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'currency_not_iso'));

const priceSchema = z.object({
  quantity: z.number().int('quantity_not_integer').positive('quantity_not_positive').max(MAX_QUANTITY, 'quantity_too_large'),
  unitPriceMinor: minorUnits,
  currency: currencySchema.optional(),
});

export const lineSchema = priceSchema.extend({
  product: z.string().trim().min(1, 'product_empty').max(200, 'product_too_long'),
});

export const discountBpsSchema = z.number().int('discount_not_integer').min(0, 'discount_negative').max(10_000, 'discount_over_100_percent');

function linesOf<L extends z.ZodType<{ currency?: string }>>(line: L) {
  return z
    .array(line)
    .min(1, 'no_lines')
    .max(MAX_LINES, 'too_many_lines')
    .refine((lines) => new Set(lines.map((l) => l.currency).filter(Boolean)).size <= 1, 'mixed_currencies');
}

export const linesSchema = linesOf(lineSchema);
const totalsInput = z.object({ lines: linesOf(priceSchema), discountBps: discountBpsSchema });

export interface QuoteTotals {
  lines: Array<{ quantity: number; unitPriceMinor: bigint; lineTotalMinor: bigint }>;
  subtotalMinor: bigint;
  discountMinor: bigint;
  totalMinor: bigint;
}

/** Rounds n/d half up for non-negative n and positive d, in integers. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/**
 * subtotal = Σ quantity × unit price; discount = subtotal × bps / 10000 rounded half up (to the
 * nearest minor unit); total = subtotal − discount. Pure; throws invalid('quote.invalid') on bad input.
 */
export function quoteTotals(lines: ReadonlyArray<{ quantity: number; unitPriceMinor: bigint | number; currency?: string }>, discountBps: number): QuoteTotals {
  const parsed = parseOrInvalid(totalsInput, { lines, discountBps }, 'quote.invalid');
  const out = parsed.lines.map((l) => ({ quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, lineTotalMinor: BigInt(l.quantity) * l.unitPriceMinor }));
  const subtotalMinor = out.reduce((sum, l) => sum + l.lineTotalMinor, 0n);
  const discountMinor = divRoundHalfUp(subtotalMinor * BigInt(parsed.discountBps), 10_000n);
  return { lines: out, subtotalMinor, discountMinor, totalMinor: subtotalMinor - discountMinor };
}
