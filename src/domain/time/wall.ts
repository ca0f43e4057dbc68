// A wall clock in a person's IANA zone: the fields it shows at an instant, and the instant a wall
// time names. Pure arithmetic over zoneOffsetMs, shared by the date phrases, the digest slots and
// quiet hours.
import { zoneOffsetMs, type LocalDate } from './zone.ts';

export interface Wall extends LocalDate {
  hour: number;
  minute: number;
  /** Monday = 1 … Sunday = 7 */
  weekday: number;
}

export function wallOf(instant: Date, timeZone: string): Wall {
  // One formatToParts call: the offset gives the wall clock's fields directly.
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  const date = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  return { ...date, hour: local.getUTCHours(), minute: local.getUTCMinutes(), weekday: weekdayOf(date) };
}

export function weekdayOf(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The instant a wall-clock time names in the zone. In a DST gap the time moves forward by the gap
 * (02:30 that does not exist becomes 03:30); in an overlap the earlier instant wins.
 */
export function wallToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const before = naive - zoneOffsetMs(new Date(naive - 12 * 3_600_000), timeZone);
  const after = naive - zoneOffsetMs(new Date(naive + 12 * 3_600_000), timeZone);
  const matches = (t: number) => {
    const w = wallOf(new Date(t), timeZone);
    return w.year === date.year && w.month === date.month && w.day === date.day && w.hour * 60 + w.minute === minuteOfDay % 1440;
  };
  const valid = (before === after ? [before] : [before, after]).filter(matches);
  if (valid.length) return new Date(Math.min(...valid));
  return new Date(before);
}
