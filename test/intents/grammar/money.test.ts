// Amounts become integer minor units exactly: checked against BigInt arithmetic, never floats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentToBps, readPrice, shiftDecimal, zheToBps } from '../../../src/intents/grammar/money.ts';

describe('money', () => {
  it('shifts any decimal string exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, '0')}`;
        expect(readPrice(text, 'USD')).toEqual({ ok: true, minor: whole * 100n + BigInt(cents) });
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['1200', undefined, 120000n],
    ['1,200.50', undefined, 120050n],
    ['19.99', 'USD', 1999n],
    ['0.1', undefined, 10n],
    ['1.2k', undefined, 120000n],
    ['1.5万', 'CNY', 1500000n],
    ['1500', 'JPY', 1500n],
    ['1.5', 'KWD', 1500n],
  ] as const)('%s (%s) is %s minor units', (text, currency, minor) => {
    expect(readPrice(text, currency)).toMatchObject({ ok: true, minor });
  });

  it('reads the currency written with the amount', () => {
    expect(readPrice('$19.99', undefined)).toEqual({ ok: true, minor: 1999n, currency: 'USD' });
    expect(readPrice('3000 cny', undefined)).toEqual({ ok: true, minor: 300000n, currency: 'CNY' });
    expect(readPrice('¥3000', 'JPY')).toEqual({ ok: true, minor: 300000n, currency: 'CNY' });
    expect(readPrice('$5 CNY', undefined)).toEqual({ ok: false, problem: 'currency' });
  });

  it('refuses what would lose digits or is no amount', () => {
    expect(readPrice('1.005', 'USD')).toEqual({ ok: false, problem: 'precision' });
    expect(readPrice('1.5', 'JPY')).toEqual({ ok: false, problem: 'precision' });
    expect(readPrice('1,20', undefined)).toEqual({ ok: false, problem: 'format' });
    expect(readPrice('-5', undefined)).toEqual({ ok: false, problem: 'format' });
    expect(readPrice('1e5', undefined)).toEqual({ ok: false, problem: 'format' });
    expect(shiftDecimal('1', '55', 1)).toBeUndefined();
    expect(shiftDecimal('1', '50', 1)).toBe(15n);
    expect(shiftDecimal('1', '500', 2)).toBe(150n);
  });

  it('turns discounts into basis points', () => {
    expect(percentToBps('12')).toBe(1200);
    expect(percentToBps('12.5')).toBe(1250);
    expect(percentToBps('0.01')).toBe(1);
    expect(percentToBps('0.001')).toBeUndefined();
    expect(percentToBps('100')).toBe(10000);
    expect(percentToBps('101')).toBeUndefined();
    expect(zheToBps('88')).toBe(1200);
    expect(zheToBps('8')).toBe(2000);
    expect(zheToBps('8.5')).toBe(1500);
    expect(zheToBps('95')).toBe(500);
    expect(zheToBps('0')).toBeUndefined();
  });
});
