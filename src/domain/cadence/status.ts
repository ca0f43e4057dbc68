import { Prisma, type Customer, type PrismaClient } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { customersById, DAY_MS, lastContacts, loadCadenceTeam, tierDays, tierDaysSql, utc, type CadenceTeam } from './query.ts';

export interface CadenceEntry {
  customer: Customer;
  lastInteractionAt: Date | null;
  /** Last contact (or creation, if never contacted) plus the tier's cadence. */
  dueAt: Date;
  /** Whole days past dueAt; 0 when not yet due or due less than a day ago. */
  overdueDays: number;
}

type Db = Pick<PrismaClient, '$queryRaw' | 'customer' | 'team'>;

async function entries(prisma: Db, team: CadenceTeam, now: Date, options: Parameters<typeof lastContacts>[3]): Promise<CadenceEntry[]> {
  const rows = await lastContacts(prisma, team.id, now, options);
  const customers = await customersById(prisma, rows.map((r) => r.customerId));
  return rows
    .map((r) => {
      const customer = customers.get(r.customerId)!;
      const dueAt = new Date(r.baseMs + tierDays(team, customer.tier) * DAY_MS);
      const overdueDays = Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));
      return { customer, lastInteractionAt: r.lastMs === null ? null : new Date(r.lastMs), dueAt, overdueDays };
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.customer.id - b.customer.id);
}

/** Every live customer of the team with when it is next due for contact by its tier, soonest first. */
export async function cadenceStatus(prisma: Db, teamId: number, now: Date): Promise<CadenceEntry[]> {
  return entries(prisma, await loadCadenceTeam(prisma, teamId), now, {});
}

/**
 * Customers whose cadence has run out (due now or earlier). Reps see their own; managers and
 * admins the whole team, one owner's, or the pool's (ownerId null).
 */
export async function dueForContact(ctx: DomainContext, filter: { ownerId?: number | null } = {}): Promise<CadenceEntry[]> {
  let owner = filter.ownerId;
  if (ctx.actor.role === 'rep') {
    if (owner !== undefined && owner !== ctx.actor.userId) throw forbidden('cadence.not_yours', { ownerId: owner });
    owner = ctx.actor.userId;
  }
  const now = ctx.clock.now();
  const team = await loadCadenceTeam(ctx.prisma, ctx.actor.teamId);
  const days = tierDaysSql(team);
  const due = await entries(ctx.prisma, team, now, {
    owner,
    having: (base) => Prisma.sql`${base} + make_interval(days => ${days}) <= ${utc(now)}`,
  });
  return due.sort((a, b) => b.overdueDays - a.overdueDays || a.dueAt.getTime() - b.dueAt.getTime() || a.customer.id - b.customer.id);
}
