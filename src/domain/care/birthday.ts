// A contact's birthday as people type it or a sheet holds it, and the day a yearly date falls on in a
// given year. Gregorian only: a lunar birthday (农历) is refused rather than guessed, because its
// Gregorian date moves every year and the calendar tables to place it are not kept here.
import type { LocalDate } from '../time/zone.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function make(year: number | undefined, month: number, day: number): string | undefined {
  if (year !== undefined && (year < 1900 || year > 2100)) return undefined;
  // Without a year, 02-29 is a real birthday: checked against a leap year.
  if (!validDay(year ?? 2000, month, day)) return undefined;
  return year === undefined ? `${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * "3-15", "03-15", "3/15", "3.15", "March 15", "15 Mar", "3月15日", "3月15号", "1985-03-15",
 * "1985/3/15", "1985年3月15日", "March 15, 1985" → "MM-DD" or "YYYY-MM-DD"; a Date (a spreadsheet cell)
 * as its UTC day. Anything else, 农历 dates included, is undefined: never a guess.
 */
export function readBirthday(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : make(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  const t = value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (/农历|阴历|lunar/.test(t)) return undefined;
  let m = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(t);
  if (m) return make(m[1] ? Number(m[1]) : undefined, Number(m[2]), Number(m[3]));
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(t);
  if (m && MONTHS[m[1]!]) return make(m[3] ? Number(m[3]) : undefined, MONTHS[m[1]!]!, Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?:,? (\d{4}))?$/.exec(t);
  if (m && MONTHS[m[2]!]) return make(m[3] ? Number(m[3]) : undefined, MONTHS[m[2]!]!, Number(m[1]));
  return undefined;
}

/** Month and day of a stored birthday ("MM-DD" or "YYYY-MM-DD") or a day-precise founding date. */
export function monthDayOf(stored: string): { year?: number; month: number; day: number } | undefined {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(stored);
  return m ? { ...(m[1] ? { year: Number(m[1]) } : {}), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/** The day a yearly date falls on in `year`: 29 February is kept on the 28th in other years. */
export function yearlyOn(month: number, day: number, year: number): LocalDate {
  if (month === 2 && day === 29 && !validDay(year, 2, 29)) return { year, month: 2, day: 28 };
  return { year, month, day };
}
