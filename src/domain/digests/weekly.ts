// The Monday summary: last week's figures beside the week before, each from one aggregate query
// with FILTER clauses (no per-customer loops), in the team's zone.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { leadResponse } from './response.ts';
import { addDays, localDateOf, startOfLocalDay, type LocalDate } from '../time/zone.ts';
import { churnRisksAt } from '../churn/risks.ts';

export interface Pair {
  current: number;
  previous: number;
}

export interface WeeklySummary {
  teamId: number;
  weekStart: Date;
  weekEnd: Date;
  newCustomersBySource: Record<string, Pair>;
  interactionsByRep: Array<{ userId: number; name: string } & Pair>;
  interactionsByChannel: Record<string, Pair>;
  tasks: { due: Pair; doneOfDue: Pair; done: Pair };
  quotes: {
    submitted: Pair;
    approved: Pair;
    rejected: Pair;
    approvedValue: Array<{ currency: string } & Pair>;
    /** The customers' answers recorded in the week (issue 13). */
    outcomes: Record<'accepted' | 'negotiating' | 'rejected', Pair>;
  };
  customersByStatus: Record<string, number>;
  dealsWon: Pair;
  conversion: { leadToIntent: number | null; intentToDeal: number | null };
  /** Previous values are as of the end of the week before, from contact history (today's status decides which customers count). */
  churnRisks: { count: Pair; top: Array<{ name: string; code: string; silentDays: number; openComplaints: number }> };
  cadenceMisses: Record<'A' | 'B' | 'C', Pair>;
  /** New leads of the week and how many got a first contact within the team's response hours (issue 13). */
  response: { hours: number; leads: Pair; answered: Pair };
}

function mondayOf(date: LocalDate): LocalDate {
  const dow = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** [start, end) of the week before the one `at` falls in, and of the week before that. */
export function summaryWeeks(at: Date, timeZone: string) {
  const thisMonday = mondayOf(localDateOf(at, timeZone));
  const lastMonday = addDays(thisMonday, -7);
  const prevMonday = addDays(thisMonday, -14);
  return {
    start: startOfLocalDay(lastMonday, timeZone),
    end: startOfLocalDay(thisMonday, timeZone),
    prevStart: startOfLocalDay(prevMonday, timeZone),
  };
}

const n = (v: unknown) => Number(v ?? 0);

export async function weeklySummary(prisma: PrismaClient, teamId: number, at: Date): Promise<WeeklySummary> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const { start, end, prevStart } = summaryWeeks(at, team.timeZone);

  const [sources, byRep, byChannel, tasks, quotes, values, statuses, won, tiers, risks, risksBefore] = await Promise.all([
    prisma.$queryRaw<Array<{ source: string; cur: bigint; prev: bigint }>>`
      SELECT source::text, count(*) FILTER (WHERE "createdAt" >= ${start}) AS cur, count(*) FILTER (WHERE "createdAt" < ${start}) AS prev
      FROM "Customer" WHERE "teamId" = ${teamId} AND "createdAt" >= ${prevStart} AND "createdAt" < ${end} GROUP BY source ORDER BY source`,
    prisma.$queryRaw<Array<{ id: number; name: string; cur: bigint; prev: bigint }>>`
      SELECT u.id, u."displayName" AS name,
             count(i.id) FILTER (WHERE i."occurredAt" >= ${start}) AS cur, count(i.id) FILTER (WHERE i."occurredAt" < ${start}) AS prev
      FROM "User" u LEFT JOIN "Interaction" i ON i."authorId" = u.id AND i."occurredAt" >= ${prevStart} AND i."occurredAt" < ${end}
      WHERE u."teamId" = ${teamId} AND u.active GROUP BY u.id, u."displayName" ORDER BY cur DESC, u.id`,
    prisma.$queryRaw<Array<{ channel: string; cur: bigint; prev: bigint }>>`
      SELECT i.channel::text, count(*) FILTER (WHERE i."occurredAt" >= ${start}) AS cur, count(*) FILTER (WHERE i."occurredAt" < ${start}) AS prev
      FROM "Interaction" i JOIN "Customer" c ON c.id = i."customerId"
      WHERE c."teamId" = ${teamId} AND i."occurredAt" >= ${prevStart} AND i."occurredAt" < ${end} GROUP BY i.channel ORDER BY 1`,
    prisma.$queryRaw<Array<Record<string, bigint>>>`
      SELECT count(*) FILTER (WHERE "dueAt" >= ${start} AND "dueAt" < ${end}) AS due_cur,
             count(*) FILTER (WHERE "dueAt" >= ${prevStart} AND "dueAt" < ${start}) AS due_prev,
             count(*) FILTER (WHERE "dueAt" >= ${start} AND "dueAt" < ${end} AND status = 'done' AND "doneAt" < ${end}) AS ontime_cur,
             count(*) FILTER (WHERE "dueAt" >= ${prevStart} AND "dueAt" < ${start} AND status = 'done' AND "doneAt" < ${start}) AS ontime_prev,
             count(*) FILTER (WHERE "doneAt" >= ${start} AND "doneAt" < ${end}) AS done_cur,
             count(*) FILTER (WHERE "doneAt" >= ${prevStart} AND "doneAt" < ${start}) AS done_prev
      FROM "Task" WHERE "teamId" = ${teamId} AND (("dueAt" >= ${prevStart} AND "dueAt" < ${end}) OR ("doneAt" >= ${prevStart} AND "doneAt" < ${end}))`,
    prisma.$queryRaw<Array<Record<string, bigint>>>`
      SELECT count(*) FILTER (WHERE "submittedAt" >= ${start} AND "submittedAt" < ${end}) AS sub_cur,
             count(*) FILTER (WHERE "submittedAt" >= ${prevStart} AND "submittedAt" < ${start}) AS sub_prev,
             count(*) FILTER (WHERE status = 'approved' AND "decidedAt" >= ${start} AND "decidedAt" < ${end}) AS app_cur,
             count(*) FILTER (WHERE status = 'approved' AND "decidedAt" >= ${prevStart} AND "decidedAt" < ${start}) AS app_prev,
             count(*) FILTER (WHERE status = 'rejected' AND "decidedAt" >= ${start} AND "decidedAt" < ${end}) AS rej_cur,
             count(*) FILTER (WHERE status = 'rejected' AND "decidedAt" >= ${prevStart} AND "decidedAt" < ${start}) AS rej_prev,
             count(*) FILTER (WHERE outcome = 'accepted' AND "outcomeAt" >= ${start} AND "outcomeAt" < ${end}) AS acc_cur,
             count(*) FILTER (WHERE outcome = 'accepted' AND "outcomeAt" >= ${prevStart} AND "outcomeAt" < ${start}) AS acc_prev,
             count(*) FILTER (WHERE outcome = 'negotiating' AND "outcomeAt" >= ${start} AND "outcomeAt" < ${end}) AS neg_cur,
             count(*) FILTER (WHERE outcome = 'negotiating' AND "outcomeAt" >= ${prevStart} AND "outcomeAt" < ${start}) AS neg_prev,
             count(*) FILTER (WHERE outcome = 'rejected' AND "outcomeAt" >= ${start} AND "outcomeAt" < ${end}) AS lost_cur,
             count(*) FILTER (WHERE outcome = 'rejected' AND "outcomeAt" >= ${prevStart} AND "outcomeAt" < ${start}) AS lost_prev
      FROM "Quote" WHERE "teamId" = ${teamId}`,
    prisma.$queryRaw<Array<{ currency: string; cur: bigint; prev: bigint }>>`
      SELECT currency, coalesce(sum("totalMinor") FILTER (WHERE "decidedAt" >= ${start}), 0)::bigint AS cur,
             coalesce(sum("totalMinor") FILTER (WHERE "decidedAt" < ${start}), 0)::bigint AS prev
      FROM "Quote" WHERE "teamId" = ${teamId} AND status = 'approved' AND "decidedAt" >= ${prevStart} AND "decidedAt" < ${end}
      GROUP BY currency ORDER BY currency`,
    prisma.$queryRaw<Array<{ status: string; count: bigint }>>`
      SELECT status::text, count(*) FROM "Customer" WHERE "teamId" = ${teamId} AND "createdAt" < ${end} GROUP BY status`,
    prisma.$queryRaw<Array<Record<string, bigint>>>`
      SELECT count(*) FILTER (WHERE a."at" >= ${start}) AS cur, count(*) FILTER (WHERE a."at" < ${start}) AS prev
      FROM "AuditEvent" a JOIN "Customer" c ON a.entity = 'customer' AND a."entityId" = c.id::text
      WHERE c."teamId" = ${teamId} AND a.action = 'status' AND a.after->>'status' = 'deal' AND a."at" >= ${prevStart} AND a."at" < ${end}`,
    // Cadence misses from one last-contact aggregate, counted per tier in SQL, as of the end of last
    // week and as of the end of the week before.
    prisma.$queryRaw<Array<{ tier: 'A' | 'B' | 'C'; misses: bigint; misses_prev: bigint }>>`
      WITH last AS (
        SELECT c.id, c.tier, c."createdAt" AS created,
               coalesce(max(i."occurredAt"), c."createdAt") AS base,
               coalesce(max(i."occurredAt") FILTER (WHERE i."occurredAt" < ${start}), c."createdAt") AS base_prev,
               make_interval(days => CASE c.tier WHEN 'A' THEN ${team.cadenceDaysA}::int WHEN 'B' THEN ${team.cadenceDaysB}::int ELSE ${team.cadenceDaysC}::int END) AS cadence
        FROM "Customer" c LEFT JOIN "Interaction" i ON i."customerId" = c.id AND i."occurredAt" < ${end}
        WHERE c."teamId" = ${teamId} AND c.status <> 'lost' AND c."createdAt" < ${end}
        GROUP BY c.id)
      SELECT tier::text AS tier,
             count(*) FILTER (WHERE base + cadence < ${end}) AS misses,
             count(*) FILTER (WHERE created < ${start} AND base_prev + cadence < ${start}) AS misses_prev
      FROM last GROUP BY tier`,
    // Churn risks by the sweep's own rule (silent or an open complaint), as of each week's end.
    churnRisksAt(prisma, team, end),
    churnRisksAt(prisma, team, start),
  ]);

  // New leads of each week contacted within the team's response hours of being created.
  const [resp, respPrev] = await Promise.all([
    leadResponse(prisma, { teamId, start, end, hours: team.responseHours }),
    leadResponse(prisma, { teamId, start: prevStart, end: start, hours: team.responseHours }),
  ]);
  const pairs = <K extends string>(rows: Array<{ cur: bigint; prev: bigint } & Record<K, unknown>>, key: K) =>
    Object.fromEntries(rows.map((r) => [String(r[key]), { current: n(r.cur), previous: n(r.prev) }]));
  const t = tasks[0] ?? {};
  const q = quotes[0] ?? {};
  const status = Object.fromEntries(['lead', 'intent', 'deal', 'lost'].map((s) => [s, n(statuses.find((r) => r.status === s)?.count)]));
  const live = status.lead! + status.intent! + status.deal!;
  const misses = { A: { current: 0, previous: 0 }, B: { current: 0, previous: 0 }, C: { current: 0, previous: 0 } };
  for (const r of tiers) misses[r.tier] = { current: n(r.misses), previous: n(r.misses_prev) };
  const churnCount = { current: risks.length, previous: risksBefore.length };
  const base = (r: (typeof risks)[number]) => (r.last ?? r.created).getTime();
  const topRisks = [...risks].sort((a, b) => base(a) - base(b) || a.id - b.id).slice(0, 5);
  return {
    teamId,
    weekStart: start,
    weekEnd: end,
    newCustomersBySource: pairs(sources, 'source'),
    interactionsByRep: byRep.map((r) => ({ userId: r.id, name: r.name, current: n(r.cur), previous: n(r.prev) })),
    interactionsByChannel: pairs(byChannel, 'channel'),
    tasks: {
      due: { current: n(t.due_cur), previous: n(t.due_prev) },
      doneOfDue: { current: n(t.ontime_cur), previous: n(t.ontime_prev) },
      done: { current: n(t.done_cur), previous: n(t.done_prev) },
    },
    quotes: {
      submitted: { current: n(q.sub_cur), previous: n(q.sub_prev) },
      approved: { current: n(q.app_cur), previous: n(q.app_prev) },
      rejected: { current: n(q.rej_cur), previous: n(q.rej_prev) },
      approvedValue: values.map((v) => ({ currency: v.currency, current: n(v.cur), previous: n(v.prev) })),
      outcomes: {
        accepted: { current: n(q.acc_cur), previous: n(q.acc_prev) },
        negotiating: { current: n(q.neg_cur), previous: n(q.neg_prev) },
        rejected: { current: n(q.lost_cur), previous: n(q.lost_prev) },
      },
    },
    customersByStatus: status,
    dealsWon: { current: n(won[0]?.cur), previous: n(won[0]?.prev) },
    conversion: {
      leadToIntent: live ? (status.intent! + status.deal!) / live : null,
      intentToDeal: status.intent! + status.deal! ? status.deal! / (status.intent! + status.deal!) : null,
    },
    churnRisks: { count: churnCount, top: topRisks.map((r) => ({ name: r.name, code: r.code, silentDays: Math.floor((end.getTime() - base(r)) / 86_400_000), openComplaints: Number(r.open) })) },
    cadenceMisses: misses,
    response: {
      hours: team.responseHours,
      leads: { current: resp.leads, previous: respPrev.leads },
      answered: { current: resp.answered, previous: respPrev.answered },
    },
  };
}
