// The monthly review for one period (issue 13): new customers by source with how many were won and
// what they brought (and the return on what the source cost, where the team set a cost), tier moves,
// the response rate, task completion, complaint themes and the customers' answers to quotes.
// A manager reads the team's; a rep reads their own customers, tasks and quotes. Each figure is one
// aggregate statement; nothing loops over customers.
import type { PrismaClient, Team } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { inCommand } from '../db/transaction.ts';
import { interactionFollowUp, leadResponse, type ResponseFigures } from '../digests/response.ts';
import { sourceCostsOf, teamCurrency } from '../teams/settings.ts';
import { complaintThemes, type Theme } from './themes.ts';

export interface Money {
  currency: string;
  minor: bigint;
}

export interface SourceLine {
  source: string;
  customers: number;
  /** Of them, won (status deal, or a deal stamped by an accepted quote). */
  deals: number;
  /** Deal value of those customers, per currency, the team's currency first. */
  value: Money[];
  /** What the source cost, in the team's currency; null when no cost is set. */
  costMinor: bigint | null;
  /** (value in the team's currency − cost) / cost; null without a cost above zero. */
  roi: number | null;
}

export interface MonthlyReport {
  teamId: number;
  /** The rep whose own figures these are; null for the team. */
  ownerId: number | null;
  currency: string;
  start: Date;
  end: Date;
  sources: SourceLine[];
  newCustomers: number;
  tierMoves: Array<{ from: string; to: string; count: number }>;
  response: ResponseFigures & { hours: number };
  tasks: { due: number; doneOfDue: number; done: number };
  complaints: { count: number; open: number; themes: Theme[] };
  quotes: Record<'accepted' | 'negotiating' | 'rejected', number> & { acceptedValue: Money[] };
}

export interface MonthlyScope {
  teamId: number;
  ownerId?: number | null;
  start: Date;
  end: Date;
}

const n = (v: unknown) => Number(v ?? 0);

/** A rep reads their own review; managers and admins their team's. */
export async function monthlyReport(ctx: DomainContext, period: { start: Date; end: Date }): Promise<MonthlyReport> {
  const ownerId = ctx.actor.role === 'rep' ? ctx.actor.userId : null;
  return monthlyFigures(ctx.prisma, { teamId: ctx.actor.teamId, ownerId, ...period });
}

/**
 * PostgreSQL's JIT is off for these reads: the follow-up check probes the interaction index once per
 * interaction of the month, which the planner costs high enough to JIT compile, and compiling took
 * longer (about 1.2 s of a 5 s run over a million interactions) than the statement it sped up. That
 * check, the slowest part, runs on a connection of its own beside the others.
 */
export async function monthlyFigures(prisma: PrismaClient, scope: MonthlyScope): Promise<MonthlyReport> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: scope.teamId } });
  const responseScope = { teamId: scope.teamId, ownerId: scope.ownerId ?? null, start: scope.start, end: scope.end, hours: team.responseHours };
  const [follow, rest] = await Promise.all([withoutJit(prisma, (tx) => interactionFollowUp(tx, responseScope)), withoutJit(prisma, (tx) => figures(tx, team, scope))]);
  return { ...rest, response: { ...rest.response, ...follow } };
}

function withoutJit<T>(prisma: PrismaClient, read: (tx: PrismaClient) => Promise<T>): Promise<T> {
  // Inside a command's transaction: read there (two savepoints at once on one connection would clash).
  if (inCommand(prisma)) return prisma.$executeRawUnsafe('SET LOCAL jit = off').then(() => read(prisma));
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL jit = off');
      return read(tx as unknown as PrismaClient);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function figures(prisma: PrismaClient, team: Team, scope: MonthlyScope): Promise<MonthlyReport> {
  const { teamId, start, end } = scope;
  const owner = scope.ownerId ?? null;
  const currency = teamCurrency(team);
  const costs = sourceCostsOf(team.sourceCosts);
  const responseScope = { teamId, ownerId: owner, start, end, hours: team.responseHours };

  const [sources, tiers, tasks, complaints, quotes, leads] = await Promise.all([
    prisma.$queryRaw<Array<{ source: string; currency: string | null; customers: bigint; deals: bigint; value: bigint | null }>>`
      SELECT c.source::text AS source, c."dealCurrency" AS currency, count(*) AS customers,
             count(*) FILTER (WHERE c.status = 'deal' OR c."dealAt" IS NOT NULL) AS deals, sum(c."dealValueMinor")::bigint AS value
      FROM "Customer" c
      WHERE c."teamId" = ${teamId} AND c."createdAt" >= ${start} AND c."createdAt" < ${end} AND (${owner}::int IS NULL OR c."ownerId" = ${owner}::int)
      GROUP BY 1, 2`,
    // Any audited change that stored the tier before and after (an update, an import, a merge) is a move.
    prisma.$queryRaw<Array<{ from: string; to: string; count: bigint }>>`
      SELECT a.before->>'tier' AS "from", a.after->>'tier' AS "to", count(*) AS count
      FROM "AuditEvent" a JOIN "Customer" c ON a.entity = 'customer' AND a."entityId" = c.id::text
      WHERE a.at >= ${start} AND a.at < ${end} AND a.action <> 'create' AND c."teamId" = ${teamId} AND (${owner}::int IS NULL OR c."ownerId" = ${owner}::int)
        AND a.before->>'tier' IS NOT NULL AND a.after->>'tier' IS NOT NULL AND a.before->>'tier' <> a.after->>'tier'
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    prisma.$queryRaw<Array<{ due: bigint; ontime: bigint; done: bigint }>>`
      SELECT count(*) FILTER (WHERE "dueAt" >= ${start} AND "dueAt" < ${end}) AS due,
             count(*) FILTER (WHERE "dueAt" >= ${start} AND "dueAt" < ${end} AND status = 'done' AND "doneAt" < ${end}) AS ontime,
             count(*) FILTER (WHERE "doneAt" >= ${start} AND "doneAt" < ${end}) AS done
      FROM "Task" WHERE "teamId" = ${teamId} AND (${owner}::int IS NULL OR "ownerId" = ${owner}::int)
        AND (("dueAt" >= ${start} AND "dueAt" < ${end}) OR ("doneAt" >= ${start} AND "doneAt" < ${end}))`,
    prisma.$queryRaw<Array<{ summary: string; resolved: boolean }>>`
      SELECT k.summary, k."resolvedAt" IS NOT NULL AS resolved
      FROM "Complaint" k JOIN "Customer" c ON c.id = k."customerId"
      WHERE k."teamId" = ${teamId} AND k."openedAt" >= ${start} AND k."openedAt" < ${end} AND (${owner}::int IS NULL OR c."ownerId" = ${owner}::int)`,
    prisma.$queryRaw<Array<{ outcome: string; currency: string; count: bigint; value: bigint }>>`
      SELECT outcome::text AS outcome, currency, count(*) AS count, sum("totalMinor")::bigint AS value
      FROM "Quote" WHERE "teamId" = ${teamId} AND outcome IS NOT NULL AND "outcomeAt" >= ${start} AND "outcomeAt" < ${end} AND (${owner}::int IS NULL OR "authorId" = ${owner}::int)
      GROUP BY 1, 2`,
    leadResponse(prisma, responseScope),
  ]);

  const bySource = new Map<string, { customers: number; deals: number; value: Map<string, bigint> }>();
  for (const r of sources) {
    const s = bySource.get(r.source) ?? { customers: 0, deals: 0, value: new Map<string, bigint>() };
    s.customers += n(r.customers);
    s.deals += n(r.deals);
    if (r.currency && r.value !== null) s.value.set(r.currency, (s.value.get(r.currency) ?? 0n) + BigInt(r.value));
    bySource.set(r.source, s);
  }
  // A source with a cost but no new customer still shows: money spent on nothing is the point of ROI.
  if (!owner) for (const source of Object.keys(costs)) if (!bySource.has(source)) bySource.set(source, { customers: 0, deals: 0, value: new Map() });
  const money = (m: Map<string, bigint>): Money[] => [...m].map(([c, minor]) => ({ currency: c, minor })).sort((a, b) => (a.currency === currency ? -1 : b.currency === currency ? 1 : a.currency.localeCompare(b.currency)));
  const lines: SourceLine[] = [...bySource].map(([source, s]) => {
    // A rep's own review has no share of the channel's cost to weigh, so no ROI there.
    const cost = !owner && costs[source] !== undefined ? BigInt(costs[source]!) : null;
    const own = s.value.get(currency) ?? 0n;
    return { source, customers: s.customers, deals: s.deals, value: money(s.value), costMinor: cost, roi: cost && cost > 0n ? Number(own - cost) / Number(cost) : null };
  });
  lines.sort((a, b) => b.customers - a.customers || a.source.localeCompare(b.source));

  const outcome = { accepted: 0, negotiating: 0, rejected: 0 };
  const accepted = new Map<string, bigint>();
  for (const q of quotes) {
    outcome[q.outcome as keyof typeof outcome] += n(q.count);
    if (q.outcome === 'accepted') accepted.set(q.currency, (accepted.get(q.currency) ?? 0n) + BigInt(q.value));
  }
  const t = tasks[0];
  return {
    teamId,
    ownerId: owner,
    currency,
    start,
    end,
    sources: lines,
    newCustomers: lines.reduce((sum, l) => sum + l.customers, 0),
    tierMoves: tiers.map((r) => ({ from: r.from, to: r.to, count: n(r.count) })),
    response: { hours: team.responseHours, ...leads, interactions: 0, followed: 0 },
    tasks: { due: n(t?.due), doneOfDue: n(t?.ontime), done: n(t?.done) },
    complaints: { count: complaints.length, open: complaints.filter((k) => !k.resolved).length, themes: complaintThemes(complaints.map((k) => k.summary)) },
    quotes: { ...outcome, acceptedValue: money(accepted) },
  };
}
