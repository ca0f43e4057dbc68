// `/customers`: the customers a person may open, filtered, soonest due for contact first, a page at
// a time. Due follows the cadence rules (last contact, or creation, plus the tier's days); lost
// customers have no cadence and come last.
import type { Customer, CustomerStatus, Prisma, Tier } from '../../generated/prisma/client.ts';
import { contactDueAt, daysOverdue, loadCadenceTeam, type CadenceTeam } from '../cadence/query.ts';
import type { DomainContext } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { visibleCustomers } from './visibility.ts';

export type OwnerFilter = 'me' | 'pool' | 'all' | { userId: number };

export interface CustomerFilter {
  tier?: Tier;
  status?: CustomerStatus;
  tag?: string;
  region?: string;
  /** Whose customers; mine when not given. */
  owner?: OwnerFilter;
  due?: 'overdue';
}

export interface CustomerListEntry {
  customer: Customer;
  owner: { id: number; displayName: string } | null;
  lastInteractionAt: Date | null;
  /** Null for lost customers: no cadence applies. */
  dueAt: Date | null;
  overdueDays: number;
}

export interface CustomerPage {
  entries: CustomerListEntry[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export const PAGE_SIZE = 10;
export const MAX_PAGE = 1000;

function ownerWhere(ctx: DomainContext, owner: OwnerFilter | undefined): Prisma.CustomerWhereInput {
  const o = owner ?? 'me';
  if (o === 'all') return {};
  if (o === 'pool') return { ownerId: null };
  if (o === 'me') return { ownerId: ctx.actor.userId };
  // Naming a colleague is a question a rep may not ask: say so rather than show an empty list.
  if (ctx.actor.role === 'rep' && o.userId !== ctx.actor.userId) throw forbidden('customers.others_not_visible', { role: ctx.actor.role });
  return { ownerId: o.userId };
}

export async function listCustomers(ctx: DomainContext, filter: CustomerFilter = {}, opts: { page?: number; pageSize?: number } = {}): Promise<CustomerPage> {
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw invalid('customers.bad_page', { value: String(page), max: MAX_PAGE });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw invalid('customers.bad_page', { value: String(pageSize), max: 100 });
  const now = ctx.clock.now();
  const where: Prisma.CustomerWhereInput = {
    AND: [
      visibleCustomers(ctx.actor),
      ownerWhere(ctx, filter.owner),
      filter.tier ? { tier: filter.tier } : {},
      filter.status ? { status: filter.status } : {},
      filter.tag ? { tags: { has: filter.tag } } : {},
      filter.region ? { region: { contains: filter.region, mode: 'insensitive' } } : {},
      // An overdue customer is one cadence applies to.
      filter.due === 'overdue' ? { status: { not: 'lost' } } : {},
    ],
  };
  const rows = await ctx.prisma.customer.findMany({ where, select: { id: true, teamId: true, tier: true, status: true, createdAt: true } });
  const last = await lastContactOf(ctx, rows.map((r) => r.id), now);
  const teams = new Map<number, CadenceTeam>();
  for (const teamId of new Set(rows.map((r) => r.teamId))) teams.set(teamId, await loadCadenceTeam(ctx.prisma, teamId));

  let ranked = rows.map((r) => {
    const lastAt = last.get(r.id) ?? null;
    const dueAt = contactDueAt(teams.get(r.teamId)!, r, lastAt);
    return { id: r.id, lastAt, dueAt, overdueDays: daysOverdue(dueAt, now) };
  });
  if (filter.due === 'overdue') ranked = ranked.filter((r) => r.dueAt !== null && r.dueAt <= now);
  ranked.sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.id - b.id);

  const total = ranked.length;
  const slice = ranked.slice((page - 1) * pageSize, page * pageSize);
  const full = await ctx.prisma.customer.findMany({ where: { id: { in: slice.map((r) => r.id) } }, include: { owner: { select: { id: true, displayName: true } } } });
  const byId = new Map(full.map((c) => [c.id, c]));
  const entries = slice.map((r) => {
    const { owner, ...customer } = byId.get(r.id)!;
    return { customer, owner, lastInteractionAt: r.lastAt, dueAt: r.dueAt, overdueDays: r.overdueDays };
  });
  return { entries, total, page, pages: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}

/** Each customer's latest interaction up to now (a planned visit dated later is not contact yet). */
async function lastContactOf(ctx: DomainContext, ids: number[], now: Date): Promise<Map<number, Date>> {
  if (!ids.length) return new Map();
  const groups = await ctx.prisma.interaction.groupBy({ by: ['customerId'], where: { customerId: { in: ids }, occurredAt: { lte: now } }, _max: { occurredAt: true } });
  return new Map(groups.flatMap((g) => (g._max.occurredAt ? [[g.customerId, g._max.occurredAt] as const] : [])));
}
