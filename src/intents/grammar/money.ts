// Amounts and discounts from decimal text to integers, exactly: digits are shifted as strings and
// only then turned into BigInt, so "19.99" is 1999 minor units and never 1998.9999.
import { MAX_UNIT_PRICE_MINOR } from '../../domain/quotes/totals.ts';

export const SYMBOL_CURRENCY: Record<string, string> = { $: 'USD', '¥': 'CNY', '€': 'EUR', '£': 'GBP', 元: 'CNY', 块: 'CNY', rmb: 'CNY' };
export const KNOWN_CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'CHF', 'KRW', 'TWD', 'INR', 'NZD', 'SEK', 'NOK', 'DKK', 'MXN', 'BRL'];

/** A currency word (code, symbol, 元) to its ISO code, or undefined. */
export function currencyOf(word: string): string | undefined {
  const w = word.trim();
  if (!w) return undefined;
  const sym = SYMBOL_CURRENCY[w.toLowerCase()];
  if (sym) return sym;
  const up = w.toUpperCase();
  return KNOWN_CURRENCIES.includes(up) ? up : undefined;
}

const digitsCache = new Map<string, number>();

/** Digits after the decimal point in a currency's minor unit (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string | undefined): number {
  if (!currency) return 2;
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    // Building an Intl formatter costs tens of microseconds; currencies are few, so remember them.
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (digitsCache.size < 300) digitsCache.set(currency, digits);
  }
  return digits;
}

/** `int.frac × 10^shift` as an exact integer, or undefined when digits would be lost. */
export function shiftDecimal(intPart: string, fracPart: string, shift: number): bigint | undefined {
  const frac = fracPart.padEnd(shift, '0');
  const kept = frac.slice(0, shift);
  if (/[1-9]/.test(frac.slice(shift))) return undefined;
  const digits = (intPart + kept).replace(/^0+(?=\d)/, '');
  return digits.length > 40 ? undefined : BigInt(digits || '0');
}

const PRICE_RE = /^([$¥€£])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|w|万)?\s*([a-z]{3}|元|块)?$/i;

export type PriceResult = { ok: true; minor: bigint; currency?: string } | { ok: false; problem: 'format' | 'precision' | 'too_large' | 'currency' };

/** "1200", "1,200.50", "$1.2k", "¥3000", "3000 CNY", "1.5万元"; `currency` decides the minor unit. */
export function readPrice(text: string, currency: string | undefined): PriceResult {
  const m = PRICE_RE.exec(text.trim());
  if (!m) return { ok: false, problem: 'format' };
  const [, sym, int, frac = '', mult, code] = m;
  const symCur = sym ? SYMBOL_CURRENCY[sym] : undefined;
  const codeCur = code ? currencyOf(code) : undefined;
  if (code && !codeCur) return { ok: false, problem: 'currency' };
  if (symCur && codeCur && symCur !== codeCur) return { ok: false, problem: 'currency' };
  const own = symCur ?? codeCur;
  const scale = mult ? (mult.toLowerCase() === 'k' ? 3 : 4) : 0;
  const minor = shiftDecimal(int!.replace(/,/g, ''), frac, scale + minorDigits(own ?? currency));
  if (minor === undefined) return { ok: false, problem: 'precision' };
  if (minor > MAX_UNIT_PRICE_MINOR) return { ok: false, problem: 'too_large' };
  return own ? { ok: true, minor, currency: own } : { ok: true, minor };
}

/** "12" or "12.5" percent off to basis points (1200, 1250); undefined past two decimals or 100%. */
export function percentToBps(text: string): number | undefined {
  const m = /^(\d{1,3})(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const bps = shiftDecimal(m[1]!, m[2] ?? '', 2);
  return bps !== undefined && bps <= 10_000n ? Number(bps) : undefined;
}

/** Chinese 折: the share paid. 88折 pays 88% (12% off), 8折 pays 80%, 8.5折 pays 85%. */
export function zheToBps(text: string): number | undefined {
  const m = /^(\d)(?:\.(\d))?$|^(\d{2})$/.exec(text);
  if (!m) return undefined;
  const paidPercent = m[3] ? Number(m[3]) : Number(m[1]) * 10 + Number(m[2] ?? '0');
  if (paidPercent <= 0 || paidPercent > 100) return undefined;
  return 10_000 - paidPercent * 100;
}
