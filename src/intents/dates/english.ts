// English date phrases. chrono-node reads the words; it is handed the user's wall clock as a
// host-local reference, and only its calendar fields are used, never its instants, so the result
// does not depend on the server's zone. EOD and end-of-month/week are ours: chrono misses them.
import * as chrono from 'chrono-node';
import type { Found } from './found.ts';
import { addDays, daysInMonth, hostReference, weekdayOf, type LocalDate, type Wall } from './wall.ts';

const EOD = /\b(?:eod|cob|end of (?:the )?(?:business )?day|close of business)\b/i;
const EOM = /\b(?:eom|end of (?:the )?month)\b/i;
const EOW = /\b(?:eow|end of (?:the )?week)\b/i;

export function parseEnglish(text: string, now: Wall): Found | null {
  const found: Found = { spans: [] };
  let rest = text;
  const blank = (m: RegExpExecArray) => {
    found.spans.push([m.index, m.index + m[0].length]);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  let m: RegExpExecArray | null;
  if ((m = EOM.exec(rest))) {
    found.date = { year: now.year, month: now.month, day: daysInMonth(now.year, now.month) };
    blank(m);
  } else if ((m = EOW.exec(rest))) {
    // The working week ends on Friday; said at the weekend it means the coming Friday.
    found.date = addDays(today, (5 - weekdayOf(today) + 7) % 7);
    blank(m);
  }
  if ((m = EOD.exec(rest))) {
    found.endOfDay = true;
    blank(m);
  }
  const results = chrono.en.parse(rest, hostReference(now), { forwardDate: true });
  const r = results[0];
  if (r) {
    const c = r.start;
    found.spans.push([r.index, r.index + r.text.length]);
    if (!found.date && (c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || /\b(today|tonight|tomorrow|next|in|after|from now|ago)\b/i.test(r.text))) {
      found.date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
      if (c.isCertain('weekday') && !c.isCertain('day') && !/\bnext\b|\blast\b|\bthis\b/i.test(r.text)) found.roll = 'week';
      else if (c.isCertain('day') && c.isCertain('month') && !c.isCertain('year')) found.roll = 'year';
    }
    if (c.isCertain('hour') && !found.endOfDay) found.minute = c.get('hour')! * 60 + (c.get('minute') ?? 0);
  }
  return found.spans.length ? found : null;
}
