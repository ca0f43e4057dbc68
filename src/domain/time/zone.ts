// Calendar days in a user's IANA zone, computed with Intl only, so "today" never depends on the
// server's TZ and stays right across DST changes (days of 23 or 25 hours).

export interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for a name Intl does not know, so callers can validate zones up front. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formattedWallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function formattedOffsetMs(ms: number, timeZone: string): number {
  const w = formattedWallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

// formatToParts was 42 % of a date phrase's parse time, called several times per phrase (each
// startOfLocalDay and wallToInstant asks for a few offsets). A zone's offset changes a few times a
// year, never twice within an hour, so an hour whose first and last second have the same offset has
// it throughout: that offset is kept per zone and UTC hour, and an hour holding a change is always
// computed afresh.
const HOUR = 3_600_000;
const offsets = new Map<string, number>();

/** Offset of the zone from UTC at that instant, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const hour = Math.floor(ms / HOUR);
  const key = `${timeZone}|${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const first = formattedOffsetMs(hour * HOUR, timeZone);
  if (first !== formattedOffsetMs(hour * HOUR + HOUR - 1000, timeZone)) return formattedOffsetMs(ms, timeZone);
  if (offsets.size >= 20_000) offsets.clear();
  offsets.set(key, first);
  return first;
}

function wallClock(instant: Date, timeZone: string) {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + zoneOffsetMs(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The same calendar date moved by whole days (month and year roll over). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The first instant of that calendar date in the zone (01:00 where DST skips midnight). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes: the offset at the guess may differ from the offset at the answer around DST.
  let t = naive - zoneOffsetMs(new Date(naive), timeZone);
  t = naive - zoneOffsetMs(new Date(t), timeZone);
  // In a gap at midnight the arithmetic lands on the previous evening; step forward to the date.
  while (!sameDate(localDateOf(new Date(t), timeZone), date)) t += 15 * 60_000;
  // Step back while the previous quarter hour is still the same date (the earliest instant wins).
  while (sameDate(localDateOf(new Date(t - 15 * 60_000), timeZone), date)) t -= 15 * 60_000;
  return new Date(t);
}

/** [start, end) of the local day that contains the instant. */
export function dayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const today = localDateOf(instant, timeZone);
  return { start: startOfLocalDay(today, timeZone), end: startOfLocalDay(addDays(today, 1), timeZone) };
}

/** "YYYY-MM-DD" of a calendar date. */
export function isoDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
