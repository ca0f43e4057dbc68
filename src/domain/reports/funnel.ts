// The funnel for one period, from customers and their status history (the audit's `status` rows,
// written by every status change: by hand, by the lead score's hand-off, by an accepted quote):
//   - the cohort: customers created in the period, and how many of them have reached intent and deal,
//     by source and by owner;
//   - the moves: status changes that happened in the period (lead→intent, intent→deal, …);
//   - the median days from creation to intent and from intent to deal, over the moves in the period.
import type { DomainContext } from '../context.ts';
import { assertRole } from '../permissions.ts';

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
}

interface Row {
  id: number;
  createdAt: Date;
  source: string;
  status: string;
  ownerId: number | null;
  ownerName: string | null;
}

interface Move {
  customerId: number;
  at: Date;
  from: string | null;
  to: string;
}

const RANK: Record<string, number> = { lead: 0, intent: 1, deal: 2 };
const DAY = 86_400_000;
const ORDER: Record<string, number> = { lead: 0, intent: 1, deal: 2, lost: 3 };

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** Managers and admins read their team's funnel. */
export async function funnelReport(ctx: DomainContext, period: { start: Date; end: Date }): Promise<FunnelReport> {
  assertRole(ctx.actor, 'manager', 'report');
  const teamId = ctx.actor.teamId;
  const cohort = await ctx.prisma.$queryRaw<Row[]>`
    SELECT c.id, c."createdAt", c.source::text AS source, c.status::text AS status, c."ownerId", u."displayName" AS "ownerName"
    FROM "Customer" c LEFT JOIN "User" u ON u.id = c."ownerId"
    WHERE c."teamId" = ${teamId} AND c."createdAt" >= ${period.start} AND c."createdAt" < ${period.end}`;
  // Every status row of the cohort (whenever it happened), and every status row of the period.
  // A deal row carries its customer's first intent (for the days from intent to deal) in the same read.
  const moves = await ctx.prisma.$queryRaw<Array<Move & { createdAt: Date; intentAt: Date | null }>>`
    SELECT c.id AS "customerId", a.at, a.before->>'status' AS "from", a.after->>'status' AS "to", c."createdAt",
      CASE WHEN a.after->>'status' = 'deal' THEN (
        SELECT min(f.at) FROM "AuditEvent" f
        WHERE f.entity = 'customer' AND f."entityId" = a."entityId" AND f.action = 'status' AND f.after->>'status' = 'intent') END AS "intentAt"
    FROM "AuditEvent" a JOIN "Customer" c ON a."entityId" = c.id::text
    WHERE a.entity = 'customer' AND a.action = 'status' AND c."teamId" = ${teamId}
      -- The two halves apart, each on its index ((entity, entityId) and at): an OR across the join read every status row.
      AND a.id IN (
        SELECT s.id FROM "Customer" k JOIN "AuditEvent" s ON s.entity = 'customer' AND s."entityId" = k.id::text AND s.action = 'status'
        WHERE k."teamId" = ${teamId} AND k."createdAt" >= ${period.start} AND k."createdAt" < ${period.end}
        UNION
        SELECT s.id FROM "AuditEvent" s WHERE s.entity = 'customer' AND s.action = 'status' AND s.at >= ${period.start} AND s.at < ${period.end})
    ORDER BY a.at, a.id`;

  const reached = new Map<number, number>();
  for (const m of moves) reached.set(m.customerId, Math.max(reached.get(m.customerId) ?? 0, RANK[m.to] ?? 0));
  const stageOf = (r: Row) => Math.max(RANK[r.status] ?? 0, reached.get(r.id) ?? 0);
  const tally = (rows: Row[], key: string): Stage => ({ key, leads: rows.length, intent: rows.filter((r) => stageOf(r) >= 1).length, deal: rows.filter((r) => stageOf(r) >= 2).length });
  const group = <K>(rows: Row[], keyOf: (r: Row) => K) => {
    const m = new Map<K, Row[]>();
    for (const r of rows) {
      const list = m.get(keyOf(r)) ?? [];
      list.push(r);
      m.set(keyOf(r), list);
    }
    return m;
  };
  const bySource = [...group(cohort, (r) => r.source)].map(([k, rows]) => tally(rows, k)).sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key));
  const byOwner = [...group(cohort, (r) => r.ownerId)]
    .map(([id, rows]) => ({ ...tally(rows, String(id ?? 'pool')), ownerId: id, ownerName: rows[0]!.ownerName }))
    .sort((a, b) => b.leads - a.leads || (a.ownerName ?? '').localeCompare(b.ownerName ?? ''));

  const inPeriod = moves.filter((m) => m.at >= period.start && m.at < period.end);
  const counts = new Map<string, number>();
  for (const m of inPeriod) counts.set(`${m.from ?? ''}>${m.to}`, (counts.get(`${m.from ?? ''}>${m.to}`) ?? 0) + 1);
  // Days per stage: creation to the first intent, the first intent (else creation) to the first deal.
  const toIntent = inPeriod.filter((m) => m.to === 'intent');
  const toDeal = inPeriod.filter((m) => m.to === 'deal');
  return {
    cohort: tally(cohort, 'all'),
    bySource,
    byOwner,
    moves: [...counts].map(([k, count]) => ({ from: k.split('>')[0]!, to: k.split('>')[1]!, count })).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || (ORDER[a.to] ?? 9) - (ORDER[b.to] ?? 9)),
    medianDays: {
      toIntent: median(toIntent.map((m) => (m.at.getTime() - m.createdAt.getTime()) / DAY)),
      toDeal: median(toDeal.map((m) => (m.at.getTime() - (m.intentAt ?? m.createdAt).getTime()) / DAY)),
    },
  };
}
