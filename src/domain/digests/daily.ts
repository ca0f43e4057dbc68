// The daily due list: per rep, overdue and today's tasks and customers due by tier cadence; for the
// team, the pool's unclaimed tasks and ownerless leads. A handful of queries for the whole team.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { DAY_MS, dueOwnedCustomers, loadCadenceTeam } from '../cadence/query.ts';
import { addDays, localDateOf, startOfLocalDay } from '../time/zone.ts';
import { greetingsDue, type Greeting } from '../care/greetings.ts';

export interface DigestTask {
  id: number;
  title: string;
  dueAt: Date | null;
  dueHasTime: boolean;
  ownerId: number | null;
  customer: { name: string; code: string } | null;
}

export interface RepDaily {
  userId: number;
  displayName: string;
  overdue: DigestTask[];
  today: DigestTask[];
  dueForContact: Array<{ id: number; name: string; code: string; tier: string; overdueDays: number }>;
  /** Birthdays, anniversaries and holidays before the next due list (issue 14). */
  greetings: Greeting[];
}

export interface DailyDigest {
  teamId: number;
  reps: RepDaily[];
  poolTasks: DigestTask[];
  poolLeads: Array<{ id: number; name: string; code: string; tier: string }>;
}

export async function dailyDigest(prisma: PrismaClient, teamId: number, now: Date): Promise<DailyDigest> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const today = localDateOf(now, team.timeZone);
  const startOfToday = startOfLocalDay(today, team.timeZone);
  const endOfToday = startOfLocalDay(addDays(today, 1), team.timeZone);
  const [users, due, pool, leads, cadence, greetings] = await Promise.all([
    prisma.user.findMany({ where: { teamId, active: true }, orderBy: { id: 'asc' }, select: { id: true, displayName: true } }),
    prisma.task.findMany({
      where: { teamId, status: 'open', ownerId: { not: null }, dueAt: { lt: endOfToday } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      include: { customer: { select: { name: true, code: true } } },
    }),
    prisma.task.findMany({ where: { teamId, status: 'open', ownerId: null }, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: 26, include: { customer: { select: { name: true, code: true } } } }),
    prisma.customer.findMany({ where: { teamId, ownerId: null, status: { in: ['lead', 'intent'] } }, orderBy: { id: 'asc' }, take: 26, select: { id: true, name: true, code: true, tier: true } }),
    loadCadenceTeam(prisma, teamId).then((t) => dueOwnedCustomers(prisma, t, now)),
    greetingsDue(prisma, team, today, now),
  ]);
  // Grouped once by owner, in the order the queries gave (soonest first), instead of one pass over
  // the whole team per rep.
  const tasksOf = groupBy(due, (t) => t.ownerId!);
  const dueOf = groupBy(cadence, (c) => c.ownerId);
  const reps = users.map((u) => {
    const mine = tasksOf.get(u.id) ?? [];
    return {
      userId: u.id,
      displayName: u.displayName,
      overdue: mine.filter((t) => t.dueAt! < startOfToday),
      today: mine.filter((t) => t.dueAt! >= startOfToday),
      dueForContact: (dueOf.get(u.id) ?? []).map((c) => ({ id: c.id, name: c.name, code: c.code, tier: c.tier, overdueDays: Math.max(0, Math.floor((now.getTime() - c.dueMs) / DAY_MS)) })),
      greetings: greetings.get(u.id) ?? [],
    };
  });
  return { teamId, reps, poolTasks: pool, poolLeads: leads };
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
