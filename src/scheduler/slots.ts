// When digests are due, from each team's wall clock: 09:00 local stays 09:00 local on both sides of
// a DST change, because slot instants are computed from the local date, never by adding 24 hours.
import { addDays, localDateOf, wallToInstant, weekdayOf, type LocalDate } from '../intents/dates/wall.ts';

export type DigestKind = 'daily' | 'weekly';

export interface TeamClock {
  timeZone: string;
  workdayStartMinute: number;
  /** ISO weekdays the team works (1 = Monday); Monday to Friday when not given. */
  workdays?: number[];
}

const MON_FRI = [1, 2, 3, 4, 5];

/** Due lists go out on the team's workdays; the weekly summary on the first workday of the week. */
export function isSlotDay(kind: DigestKind, date: LocalDate, team: Pick<TeamClock, 'workdays'> = {}): boolean {
  const days = team.workdays?.length ? team.workdays : MON_FRI;
  const dow = weekdayOf(date);
  return kind === 'weekly' ? dow === Math.min(...days) : days.includes(dow);
}

export function slotOn(date: LocalDate, team: TeamClock): Date {
  return wallToInstant(date, team.workdayStartMinute, team.timeZone);
}

/** The most recent slot at or before `now`, and its local date. */
export function latestSlot(kind: DigestKind, team: TeamClock, now: Date): { slot: Date; date: LocalDate } {
  let date = localDateOf(now, team.timeZone);
  for (let i = 0; i < 15; i++, date = addDays(date, -1)) {
    if (!isSlotDay(kind, date, team)) continue;
    const slot = slotOn(date, team);
    if (slot <= now) return { slot, date };
  }
  throw new Error('no slot in the last two weeks');
}

export function nextSlot(kind: DigestKind, team: TeamClock, now: Date): Date {
  let date = localDateOf(now, team.timeZone);
  for (let i = 0; i < 15; i++, date = addDays(date, 1)) {
    if (!isSlotDay(kind, date, team)) continue;
    const slot = slotOn(date, team);
    if (slot > now) return slot;
  }
  throw new Error('no slot in the next two weeks');
}

/** A slot still worth sending: the same local day it was due (later days are skipped, not piled up). */
export function stillDue(slotDate: LocalDate, team: TeamClock, now: Date): boolean {
  const today = localDateOf(now, team.timeZone);
  return today.year === slotDate.year && today.month === slotDate.month && today.day === slotDate.day;
}
