// Wall-clock arithmetic in the user's IANA zone. Nothing here reads the process's own zone except
// hostReference(), which deliberately maps the user's wall clock onto it for chrono-node.
import { addDays, localDateOf, zoneOffsetMs, type LocalDate } from '../../domain/time/zone.ts';

export { addDays, localDateOf, type LocalDate };

export interface Wall extends LocalDate {
  hour: number;
  minute: number;
  /** Monday = 1 … Sunday = 7 */
  weekday: number;
}

/** The moment of speaking: the user's wall clock and the instant it reads. */
export interface Clock extends Wall {
  instant: Date;
}

export function wallOf(instant: Date, timeZone: string): Wall {
  // One formatToParts call: the offset gives the wall clock's fields directly.
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  const date = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  return { ...date, hour: local.getUTCHours(), minute: local.getUTCMinutes(), weekday: weekdayOf(date) };
}

export function clockOf(instant: Date, timeZone: string): Clock {
  return { ...wallOf(instant, timeZone), instant };
}

export function weekdayOf(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: LocalDate, months: number, day = date.day): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
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

/** A Date whose host-local fields equal the user's wall clock: chrono-node computes in host-local time. */
export function hostReference(wall: Wall): Date {
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
