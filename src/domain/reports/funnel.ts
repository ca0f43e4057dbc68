// The funnel for one period, from customers and their status history (the audit's `status` rows,
// written by every status change: by hand, by the lead score's hand-off, by an accepted quote):
//   - the cohort: customers created in the period, and how many of them have reached intent and deal,
//     by source and by owner;
//   - the moves: status changes that happened in the period (lead→intent, intent→deal, …);
//   - the median days from creation to intent and from intent to deal, over the moves in the period.
import type { DomainContext } from '../context.ts';

export interface Stage {
  key: string;
  leads: number;
  intent: number;
  deal: number;
}

export interface FunnelReport {
  cohort: Stage;
  bySource: Stage[];
  byOwner: Array<Stage & { ownerId: number | null; ownerName: string | null }>;
  moves: Array<{ from: string; to: string; count: number }>;
  /** Median days, or null when nothing moved that way in the period. */
  medianDays: { toIntent: number | null; toDeal: number | null };
  /** Whose customers: null for the team, else the rep's (the cohort, its rows and the moves are theirs only). */
  ownerId: number | null;
}

const ORDER: Record<string, number> = { lead: 0, intent: 1, deal: 2, lost: 3 };

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

interface Cell {
  source: string;
  ownerId: number | null;
  ownerName: string | null;
  leads: number;
  intent: number;
  deal: number;
}

interface Result {
  cells: Cell[] | null;
  moves: Array<{ from: string; to: string; count: number }> | null;
  to_intent: number | null;
  to_deal: number | null;
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Managers and admins read their team's funnel; a rep reads the funnel of the customers they own now. */
export async function funnelReport(ctx: DomainContext, period: { start: Date; end: Date }): Promise<FunnelReport> {
  const teamId = ctx.actor.teamId;
  const ownerId = ctx.actor.role === 'rep' ? ctx.actor.userId : null;
  // One statement, only counts sent back: a customer's stage is the furthest of its status now and
  // every status row it ever had; medians by percentile_cont (the middle value, or the mean of the two).
  const [r] = await ctx.prisma.$queryRaw<Result[]>`
    WITH cohort AS (
      SELECT c.id, c.source::text AS source, c."ownerId", u."displayName" AS "ownerName",
        greatest(CASE c.status WHEN 'intent' THEN 1 WHEN 'deal' THEN 2 ELSE 0 END,
          coalesce((SELECT max(CASE a.after->>'status' WHEN 'intent' THEN 1 WHEN 'deal' THEN 2 ELSE 0 END) FROM "AuditEvent" a
                    WHERE a.entity = 'customer' AND a."entityId" = c.id::text AND a.action = 'status'), 0)) AS stage
      FROM "Customer" c LEFT JOIN "User" u ON u.id = c."ownerId"
      WHERE c."teamId" = ${teamId} AND c."createdAt" >= ${period.start} AND c."createdAt" < ${period.end} AND (${ownerId}::int IS NULL OR c."ownerId" = ${ownerId}::int)),
    moves AS (
      SELECT a.before->>'status' AS "from", a.after->>'status' AS "to", a.at, c."createdAt",
        -- A deal's days count from the customer's first intent, else from its creation.
        CASE WHEN a.after->>'status' = 'deal' THEN (SELECT min(f.at) FROM "AuditEvent" f
          WHERE f.entity = 'customer' AND f."entityId" = a."entityId" AND f.action = 'status' AND f.after->>'status' = 'intent') END AS "intentAt"
      FROM "AuditEvent" a JOIN "Customer" c ON a."entityId" = c.id::text
      WHERE a.entity = 'customer' AND a.action = 'status' AND c."teamId" = ${teamId} AND a.at >= ${period.start} AND a.at < ${period.end}
        AND (${ownerId}::int IS NULL OR c."ownerId" = ${ownerId}::int))
    SELECT
      (SELECT json_agg(x) FROM (SELECT source, "ownerId", "ownerName", count(*)::int AS leads, count(*) FILTER (WHERE stage >= 1)::int AS intent,
         count(*) FILTER (WHERE stage >= 2)::int AS deal FROM cohort GROUP BY 1, 2, 3) x) AS cells,
      (SELECT json_agg(x) FROM (SELECT coalesce("from", '') AS "from", "to", count(*)::int AS count FROM moves GROUP BY 1, 2) x) AS moves,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - "createdAt") / 86400) FROM moves WHERE "to" = 'intent') AS to_intent,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - coalesce("intentAt", "createdAt")) / 86400) FROM moves WHERE "to" = 'deal') AS to_deal`;
  const cells = r!.cells ?? [];
  const sum = (rows: Cell[], key: string): Stage => ({ key, leads: rows.reduce((a, c) => a + c.leads, 0), intent: rows.reduce((a, c) => a + c.intent, 0), deal: rows.reduce((a, c) => a + c.deal, 0) });
  const group = <K>(keyOf: (c: Cell) => K) => {
    const m = new Map<K, Cell[]>();
    for (const c of cells) {
      const list = m.get(keyOf(c)) ?? [];
      list.push(c);
      m.set(keyOf(c), list);
    }
    return m;
  };
  return {
    cohort: sum(cells, 'all'),
    bySource: [...group((c) => c.source)].map(([k, rows]) => sum(rows, k)).sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key)),
    byOwner: [...group((c) => c.ownerId)]
      .map(([id, rows]) => ({ ...sum(rows, String(id ?? 'pool')), ownerId: id, ownerName: rows[0]!.ownerName }))
      .sort((a, b) => b.leads - a.leads || (a.ownerName ?? '').localeCompare(b.ownerName ?? '')),
    moves: (r!.moves ?? []).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || (ORDER[a.to] ?? 9) - (ORDER[b.to] ?? 9)),
    medianDays: { toIntent: round1(r!.to_intent), toDeal: round1(r!.to_deal) },
    ownerId,
  };
}
