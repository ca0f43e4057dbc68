// Natural-language dates, resolved in the acting user's IANA zone, the same whatever zone the
// server runs in. Policy (DESIGN.md): a time already past today rolls to tomorrow; a weekday name is
// its next occurrence (said on that weekday: today if the time given is still ahead, else next week);
// a date without a time is the workday start (hasTime false); EOD is the workday end; end of month
// is the month's last day; a phrase without a date gives no date, never a guess. Hours 1–6 said
// without 上午/早上/凌晨/am mean the afternoon (3点 = 15:00); a part of the day alone has a time
// (上午 = workday start, 中午 12:00, 下午 15:00, 傍晚 18:00, 今晚/tonight 20:00); said for today and
// already past, it becomes the next full hour, so it is still ahead. A phrase that points backwards
// (昨天, 上周三, last Friday, 3 days ago) is never moved forward: it is marked past, for /log to use and
// for next steps and snoozes to refuse.
import { parseChinese } from './chinese.ts';
import { parseEnglish } from './english.ts';
import type { Found } from './found.ts';
import { partMinute } from './parts.ts';
import { addDays, addMonths, clockOf, compareDates, wallToInstant, type Clock } from './wall.ts';

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
  /** The moment named is already behind the speaker (a past day, or a time already gone today). */
  past?: boolean;
}

export interface FoundDate extends ParsedDate {
  /** The text with the date phrase taken out, e.g. the task title. */
  rest: string;
  /** Where the date phrase starts and ends in the text (first span's start, last span's end). */
  index?: number;
  end?: number;
}

const HAN = /[\u3400-\u9fff]/;
const MAX_LENGTH = 2000;

export function findDateIn(text: string, opts: DateOptions): FoundDate {
  const input = text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
  // One reading of the user's wall clock per phrase: formatToParts is the costly part of all this.
  const now = clockOf(opts.now, opts.timeZone);
  const found = detect(input, now);
  if (!found) return { start: null, hasTime: false, rest: tidy(text) };
  const spans = [...found.spans].sort((a, b) => a[0] - b[0]);
  // Touching spans read as one phrase (明天下午3点), apart ones joined by a space.
  let matched = '';
  let last = -1;
  for (const [s, e] of spans) {
    if (e <= last) continue;
    const from = Math.max(s, last);
    matched += (last >= 0 && from > last ? ' ' : '') + input.slice(from, e).trim();
    last = e;
  }
  matched = matched.trim();
  let rest = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (s >= at) rest += input.slice(at, s) + ' ';
    at = Math.max(at, e);
  }
  rest += input.slice(at);
  const resolved = resolve(found, opts, now);
  if (!resolved.start) return { start: null, hasTime: false, rest: tidy(text) };
  return { ...resolved, matched, rest: tidy(rest), index: spans[0]![0], end: Math.max(...spans.map(([, e]) => e)) };
}

export function parseDate(text: string, opts: DateOptions): ParsedDate {
  const { start, hasTime, matched, past } = findDateIn(text, opts);
  return { start, hasTime, matched, past };
}

function detect(text: string, now: Clock): Found | null {
  // Chinese words first when the text has Han characters; English phrases inside Chinese text still count.
  if (HAN.test(text)) return parseChinese(text, now) ?? parseEnglish(text, now);
  return parseEnglish(text, now);
}

function resolve(found: Found, opts: DateOptions, now: Clock): ParsedDate {
  const today = { year: now.year, month: now.month, day: now.day };
  if (found.instant) return { start: found.instant, hasTime: true, past: found.instant.getTime() < opts.now.getTime() - 60_000 };
  const workStart = opts.workdayStartMinute ?? 540;
  const workEnd = opts.workdayEndMinute ?? 1020;
  const defaultMinute = found.part ? partMinute(found.part, workStart) : undefined;
  const hasTime = found.minute !== undefined || found.endOfDay === true || defaultMinute !== undefined;
  let minute = found.endOfDay ? workEnd : (found.minute ?? defaultMinute ?? workStart);
  let date = found.date ?? today;
  let cached: { key: string; at: Date } | undefined;
  const at = () => {
    const key = `${date.year}-${date.month}-${date.day} ${minute}`;
    if (cached?.key !== key) cached = { key, at: wallToInstant(date, minute, opts.timeZone) };
    return cached.at;
  };
  if (found.backwards) {
    // Looking back: never rolled. 
  } else if (!found.date) {
    if (!hasTime) return { start: null, hasTime: false };
    if (at() <= opts.now) date = addDays(date, 1);
  } else if (found.roll && (hasTime ? at() <= opts.now : compareDates(date, today) < 0 || (found.roll === 'week' && compareDates(date, today) === 0))) {
    date = found.roll === 'week' ? addDays(date, 7) : found.roll === 'month' ? addMonths(date, 1) : found.roll === 'year' ? addMonths(date, 12) : addDays(date, 1);
  } else if (found.minute === undefined && (found.endOfDay || (found.part && found.part !== 'morning' && found.part !== 'noon')) && compareDates(date, today) === 0 && at() <= opts.now) {
    // 今晚, tonight, 今天下班前 said after the hour they stand for: the next full hour, still today if it can be.
    const next = (now.hour + 1) * 60;
    if (next < 24 * 60) minute = Math.max(minute, next);
  }
  const start = at();
  const past = hasTime ? start.getTime() < opts.now.getTime() - 60_000 : compareDates(date, today) < 0;
  return { start, hasTime, past };
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
