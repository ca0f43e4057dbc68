// What the lead score shows people: one customer's score with its reasons (the profile card), and
// the customers with the highest scores among those the reader may open (`/customers hot`).
import type { DomainContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { canSeeCustomer, visibleCustomers } from '../customers/visibility.ts';
import { scoreOf, type Scored } from './rescore.ts';

/** The score as it stands now, with why; computed afresh (read only), so it matches the rule even between changes. */
export async function customerScore(ctx: DomainContext, customerId: number): Promise<Scored> {
  const c = await ctx.prisma.customer.findUnique({ where: { id: customerId }, select: { teamId: true, ownerId: true } });
  if (!c || !canSeeCustomer(ctx.actor, c)) throw notFound('customer.not_found', { query: String(customerId) });
  const { customer: _c, ...scored } = await scoreOf(ctx.prisma, customerId, ctx.clock.now());
  return scored;
}

export interface HotCustomer {
  id: number;
  code: string;
  name: string;
  score: number;
  status: string;
  tier: string;
  owner: { id: number; displayName: string } | null;
}

/** Open customers (lead, intent) with the highest stored scores, best first. */
export async function hotCustomers(ctx: DomainContext, limit = 10): Promise<HotCustomer[]> {
  return ctx.prisma.customer.findMany({
    where: { AND: [visibleCustomers(ctx.actor), { teamId: ctx.actor.teamId, status: { in: ['lead', 'intent'] }, score: { gt: 0 } }] },
    orderBy: [{ score: 'desc' }, { id: 'asc' }],
    take: Math.min(Math.max(1, limit), 50),
    select: { id: true, code: true, name: true, score: true, status: true, tier: true, owner: { select: { id: true, displayName: true } } },
  });
}
