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
import { Prisma } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
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

export interface RfmReport {
  /** Customers shown (the team's, or the rep's own) that have a score this period. */
  rated: number;
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
}

/** Managers and admins see the team; a rep sees their own customers (ranked against the team). */
export async function rfmReport(ctx: DomainContext, period: { start: Date; end: Date }, previous: { start: Date }, opts: { movers?: number } = {}): Promise<RfmReport> {
  const team = ctx.team ?? (await teamOf(ctx));
  const currency = currencyOfTeam(team);
  const ownerId = ctx.actor.role === 'rep' ? ctx.actor.userId : null;
  const [row] = await ctx.prisma.$queryRaw<Row[]>(rfmSql(team.id, currency, period.start, period.end, previous.start, ownerId, opts.movers ?? 5));
  const r = row!;
  const tally = (cells: Cell[] | null) => {
    const bySegment = new Map<Segment, number>();
    for (const c of cells ?? []) bySegment.set(rfmSegment(c), (bySegment.get(rfmSegment(c)) ?? 0) + Number(c.n));
    return bySegment;
  };
  const now = tally(r.cells);
  const before = tally(r.prev_cells);
  const dist = (k: keyof Scores) => [1, 2, 3, 4, 5].map((s) => (r.cells ?? []).filter((c) => c[k] === s).reduce((a, c) => a + Number(c.n), 0));
  const scored = (x: Scores) => ({ ...x, segment: rfmSegment(x) });
  return {
    rated: (r.cells ?? []).reduce((a, c) => a + Number(c.n), 0),
    quintiles: { r: dist('r'), f: dist('f'), m: dist('m') },
    segments: SEGMENTS.map((segment) => ({ segment, count: now.get(segment) ?? 0, previous: before.get(segment) ?? 0 })),
    moversDown: (r.movers ?? []).map((m) => ({ customerId: m.id, name: m.name, ownerName: m.owner, before: scored({ r: m.r0, f: m.f0, m: m.m0 }), now: scored({ r: m.r, f: m.f, m: m.m }) })),
    currency,
    monetaryMinor: Number(r.value ?? 0),
    ownerId,
  };
}

/**
 * The whole report as one statement: the two periods' interactions, an index probe for a customer quiet in both, one pass over its quotes up to
 * the period's end, the scores of both periods by window functions, and only the (R, F, M) cells and the movers sent back.
 */
function rfmSql(teamId: number, currency: string, start: Date, end: Date, prevStart: Date, ownerId: number | null, movers: number): Prisma.Sql {
  return Prisma.sql`
    -- Interactions are by far the most rows, so none is read in bulk: the two periods' interactions are
    -- counted through the occurredAt index, and only a customer with none in them costs one backward
    -- probe of (customerId, occurredAt) for the latest before (COALESCE evaluates it only then).
    WITH team_c AS (SELECT c.id FROM "Customer" c WHERE c."teamId" = ${teamId}),
    fi AS (
      SELECT i."customerId" AS id, count(*) FILTER (WHERE i."occurredAt" >= ${start}) AS f_now, count(*) FILTER (WHERE i."occurredAt" < ${start}) AS f_before,
             max(i."occurredAt") FILTER (WHERE i."occurredAt" >= ${start}) AS last_in, max(i."occurredAt") FILTER (WHERE i."occurredAt" < ${start}) AS last_prev
      FROM "Interaction" i JOIN team_c t ON t.id = i."customerId"
      WHERE i."occurredAt" >= ${prevStart} AND i."occurredAt" < ${end}
      GROUP BY 1
    ),
    ib AS (
      SELECT t.id, coalesce(fi.last_prev, (SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = t.id AND i."occurredAt" < ${prevStart})) AS last_before,
             fi.last_in, coalesce(fi.f_now, 0) AS f_now, coalesce(fi.f_before, 0) AS f_before
      FROM team_c t LEFT JOIN fi USING (id)
    ),
    ia AS (
      SELECT id, coalesce(last_in, last_before) AS last_now, last_before, f_now, f_before FROM ib WHERE coalesce(last_in, last_before) IS NOT NULL
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
    per AS (
      SELECT id, greatest(ia.last_now, qa.last_now) AS last_now, greatest(ia.last_before, qa.last_before) AS last_before,
             coalesce(ia.f_now, 0) + coalesce(qa.f_now, 0) AS f_now, coalesce(ia.f_before, 0) + coalesce(qa.f_before, 0) AS f_before,
             coalesce(qa.m_now, 0) AS m_now, coalesce(qa.m_before, 0) AS m_before
      FROM ia FULL JOIN qa USING (id)
    ),
    now AS (
      SELECT id, m_now AS value,
             1 + (5 * (rank() OVER (ORDER BY last_now) - 1)) / count(*) OVER () AS r,
             1 + (5 * (rank() OVER (ORDER BY f_now) - 1)) / count(*) OVER () AS f,
             1 + (5 * (rank() OVER (ORDER BY m_now) - 1)) / count(*) OVER () AS m
      FROM per
    ),
    before AS (
      SELECT id, m_before AS value,
             1 + (5 * (rank() OVER (ORDER BY last_before) - 1)) / count(*) OVER () AS r,
             1 + (5 * (rank() OVER (ORDER BY f_before) - 1)) / count(*) OVER () AS f,
             1 + (5 * (rank() OVER (ORDER BY m_before) - 1)) / count(*) OVER () AS m
      FROM per WHERE last_before IS NOT NULL
    ),
    shown AS (SELECT c.id, c.name, c."ownerId" FROM "Customer" c WHERE c."teamId" = ${teamId} AND (${ownerId}::int IS NULL OR c."ownerId" = ${ownerId}::int))
    SELECT
      (SELECT json_agg(x) FROM (SELECT r::int, f::int, m::int, count(*)::int AS n FROM now JOIN shown USING (id) GROUP BY 1, 2, 3) x) AS cells,
      (SELECT json_agg(x) FROM (SELECT r::int, f::int, m::int, count(*)::int AS n FROM before JOIN shown USING (id) GROUP BY 1, 2, 3) x) AS prev_cells,
      (SELECT json_agg(x) FROM (
         SELECT s.id, s.name, u."displayName" AS owner, b.r::int AS r0, b.f::int AS f0, b.m::int AS m0, n.r::int, n.f::int, n.m::int
         FROM before b JOIN now n USING (id) JOIN shown s USING (id) LEFT JOIN "User" u ON u.id = s."ownerId"
         WHERE n.r + n.f + n.m < b.r + b.f + b.m
         ORDER BY (b.r + b.f + b.m) - (n.r + n.f + n.m) DESC, b.value DESC, s.id LIMIT ${movers}) x) AS movers,
      (SELECT sum(value)::text FROM now JOIN shown USING (id)) AS value`;
}
