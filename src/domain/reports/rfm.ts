// RFM for one period: each customer of the team with any activity up to the period's end gets three
// scores, 1 (worst) to 5 (best), and a segment from them; the same for the period before (of the same
// calendar length), so the report can name who fell furthest.
//
// What counts (the team's records, nothing estimated):
//   - activity: interactions (occurredAt), quotes approved (decidedAt), quotes the customer accepted (outcomeAt);
//   - R, recency: the latest activity before the period's end (ever, not only in the period);
//   - F, frequency: interactions plus approved quotes inside the period;
//   - M, monetary: the totals of quotes approved inside the period that the customer has not turned
//     down (accepted, negotiating or not answered yet), in the team's currency (other currencies
//     cannot be added to it without a rate, so they do not count).
// Quintiles by rank, ties together: a customer's score is 1 + ⌊5 × (customers with a strictly worse
// value) / (customers rated)⌋. So everyone with no activity in the period shares F = 1, however many.
// The scores are ranked over the whole team; a rep's report then shows their own customers' scores.
// Fifths need customers to split: with fewer than MIN_RANKED of the team rated in a period, its
// scores would read as verdicts (a lone customer contacted today ranks 1 on everything, "lost"), so
// that period gets none: no spread, no segments, no movers; the report says how many there are.
//
// Segments (rfmSegment below), from R and FM = (F + M) / 2 rounded half up, first match wins:
//   champions       R ≥ 4, FM ≥ 4     bought much and often, lately
//   loyal           R ≥ 3, FM ≥ 3
//   promising       R ≥ 4, FM ≤ 2     recent, small so far
//   needs attention R = 3, FM ≤ 2
//   can't lose      R ≤ 2, FM ≥ 4     were big, gone quiet
//   at risk         R ≤ 2, FM = 3
//   hibernating     R = 2, FM ≤ 2
//   lost            R = 1, FM ≤ 2
// Movers down: the largest fall of R + F + M since the period before (ties: the larger previous M
// value first), among customers rated in both.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { inCommand } from '../db/transaction.ts';
import { currencyOfTeam } from '../quotes/currency.ts';
import { teamOf } from '../teams/team.ts';

export const SEGMENTS = ['champions', 'loyal', 'promising', 'needs_attention', 'cant_lose', 'at_risk', 'hibernating', 'lost'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface Scores {
  r: number;
  f: number;
  m: number;
}

export function rfmSegment({ r, f, m }: Scores): Segment {
  const fm = Math.floor((f + m + 1) / 2);
  if (r >= 4) return fm >= 4 ? 'champions' : fm === 3 ? 'loyal' : 'promising';
  if (r === 3) return fm >= 3 ? 'loyal' : 'needs_attention';
  if (fm >= 4) return 'cant_lose';
  if (fm === 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
}

export interface RfmMover {
  customerId: number;
  name: string;
  ownerName: string | null;
  before: Scores & { segment: Segment };
  now: Scores & { segment: Segment };
}

/** The fewest of the team's customers rated in a period for its scores to mean anything. */
export const MIN_RANKED = 5;

export interface RfmReport {
  /** Customers shown (the team's, or the rep's own) that are rated this period (have any activity up to its end). */
  rated: number;
  /** The team's customers rated this period: the scores rank among them. */
  ranked: number;
  /** Whether this period is scored (ranked ≥ MIN_RANKED); if not, quintiles, segments and movers are all empty. */
  scored: boolean;
  /** Whether the period before is scored; if not, every segment's `previous` is 0 and there are no movers. */
  previousScored: boolean;
  /** How many of them have each score 1..5 (index 0 is score 1). */
  quintiles: { r: number[]; f: number[]; m: number[] };
  /** Every segment in SEGMENTS order, with its count now and in the period before. */
  segments: Array<{ segment: Segment; count: number; previous: number }>;
  moversDown: RfmMover[];
  currency: string;
  /** Monetary value in the period over the customers shown, minor units of `currency`. */
  monetaryMinor: number;
  /** Whose customers: null for the team. */
  ownerId: number | null;
}

interface Cell extends Scores {
  n: number;
}

interface Row {
  cells: Cell[] | null;
  prev_cells: Cell[] | null;
  movers: Array<{ id: number; name: string; owner: string | null; r0: number; f0: number; m0: number; r: number; f: number; m: number }> | null;
  value: number | string | null;
  ranked: number;
  ranked_before: number;
}

/**
 * The statement runs with JIT off and room to sort in memory. JIT: over 100,000 customers the planner
 * costs it high enough to compile, and compiling took longer (seconds) than the statement it sped up.
 * work_mem: the six rank windows each sort and buffer one row per customer (about 12 MB at 100,000);
 * at the default 4 MB they spill to temporary files and read them back over and over. SET LOCAL ends with
 * the transaction, inside a command's own transaction too (whose other reads may only gain from it).
 */
async function tuned<T>(prisma: PrismaClient, read: (db: PrismaClient) => Promise<T>): Promise<T> {
  const settings = (db: PrismaClient) => db.$queryRawUnsafe(`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
  if (inCommand(prisma)) return settings(prisma).then(() => read(prisma));
  // Bounded by the pool's statement timeout, not by the interactive transaction's default 5 s.
  return prisma.$transaction(
    async (tx) => {
      await settings(tx as unknown as PrismaClient);
      return read(tx as unknown as PrismaClient);
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** Managers and admins see the team; a rep sees their own customers (ranked against the team). */
export async function rfmReport(ctx: DomainContext, period: { start: Date; end: Date }, previous: { start: Date }, opts: { movers?: number } = {}): Promise<RfmReport> {
  const team = ctx.team ?? (await teamOf(ctx));
  const currency = currencyOfTeam(team);
  const ownerId = ctx.actor.role === 'rep' ? ctx.actor.userId : null;
  const [row] = await tuned(ctx.prisma, (db) => db.$queryRaw<Row[]>(rfmSql(team.id, currency, period.start, period.end, previous.start, ownerId, opts.movers ?? 5)));
  const r = row!;
  const scored = Number(r.ranked) >= MIN_RANKED;
  const previousScored = scored && Number(r.ranked_before) >= MIN_RANKED;
  const cells = scored ? (r.cells ?? []) : [];
  const tally = (cs: Cell[]) => {
    const bySegment = new Map<Segment, number>();
    for (const c of cs) bySegment.set(rfmSegment(c), (bySegment.get(rfmSegment(c)) ?? 0) + Number(c.n));
    return bySegment;
  };
  const now = tally(cells);
  const before = tally(previousScored ? (r.prev_cells ?? []) : []);
  const dist = (k: keyof Scores) => [1, 2, 3, 4, 5].map((s) => cells.filter((c) => c[k] === s).reduce((a, c) => a + Number(c.n), 0));
  const withSegment = (x: Scores) => ({ ...x, segment: rfmSegment(x) });
  return {
    rated: (r.cells ?? []).reduce((a, c) => a + Number(c.n), 0),
    ranked: Number(r.ranked),
    scored,
    previousScored,
    quintiles: { r: dist('r'), f: dist('f'), m: dist('m') },
    segments: SEGMENTS.map((segment) => ({ segment, count: now.get(segment) ?? 0, previous: before.get(segment) ?? 0 })),
    moversDown: (previousScored ? (r.movers ?? []) : []).map((m) => ({ customerId: m.id, name: m.name, ownerName: m.owner, before: withSegment({ r: m.r0, f: m.f0, m: m.m0 }), now: withSegment({ r: m.r, f: m.f, m: m.m }) })),
    currency,
    monetaryMinor: Number(r.value ?? 0),
    ownerId,
  };
}

/**
 * The whole report as one statement: the two periods' interactions, an index probe for a customer quiet in both, one pass over its quotes up to
 * the period's end, the scores of both periods by window functions over one row per customer, and only the (R, F, M) cells and the movers sent back.
 */
function rfmSql(teamId: number, currency: string, start: Date, end: Date, prevStart: Date, ownerId: number | null, movers: number): Prisma.Sql {
  return Prisma.sql`
    -- Interactions are by far the most rows, so none is read in bulk: the two periods' interactions are
    -- counted through the (occurredAt, customerId) index alone, and only a customer with none in them costs
    -- one backward probe of (customerId, occurredAt) for the latest before (COALESCE evaluates it only then).
    -- They are counted before the team's customers are joined: an interaction has no team, and keeping
    -- another team's customers out of the count would cost a join per interaction to save an aggregate's row.
    WITH fi AS (
      SELECT i."customerId" AS id, count(*) FILTER (WHERE i."occurredAt" >= ${start}) AS f_now, count(*) FILTER (WHERE i."occurredAt" < ${start}) AS f_before,
             max(i."occurredAt") FILTER (WHERE i."occurredAt" >= ${start}) AS last_in, max(i."occurredAt") FILTER (WHERE i."occurredAt" < ${start}) AS last_prev
      FROM "Interaction" i
      WHERE i."occurredAt" >= ${prevStart} AND i."occurredAt" < ${end}
      GROUP BY 1
    ),
    qev AS (
      SELECT q."customerId" AS id, q."decidedAt" AS at, 1 AS n,
             CASE WHEN q.currency = ${currency} AND q.outcome IS DISTINCT FROM 'rejected' THEN q."totalMinor" ELSE 0 END AS v
        FROM "Quote" q WHERE q."teamId" = ${teamId} AND q.status = 'approved' AND q."decidedAt" < ${end}
      UNION ALL
      SELECT q."customerId", q."outcomeAt", 0, 0
        FROM "Quote" q WHERE q."teamId" = ${teamId} AND q.status = 'approved' AND q.outcome = 'accepted' AND q."outcomeAt" < ${end}
    ),
    qa AS (
      SELECT id, max(at) AS last_now, max(at) FILTER (WHERE at < ${start}) AS last_before,
             count(*) FILTER (WHERE at >= ${start} AND n = 1) AS f_now, count(*) FILTER (WHERE at >= ${prevStart} AND at < ${start} AND n = 1) AS f_before,
             coalesce(sum(v) FILTER (WHERE at >= ${start}), 0) AS m_now, coalesce(sum(v) FILTER (WHERE at >= ${prevStart} AND at < ${start}), 0) AS m_before
      FROM qev GROUP BY id
    ),
    -- One row per customer of the team, read straight from "Customer" (not a CTE) so the planner knows
    -- how many there are: a misestimate here once costed the statement high enough to JIT compile it.
    -- OFFSET 0 keeps the probe one subquery, evaluated once per customer though it is used twice.
    per AS (
      SELECT c.id, c."ownerId" AS owner,
             greatest(coalesce(fi.last_in, lb.at), qa.last_now) AS last_now, greatest(lb.at, qa.last_before) AS last_before,
             coalesce(fi.f_now, 0) + coalesce(qa.f_now, 0) AS f_now, coalesce(fi.f_before, 0) + coalesce(qa.f_before, 0) AS f_before,
             coalesce(qa.m_now, 0) AS m_now, coalesce(qa.m_before, 0) AS m_before
      FROM "Customer" c LEFT JOIN fi ON fi.id = c.id LEFT JOIN qa ON qa.id = c.id
      CROSS JOIN LATERAL (SELECT coalesce(fi.last_prev, (SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = c.id AND i."occurredAt" < ${prevStart})) AS at OFFSET 0) lb
      WHERE c."teamId" = ${teamId}
    ),
    k AS (SELECT count(last_now) AS n, count(last_before) AS nb FROM per),
    -- Both periods' ranks in one pass over the customers with any activity up to the end; the period
    -- before ranks only those with activity up to its own end (the other partition's ranks are unused).
    ranked AS (
      SELECT id, owner, m_before, last_before IS NOT NULL AS had,
             rank() OVER (ORDER BY last_now) AS r, rank() OVER (ORDER BY f_now) AS f, rank() OVER (ORDER BY m_now) AS m, m_now,
             rank() OVER (PARTITION BY last_before IS NULL ORDER BY last_before) AS r0,
             rank() OVER (PARTITION BY last_before IS NULL ORDER BY f_before) AS f0,
             rank() OVER (PARTITION BY last_before IS NULL ORDER BY m_before) AS m0
      FROM per WHERE last_now IS NOT NULL
    ),
    scored AS (
      SELECT id, owner, m_now, m_before, had,
             (1 + 5 * (r - 1) / k.n)::int AS r, (1 + 5 * (f - 1) / k.n)::int AS f, (1 + 5 * (m - 1) / k.n)::int AS m,
             -- Nobody active before the period before's end: no scores then (nor a division by zero).
             (1 + 5 * (r0 - 1) / nullif(k.nb, 0))::int AS r0, (1 + 5 * (f0 - 1) / nullif(k.nb, 0))::int AS f0, (1 + 5 * (m0 - 1) / nullif(k.nb, 0))::int AS m0
      FROM ranked CROSS JOIN k WHERE ${ownerId}::int IS NULL OR owner = ${ownerId}::int
    )
    SELECT
      (SELECT json_agg(x) FROM (SELECT r, f, m, count(*)::int AS n FROM scored GROUP BY 1, 2, 3) x) AS cells,
      (SELECT json_agg(x) FROM (SELECT r0 AS r, f0 AS f, m0 AS m, count(*)::int AS n FROM scored WHERE had GROUP BY 1, 2, 3) x) AS prev_cells,
      -- Names only for the few movers, after the cut.
      (SELECT json_agg(x) FROM (
         SELECT s.id, c.name, u."displayName" AS owner, s.r0, s.f0, s.m0, s.r, s.f, s.m
         FROM (SELECT * FROM scored WHERE had AND r + f + m < r0 + f0 + m0 ORDER BY (r0 + f0 + m0) - (r + f + m) DESC, m_before DESC, id LIMIT ${movers}) s
           JOIN "Customer" c ON c.id = s.id LEFT JOIN "User" u ON u.id = s.owner
         ORDER BY (s.r0 + s.f0 + s.m0) - (s.r + s.f + s.m) DESC, s.m_before DESC, s.id) x) AS movers,
      (SELECT sum(m_now)::text FROM scored) AS value,
      (SELECT n::int FROM k) AS ranked, (SELECT nb::int FROM k) AS ranked_before`;
}
