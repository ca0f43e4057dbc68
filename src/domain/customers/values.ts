// Readers for the customer values people type or paste from a spreadsheet: partial dates (成立时间),
// calendar days (首次接触日期), budgets as money ranges (预算范围 "50万-80万"), and the team's currency.
// Pure functions; every reader answers undefined for text it cannot read exactly, never a guess.

/** ISO 4217 code a team's money is in: its own setting, else CNY for a Chinese team and USD otherwise. */
export function teamCurrency(team: { currency: string | null; locale: string }): string {
  return team.currency ?? (team.locale === 'zh-CN' ? 'CNY' : 'USD');
}

const YMD = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?)?\s*年?$/;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2015", "2015-3", "2015年3月8日", "2015/03/08" to "2015", "2015-03", "2015-03-08"; a Date as its UTC day. */
export function readPartialDate(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const m = YMD.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1800 || y > 2200) return undefined;
  if (!m[2]) return String(y);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  if (!m[3]) return `${y}-${String(mo).padStart(2, '0')}`;
  const d = Number(m[3]);
  if (!validDay(y, mo, d)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A whole calendar day ("2026-03-08", "2026年3月8日"), as UTC midnight for a DATE column. */
export function readDay(value: string | Date): Date | undefined {
  const iso = readPartialDate(value);
  return iso && iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : undefined;
}

export interface Budget {
  minMinor: bigint;
  maxMinor: bigint;
  currency: string;
}

const CURRENCY_WORDS: Record<string, string> = { $: 'USD', '¥': 'CNY', '￥': 'CNY', '€': 'EUR', '£': 'GBP', 元: 'CNY', 人民币: 'CNY', rmb: 'CNY', 美元: 'USD', 欧元: 'EUR' };
const CODES = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'CHF', 'KRW', 'TWD', 'INR', 'NZD'];
// One side of a range: optional currency sign, digits (thousands commas allowed), optional decimals,
// optional multiplier (k, m, 万, 千, 百万, 亿), optional currency word after.
const SIDE = String.raw`([$¥￥€£])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m|千|万|百万|亿)?\s*([a-z]{3}|元|人民币|美元|欧元)?`;
const RANGE = new RegExp(`^${SIDE}(?:\\s*(?:-|–|—|~|～|至|到|to)\\s*${SIDE})?$`, 'i');
const SCALE: Record<string, number> = { k: 3, 千: 3, 万: 4, m: 6, 百万: 6, 亿: 8 };

// Building an Intl.NumberFormat costs far more than the lookup: an import reads a budget per row.
const DIGITS = new Map<string, number>();

function minorDigits(currency: string): number {
  let digits = DIGITS.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (DIGITS.size < 500) DIGITS.set(currency, digits);
  }
  return digits;
}

function shift(int: string, frac: string, by: number): bigint | undefined {
  const padded = frac.padEnd(by, '0');
  if (/[1-9]/.test(padded.slice(by))) return undefined;
  const digits = (int.replace(/,/g, '') + padded.slice(0, by)).replace(/^0+(?=\d)/, '');
  return digits.length > 18 ? undefined : BigInt(digits);
}

/**
 * "50万-80万", "50-80万" (the unit of the upper end covers both), "¥500,000", "$50k-80k",
 * "100万元", "30000 USD"; in the team's currency unless the text names one.
 */
export function readBudget(value: string, defaultCurrency: string): Budget | undefined {
  const m = RANGE.exec(value.normalize('NFKC').trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const [, s1, i1, f1 = '', u1, c1, s2, i2, f2 = '', u2, c2] = m;
  const cur = (sign?: string, word?: string) => {
    const fromSign = sign ? CURRENCY_WORDS[sign] : undefined;
    const fromWord = word ? (CURRENCY_WORDS[word.toLowerCase()] ?? (CODES.includes(word.toUpperCase()) ? word.toUpperCase() : null)) : undefined;
    if (fromWord === null) return null;
    if (fromSign && fromWord && fromSign !== fromWord) return null;
    return fromSign ?? fromWord;
  };
  const a = cur(s1, c1);
  const b = i2 ? cur(s2, c2) : undefined;
  if (a === null || b === null || (a && b && a !== b)) return undefined;
  const currency = a ?? b ?? defaultCurrency;
  const digits = minorDigits(currency);
  const unit2 = u2?.toLowerCase();
  const unit1 = u1?.toLowerCase() ?? (i2 ? unit2 : undefined);
  const min = shift(i1!, f1, digits + (unit1 ? SCALE[unit1]! : 0));
  const max = i2 ? shift(i2, f2, digits + (unit2 ? SCALE[unit2]! : 0)) : min;
  if (min === undefined || max === undefined || min > max) return undefined;
  return { minMinor: min, maxMinor: max, currency };
}

function major(minor: bigint, digits: number): string {
  const s = minor.toString().padStart(digits + 1, '0');
  const int = digits ? s.slice(0, -digits) : s;
  const frac = digits ? s.slice(-digits).replace(/0+$/, '') : '';
  return frac ? `${int}.${frac}` : int;
}

/**
 * A budget as a person would write it back, exactly (readBudget reads it to the same value):
 * "50万-80万" for a Chinese reader when both ends are whole 万, else "500000-800000";
 * the currency is named when it is not the team's.
 */
export function writeBudget(b: Budget, locale: string, teamCurrencyCode: string): string {
  const digits = minorDigits(b.currency);
  const wan = 10_000n * 10n ** BigInt(digits);
  const useWan = locale === 'zh-CN' && b.minMinor % wan === 0n && b.maxMinor % wan === 0n && b.minMinor > 0n;
  const side = (v: bigint) => (useWan ? `${v / wan}万` : major(v, digits));
  const body = b.minMinor === b.maxMinor ? side(b.minMinor) : `${side(b.minMinor)}-${side(b.maxMinor)}`;
  return b.currency === teamCurrencyCode ? body : `${body} ${b.currency}`;
}
