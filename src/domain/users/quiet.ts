// Quiet hours: when a person is not to be disturbed, and when they may be again. The default is
// outside the team's workday and on its days off, in the person's zone; a person may set their own
// hours instead (the same every day), or none.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { wallOf, wallToInstant, weekdayOf } from '../time/wall.ts';
import { followMerge } from './link.ts';
import { addDays, type LocalDate } from '../time/zone.ts';

export interface QuietRule {
  timeZone: string;
  /** The person's own hours; equal start and end mean never quiet. */
  own: { startMinute: number; endMinute: number } | null;
  workday: { startMinute: number; endMinute: number; days: number[] };
}

const DAY = 24 * 60;

/** When the quiet time `at` falls in ends, or null when `at` is not quiet. */
export function quietUntil(at: Date, rule: QuietRule): Date | null {
  const tz = rule.timeZone;
  const wall = wallOf(at, tz);
  const today: LocalDate = { year: wall.year, month: wall.month, day: wall.day };
  const m = wall.hour * 60 + wall.minute;
  if (rule.own) {
    const { startMinute: s, endMinute: e } = rule.own;
    if (s === e) return null;
    if (s < e) return m >= s && m < e ? wallToInstant(today, e, tz) : null;
    if (m >= s) return wallToInstant(addDays(today, 1), e, tz);
    return m < e ? wallToInstant(today, e, tz) : null;
  }
  const { startMinute: s, endMinute: e, days } = rule.workday;
  if (!days.length || s >= e || s < 0 || e > DAY) return null;
  const works = (d: LocalDate) => days.includes(weekdayOf(d));
  if (works(today) && m >= s && m < e) return null;
  if (works(today) && m < s) return wallToInstant(today, s, tz);
  for (let i = 1; i <= 7; i++) {
    const d = addDays(today, i);
    if (works(d)) return wallToInstant(d, s, tz);
  }
  return null;
}

/** The rule for one user (or the one a `/crm link` merged them into), or null for none. */
export async function quietRuleFor(prisma: PrismaClient, userId: number): Promise<QuietRule | null> {
  const withTeam = { team: true, identities: { select: { platform: true } } } as const;
  const user = await followMerge((id) => prisma.user.findUnique({ where: { id }, include: withTeam }), userId);
  // The console prints what it is given to whoever sits at it; nothing there can be put off.
  if (!user || user.identities.every((i) => i.platform === 'console')) return null;
  return {
    timeZone: user.timeZone ?? user.team.timeZone,
    own: user.quietStartMinute !== null && user.quietEndMinute !== null ? { startMinute: user.quietStartMinute, endMinute: user.quietEndMinute } : null,
    workday: { startMinute: user.team.workdayStartMinute, endMinute: user.team.workdayEndMinute, days: user.team.workdays },
  };
}
