// Parts of the day, and reading a chrono-node result back as calendar fields. chrono is always
// given the user's wall clock as a host-local reference (hostReference), so its fields are the
// user's wall clock whatever zone the server runs in; its instants are never used.
import type { ParsedResult } from 'chrono-node';
import type { Found } from './found.ts';
import type { Clock } from './wall.ts';

/** small = 凌晨 (no default time); the others have one (see partMinute). */
export type Part = 'small' | 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening';

/** The minute a part of the day means when no clock time is given: morning is the workday start. */
export function partMinute(part: Part, workdayStartMinute: number): number | undefined {
  switch (part) {
    case 'morning':
      return workdayStartMinute;
    case 'noon':
      return 12 * 60;
    case 'afternoon':
      return 15 * 60;
    case 'dusk':
      return 18 * 60;
    case 'evening':
      return 20 * 60;
    default:
      return undefined;
  }
}

const CASUAL_PARTS: Record<string, Part> = { morning: 'morning', noon: 'noon', afternoon: 'afternoon', evening: 'evening', tonight: 'evening', night: 'evening', lastNight: 'evening', midnight: 'small' };

/** Wall-clock minutes between two sets of calendar fields, as if both were UTC: zone-free. */
function wallDeltaMs(r: ParsedResult, now: Clock): number {
  const c = r.start;
  const then = Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!, c.get('hour') ?? 0, c.get('minute') ?? 0, c.get('second') ?? 0);
  return then - Date.UTC(now.year, now.month - 1, now.day, now.hour, now.minute, now.instant.getUTCSeconds());
}

/** A chrono result as our Found: calendar fields, a part of the day, or an exact elapsed instant. */
export function fromChrono(r: ParsedResult, now: Clock): Found {
  const c = r.start;
  const tags = r.tags();
  const found: Found = { spans: [[r.index, r.index + r.text.length]] };
  if (tags.has('result/relativeDateAndTime')) {
    // "in 90 minutes", "2 hours ago": elapsed time from now, not wall-clock arithmetic across DST.
    found.instant = new Date(now.instant.getTime() + wallDeltaMs(r, now));
    if (found.instant < now.instant) found.backwards = true;
    return found;
  }
  const dated = c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || tags.has('result/relativeDate');
  if (dated) {
    found.date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
    if (Date.UTC(found.date.year, found.date.month - 1, found.date.day) < Date.UTC(now.year, now.month - 1, now.day) && tags.has('result/relativeDate')) found.backwards = true;
  }
  for (const tag of tags) {
    const m = /^casualReference\/(\w+)$/.exec(tag);
    if (m && CASUAL_PARTS[m[1]!]) found.part = CASUAL_PARTS[m[1]!];
    if (m && (m[1] === 'yesterday' || m[1] === 'lastNight')) found.backwards = true;
  }
  if (c.isCertain('hour')) {
    let hour = c.get('hour')!;
    // Working talk: "at 3" is 15:00; "3am", "3 in the morning" say otherwise.
    if (!c.isCertain('meridiem') && hour >= 1 && hour <= 6 && found.part !== 'morning' && found.part !== 'small') hour += 12;
    found.minute = hour * 60 + (c.get('minute') ?? 0);
  }
  return found;
}
