// Quiet hours: when a person is not to be disturbed, and when they may be again. The default is
// outside the team's workday and on its days off, in the person's zone; a person may set their own
// hours instead (the same every day), or none.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addDays, localDateOf, zoneOffsetMs, type LocalDate } from '../time/zone.ts';

export interface QuietRule {
  timeZone: string;
  /** The person's own hours; equal start and end mean never quiet. */
  own: { startMinute: number; endMinute: number } | null;
  workday: { startMinute: number; endMinute: number; days: number[] };
}

const DAY = 24 * 60;

function minuteOfDay(at: Date, timeZone: string): number {
  const local = at.getTime() + zoneOffsetMs(at, timeZone);
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function isoWeekday(d: LocalDate): number {
  return ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1;
}

/** The instant a wall-clock time of that date has in the zone (a time in a DST gap moves on by the gap). */
export function instantAt(date: LocalDate, minute: number, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day) + minute * 60_000;
  let t = naive - zoneOffsetMs(new Date(naive), timeZone);
  t = naive - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** When the quiet time `at` falls in ends, or null when `at` is not quiet. */
export function quietUntil(at: Date, rule: QuietRule): Date | null {
  const tz = rule.timeZone;
  const today = localDateOf(at, tz);
  const m = minuteOfDay(at, tz);
  if (rule.own) {
    const { startMinute: s, endMinute: e } = rule.own;
    if (s === e) return null;
    if (s < e) return m >= s && m < e ? instantAt(today, e, tz) : null;
    if (m >= s) return instantAt(addDays(today, 1), e, tz);
    return m < e ? instantAt(today, e, tz) : null;
  }
  const { startMinute: s, endMinute: e, days } = rule.workday;
  if (!days.length || s >= e || s < 0 || e > DAY) return null;
  const works = (d: LocalDate) => days.includes(isoWeekday(d));
  if (works(today) && m >= s && m < e) return null;
  if (works(today) && m < s) return instantAt(today, s, tz);
  for (let i = 1; i <= 7; i++) {
    const d = addDays(today, i);
    if (works(d)) return instantAt(d, s, tz);
  }
  return null;
}

/** The rule for one user (following a `/crm link` merge to the user that remains), or null for none. */
export async function quietRuleFor(prisma: PrismaClient, userId: number): Promise<QuietRule | null> {
  const withTeam = { team: true, identities: { select: { platform: true } } } as const;
  let user = await prisma.user.findUnique({ where: { id: userId }, include: withTeam });
  if (user && !user.active && user.mergedIntoId) user = await prisma.user.findUnique({ where: { id: user.mergedIntoId }, include: withTeam });
  // The console prints what it is given to whoever sits at it; nothing there can be put off.
  if (!user || user.identities.every((i) => i.platform === 'console')) return null;
  return {
    timeZone: user.timeZone ?? user.team.timeZone,
    own: user.quietStartMinute !== null && user.quietEndMinute !== null ? { startMinute: user.quietStartMinute, endMinute: user.quietEndMinute } : null,
    workday: { startMinute: user.team.workdayStartMinute, endMinute: user.team.workdayEndMinute, days: user.team.workdays },
  };
}
