import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteTotals } from '../../../src/domain/quotes/totals.ts';

function invalidField(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; details: { problem: string } };
    expect(err.code).toBe('invalid');
    return err.details.problem;
  }
  throw new Error('expected invalid input to be refused');
}

describe('quoteTotals', () => {
  it('sums lines and rounds the discount half up to the minor unit', () => {
    const t = quoteTotals([{ quantity: 3, unitPriceMinor: 1999n }, { quantity: 1, unitPriceMinor: 5 }], 1250);
    expect(t.lines.map((l) => l.lineTotalMinor)).toEqual([5997n, 5n]);
    expect(t.subtotalMinor).toBe(6002n);
    expect(t.discountMinor).toBe(750n); // 750.25
    expect(t.totalMinor).toBe(5252n);
    // Exactly half a minor unit rounds up: 1 × 50 × 100 bps = 0.5.
    expect(quoteTotals([{ quantity: 1, unitPriceMinor: 50 }], 100).discountMinor).toBe(1n);
    expect(quoteTotals([{ quantity: 1, unitPriceMinor: 49 }], 100).discountMinor).toBe(0n);
    expect(quoteTotals([{ quantity: 2, unitPriceMinor: 0 }], 10_000).totalMinor).toBe(0n);
  });

  it('stays exact far beyond float precision', () => {
    const t = quoteTotals([{ quantity: 1_000_000, unitPriceMinor: 10n ** 15n }], 1);
    expect(t.subtotalMinor).toBe(10n ** 21n);
    expect(t.discountMinor).toBe(10n ** 17n);
    expect(t.totalMinor).toBe(10n ** 21n - 10n ** 17n);
  });

  it('matches a rational reference for any valid input', () => {
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 1_000_000 }), unitPriceMinor: fc.bigInt({ min: 0n, max: 10n ** 12n }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 10_000 }), (lines, bps) => {
        const t = quoteTotals(lines, bps);
        const subtotal = lines.reduce((s, l) => s + BigInt(l.quantity) * l.unitPriceMinor, 0n);
        const exact = subtotal * BigInt(bps); // discount × 10000
        const floor = exact / 10_000n;
        const expected = exact - floor * 10_000n >= 5_000n ? floor + 1n : floor;
        expect(t.subtotalMinor).toBe(subtotal);
        expect(t.discountMinor).toBe(expected);
        expect(t.totalMinor).toBe(subtotal - expected);
        expect(t.totalMinor >= 0n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses bad quantities, prices, discounts, line counts and mixed currencies', () => {
    const ok = { quantity: 1, unitPriceMinor: 100 };
    expect(invalidField(() => quoteTotals([{ ...ok, quantity: 0 }], 0))).toBe('quantity_not_positive');
    expect(invalidField(() => quoteTotals([{ ...ok, quantity: 1.5 }], 0))).toBe('quantity_not_integer');
    expect(invalidField(() => quoteTotals([{ ...ok, unitPriceMinor: -1 }], 0))).toBe('unit_price_negative');
    expect(invalidField(() => quoteTotals([{ ...ok, unitPriceMinor: 19.99 }], 0))).toBe('unit_price_not_integer');
    expect(invalidField(() => quoteTotals([ok], -1))).toBe('discount_negative');
    expect(invalidField(() => quoteTotals([ok], 10_001))).toBe('discount_over_100_percent');
    expect(invalidField(() => quoteTotals([ok], 12.5))).toBe('discount_not_integer');
    expect(invalidField(() => quoteTotals([], 0))).toBe('no_lines');
    expect(invalidField(() => quoteTotals(Array(51).fill(ok), 0))).toBe('too_many_lines');
    expect(invalidField(() => quoteTotals([{ ...ok, currency: 'USD' }, { ...ok, currency: 'CNY' }], 0))).toBe('mixed_currencies');
    expect(quoteTotals(Array(50).fill(ok), 0).subtotalMinor).toBe(5000n);
  });
});
