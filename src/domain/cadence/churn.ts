import { Prisma, type Customer, type PrismaClient } from '../../generated/prisma/client.ts';
import { customersById, DAY_MS, lastContacts, loadCadenceTeam, utc } from './query.ts';

export interface ChurnRisk {
  customer: Customer;
  lastInteractionAt: Date | null;
  /** Whole days since the last interaction, or since creation for a customer never contacted. */
  silentDays: number;
}

/** Live customers nobody has talked to in the team's churn window, longest silence first. */
export async function churnRisks(prisma: Pick<PrismaClient, '$queryRaw' | 'customer' | 'team'>, teamId: number, now: Date): Promise<ChurnRisk[]> {
  const team = await loadCadenceTeam(prisma, teamId);
  const cutoff = new Date(now.getTime() - team.churnRiskDays * DAY_MS);
  const rows = await lastContacts(prisma, teamId, now, { having: (base) => Prisma.sql`${base} <= ${utc(cutoff)}` });
  const customers = await customersById(prisma, rows.map((r) => r.customerId));
  return rows
    .map((r) => ({
      customer: customers.get(r.customerId)!,
      lastInteractionAt: r.lastMs === null ? null : new Date(r.lastMs),
      silentDays: Math.floor((now.getTime() - r.baseMs) / DAY_MS),
    }))
    .sort((a, b) => b.silentDays - a.silentDays || a.customer.id - b.customer.id);
}
