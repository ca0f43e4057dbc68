// Values as people read them, in their language and zone. Money goes to Intl as a decimal string
// built from the BigInt, so no amount passes through a float on its way to the screen.
import type { Locale } from '../invocation.ts';
import { minorDigits } from '../grammar/money.ts';

/** 120050n USD -> "$1,200.50"; "¥1,200.50" for CNY in zh-CN. */
export function formatMoney(locale: Locale, minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const decimal = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  try {
    const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    return (nf.format as unknown as (v: string) => string)((negative ? '-' : '') + decimal);
  } catch {
    return `${negative ? '-' : ''}${decimal} ${currency}`;
  }
}

/** 1250 -> "12.5%". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(Math.abs(bps % 100)).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''}%`;
}

/** An instant in the reader's zone; without `withTime` only the date (a due date given without time). */
export function formatInstant(locale: Locale, at: Date, timeZone: string, withTime = true): string {
  try {
    return instantFormat(locale, timeZone, withTime).format(at);
  } catch {
    return instantFormat(locale, 'UTC', withTime).format(at) + ' UTC';
  }
}

// Building an Intl.DateTimeFormat costs far more than using one: one per locale, zone and shape.
const instantFormats = new Map<string, Intl.DateTimeFormat>();
function instantFormat(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}), timeZone });
    instantFormats.set(key, f);
  }
  return f;
}
