// Which customers are churn risks, as the process documents define it: an owned, not lost customer
// with no contact for the team's churn days, or with a complaint not resolved. One rule for the
// hourly sweep (as of now) and the weekly summary (as of the end of each week).
import type { PrismaClient } from '../../generated/prisma/client.ts';

export interface RiskRow {
  id: number;
  code: string;
  name: string;
  tier: string;
  ownerId: number;
  ownerName: string;
  managerId: number | null;
  /** The last contact at or before the instant asked about. */
  last: Date | null;
  created: Date;
  /** Complaints open at that instant. */
  open: bigint | number;
}

const DAY_MS = 86_400_000;

/** The risks as they stood at `asOf`, by customer id. */
export async function churnRisksAt(prisma: Pick<PrismaClient, '$queryRaw'>, team: { id: number; churnRiskDays: number }, asOf: Date): Promise<RiskRow[]> {
  const silentSince = new Date(asOf.getTime() - team.churnRiskDays * DAY_MS);
  return prisma.$queryRaw<RiskRow[]>`
    SELECT c.id, c.code, c.name, c.tier::text AS tier, c."ownerId", u."displayName" AS "ownerName", u."managerId",
           c."createdAt" AS created, x.last, x.open
    FROM "Customer" c
    JOIN "User" u ON u.id = c."ownerId"
    CROSS JOIN LATERAL (
      SELECT (SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = c.id AND i."occurredAt" <= ${asOf}) AS last,
             (SELECT count(*) FROM "Complaint" k WHERE k."customerId" = c.id AND k."openedAt" <= ${asOf} AND (k."resolvedAt" IS NULL OR k."resolvedAt" > ${asOf})) AS open) x
    WHERE c."teamId" = ${team.id} AND c.status <> 'lost' AND c."createdAt" <= ${asOf}
      AND (coalesce(x.last, c."createdAt") <= ${silentSince} OR x.open > 0)
    ORDER BY c.id`;
}

/** Whether the risk is the silence: no contact for the team's churn days at `asOf`. */
export function isSilent(r: Pick<RiskRow, 'last' | 'created'>, churnRiskDays: number, asOf: Date): boolean {
  return (r.last ?? r.created).getTime() <= asOf.getTime() - churnRiskDays * DAY_MS;
}
