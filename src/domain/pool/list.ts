import type { Customer } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { POOL_STATUSES } from './ownership.ts';

export type PoolCustomer = Pick<Customer, 'id' | 'code' | 'name' | 'tier' | 'status' | 'industry' | 'region' | 'updatedAt'>;

/** The team's pool: customers nobody owns that are still leads or prospects, A tier first, most recently freed first. */
export async function poolCustomers(ctx: DomainContext, limit = 25): Promise<{ customers: PoolCustomer[]; total: number }> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('customer.bad_limit', { limit });
  const where = { teamId: ctx.actor.teamId, ownerId: null, status: { in: [...POOL_STATUSES] } };
  const [customers, total] = await Promise.all([
    ctx.prisma.customer.findMany({
      where,
      orderBy: [{ tier: 'asc' }, { updatedAt: 'desc' }, { id: 'asc' }],
      take: limit,
      select: { id: true, code: true, name: true, tier: true, status: true, industry: true, region: true, updatedAt: true },
    }),
    ctx.prisma.customer.count({ where }),
  ]);
  return { customers, total };
}
