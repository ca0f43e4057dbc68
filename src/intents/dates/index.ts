// Natural-language dates, resolved in the acting user's IANA zone, the same whatever zone the
// server runs in. Policy (DESIGN.md): a time already past today rolls to tomorrow; a weekday name is
// its next occurrence (said on that weekday: today if the time given is still ahead, else next week);
// a date without a time is the workday start (hasTime false); EOD is the workday end; end of month
// is the month's last day; a phrase without a date gives no date, never a guess.
import { parseChinese } from './chinese.ts';
import { parseEnglish } from './english.ts';
import type { Found } from './found.ts';
import { addDays, addMonths, compareDates, wallOf, wallToInstant } from './wall.ts';

export interface DateOptions {
  timeZone: string;
  now: Date;
  locale?: 'en' | 'zh-CN';
  workdayStartMinute?: number;
  workdayEndMinute?: number;
}

export interface ParsedDate {
  start: Date | null;
  hasTime: boolean;
  matched?: string;
}

export interface FoundDate extends ParsedDate {
  /** The text with the date phrase taken out, e.g. the task title. */
  rest: string;
}

const HAN = /[\u3400-\u9fff]/;
const MAX_LENGTH = 2000;

export function findDateIn(text: string, opts: DateOptions): FoundDate {
  const input = text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
  const found = detect(input, opts);
  if (!found) return { start: null, hasTime: false, rest: tidy(text) };
  const spans = [...found.spans].sort((a, b) => a[0] - b[0]);
  const matched = spans.map(([s, e]) => input.slice(s, e).trim()).join(' ');
  let rest = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s >= at) rest += input.slice(at, s) + ' ';
    at = Math.max(at, e);
  }
  rest += input.slice(at);
  const resolved = resolve(found, opts);
  if (!resolved.start) return { start: null, hasTime: false, rest: tidy(text) };
  return { ...resolved, matched, rest: tidy(rest) };
}

export function parseDate(text: string, opts: DateOptions): ParsedDate {
  const { start, hasTime, matched } = findDateIn(text, opts);
  return { start, hasTime, matched };
}

function detect(text: string, opts: DateOptions): Found | null {
  const now = wallOf(opts.now, opts.timeZone);
  const today = { year: now.year, month: now.month, day: now.day };
  // Chinese words first when the text has Han characters; English phrases inside Chinese text still count.
  if (HAN.test(text)) return parseChinese(text, today) ?? parseEnglish(text, now);
  return parseEnglish(text, now);
}

function resolve(found: Found, opts: DateOptions): ParsedDate {
  const start = opts.workdayStartMinute ?? 540;
  const end = opts.workdayEndMinute ?? 1020;
  const now = wallOf(opts.now, opts.timeZone);
  const today = { year: now.year, month: now.month, day: now.day };
  const hasTime = found.minute !== undefined || found.endOfDay === true;
  const minute = found.endOfDay ? end : (found.minute ?? start);
  let date = found.date ?? today;
  const at = () => wallToInstant(date, minute, opts.timeZone);
  if (!found.date) {
    if (!hasTime) return { start: null, hasTime: false };
    if (at() <= opts.now) date = addDays(date, 1);
  } else if (found.roll && (hasTime ? at() <= opts.now : compareDates(date, today) < 0 || (found.roll === 'week' && compareDates(date, today) === 0))) {
    date = found.roll === 'week' ? addDays(date, 7) : found.roll === 'month' ? addMonths(date, 1) : found.roll === 'year' ? addMonths(date, 12) : addDays(date, 1);
  }
  return { start: at(), hasTime };
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?，。；：！？])/g, '$1')
    .replace(/^[\s,.;:，。；：、-]+|[\s,;:，；：、-]+$/g, '')
    .replace(/\b(on|at|by|before|until)$/i, '')
    .replace(/(在|于)$/, '')
    .trim();
}
