// English date phrases. chrono-node reads the words; it is handed the user's wall clock as a
// host-local reference, and only its calendar fields are used, never its instants, so the result
// does not depend on the server's zone. EOD, end of month/week and this/next/last week are ours:
// chrono misses them or counts weeks from today rather than from Monday. Forward dating is ours too
// (index.ts), because chrono's forwardDate turns "last Friday" into next Friday and "the day" into a date.
// Only the English locale (chrono-node's root module builds every locale's parsers: ~10 MB more at start).
import * as en from 'chrono-node/en';
import type { Found } from './found.ts';
import { fromChrono } from './parts.ts';
import { addDays, daysInMonth, hostReference, weekdayOf, type Clock, type LocalDate } from './wall.ts';

const EOD = /\b(?:eod|cob|end of (?:the )?(?:business )?day|close of business)\b/i;
const EOM = /\b(?:eom|end of (?:the )?month)\b/i;
const EOW = /\b(?:eow|end of (?:the )?week|this week)\b/i;
const WEEK = /\b(next|last) week\b/i;
const WEEKDAY_NAME = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;

export function parseEnglish(text: string, now: Clock): Found | null {
  const found: Found = { spans: [] };
  let rest = text.replace(URL_RE, (u) => ' '.repeat(u.length));
  const blank = (m: RegExpExecArray) => {
    found.spans.push([m.index, m.index + m[0].length]);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const monday = addDays(today, 1 - weekdayOf(today));
  let m: RegExpExecArray | null;
  if ((m = EOM.exec(rest))) {
    found.date = { year: now.year, month: now.month, day: daysInMonth(now.year, now.month) };
    blank(m);
  } else if (!WEEKDAY_NAME.test(rest) && (m = EOW.exec(rest))) {
    // The working week ends on Friday; said at the weekend it means the coming Friday.
    found.date = addDays(today, (5 - weekdayOf(today) + 7) % 7);
    blank(m);
  } else if (!WEEKDAY_NAME.test(rest) && (m = WEEK.exec(rest))) {
    // Weeks start on Monday: next week is next Monday, last week is last Monday.
    const last = m[1]!.toLowerCase() === 'last';
    found.date = addDays(monday, last ? -7 : 7);
    if (last) found.backwards = true;
    blank(m);
  }
  if ((m = EOD.exec(rest))) {
    found.endOfDay = true;
    blank(m);
  }
  const r = en.parse(rest, hostReference(now))[0];
  if (r) {
    const c = fromChrono(r, now);
    found.spans.push(...c.spans);
    if (c.instant) found.instant = c.instant;
    if (!found.date && c.date) {
      found.date = c.date;
      // "this morning", "tonight": today, said as such; never rolled to tomorrow.
      const explicit = /\b(this|next|last|today|tonight|tomorrow|yesterday|ago|in|within|after|from now)\b/i.test(r.text);
      if (r.start.isCertain('weekday') && !r.start.isCertain('day') && !explicit) found.roll = 'week';
      else if (r.start.isCertain('month') && !r.start.isCertain('year') && !explicit) found.roll = 'year';
      else if (!explicit && r.start.isCertain('day') && !r.start.isCertain('month')) found.roll = 'month';
    } else if (!found.date && /\b(this|tonight)\b/i.test(r.text)) found.date = today;
    if (/\b(last|ago|yesterday|earlier|past)\b/i.test(r.text) || c.backwards) found.backwards = true;
    if (c.part) found.part = c.part;
    if (c.minute !== undefined && !found.endOfDay) found.minute = c.minute;
  }
  return found.spans.length ? found : null;
}
