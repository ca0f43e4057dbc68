// When digests are due, from each team's wall clock: 09:00 local stays 09:00 local on both sides of
// a DST change, because slot instants are computed from the local date, never by adding 24 hours.
import { addDays, localDateOf, wallToInstant, weekdayOf, type LocalDate } from '../intents/dates/wall.ts';

export type DigestKind = 'daily' | 'weekly' | 'monthly';

export interface TeamClock {
  timeZone: string;
  workdayStartMinute: number;
  /** ISO weekdays the team works (1 = Monday); Monday to Friday when not given. */
  workdays?: number[];
}

const MON_FRI = [1, 2, 3, 4, 5];

/** Due lists go out on the team's workdays; the weekly summary on the first workday of the week, the monthly review on the first of the month. */
export function isSlotDay(kind: DigestKind, date: LocalDate, team: Pick<TeamClock, 'workdays'> = {}): boolean {
  const days = team.workdays?.length ? team.workdays : MON_FRI;
  const dow = weekdayOf(date);
  if (kind === 'monthly') {
    for (let d = 1; d < date.day; d++) if (days.includes(weekdayOf({ ...date, day: d }))) return false;
    return days.includes(dow);
  }
  return kind === 'weekly' ? dow === Math.min(...days) : days.includes(dow);
}

/** How many days back (or ahead) a slot of this kind can be: a month's first workday is up to a month and a week away. */
const SPAN: Record<DigestKind, number> = { daily: 15, weekly: 15, monthly: 40 };

export function slotOn(date: LocalDate, team: TeamClock): Date {
  return wallToInstant(date, team.workdayStartMinute, team.timeZone);
}

/** The most recent slot at or before `now`, and its local date. */
export function latestSlot(kind: DigestKind, team: TeamClock, now: Date): { slot: Date; date: LocalDate } {
  let date = localDateOf(now, team.timeZone);
  for (let i = 0; i < SPAN[kind]; i++, date = addDays(date, -1)) {
    if (!isSlotDay(kind, date, team)) continue;
    const slot = slotOn(date, team);
    if (slot <= now) return { slot, date };
  }
  throw new Error(`no ${kind} slot in the last ${SPAN[kind]} days`);
}

export function nextSlot(kind: DigestKind, team: TeamClock, now: Date): Date {
  let date = localDateOf(now, team.timeZone);
  for (let i = 0; i < SPAN[kind]; i++, date = addDays(date, 1)) {
    if (!isSlotDay(kind, date, team)) continue;
    const slot = slotOn(date, team);
    if (slot > now) return slot;
  }
  throw new Error(`no ${kind} slot in the next ${SPAN[kind]} days`);
}

/** A slot still worth sending: the same local day it was due (later days are skipped, not piled up). */
export function stillDue(slotDate: LocalDate, team: TeamClock, now: Date): boolean {
  const today = localDateOf(now, team.timeZone);
  return today.year === slotDate.year && today.month === slotDate.month && today.day === slotDate.day;
}
