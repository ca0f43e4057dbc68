// Wall-clock arithmetic in the user's IANA zone. Nothing here reads the process's own zone except
// hostReference(), which deliberately maps the user's wall clock onto it for chrono-node.
import { addDays, localDateOf, type LocalDate } from '../../domain/time/zone.ts';
import { wallOf, wallToInstant, weekdayOf, type Wall } from '../../domain/time/wall.ts';

export { addDays, localDateOf, wallOf, wallToInstant, weekdayOf, type LocalDate, type Wall };

/** The moment of speaking: the user's wall clock and the instant it reads. */
export interface Clock extends Wall {
  instant: Date;
}

export function clockOf(instant: Date, timeZone: string): Clock {
  return { ...wallOf(instant, timeZone), instant };
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

/** A Date whose host-local fields equal the user's wall clock: chrono-node computes in host-local time. */
export function hostReference(wall: Wall): Date {
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
