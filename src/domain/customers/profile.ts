import type { DomainContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { assertCanAct } from '../permissions.ts';

/** Everything a rep wants before a call: who, whom to ask for, what happened, what is open. */
export async function customerProfile(ctx: DomainContext, customerId: number) {
  const customer = await ctx.prisma.customer.findUnique({ where: { id: customerId }, include: { owner: { select: { id: true, displayName: true } } } });
  if (!customer || (ctx.actor.role !== 'admin' && customer.teamId !== ctx.actor.teamId)) throw notFound('customer.not_found', { query: String(customerId) });
  assertCanAct(ctx.actor, customer, 'customer');
  const [contacts, lastInteractions, openTasks, openQuotes] = await Promise.all([
    ctx.prisma.contact.findMany({ where: { customerId }, orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] }),
    ctx.prisma.interaction.findMany({ where: { customerId }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: 5, include: { author: { select: { displayName: true } } } }),
    ctx.prisma.task.findMany({ where: { customerId, status: 'open' }, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: 10 }),
    ctx.prisma.quote.findMany({ where: { customerId, status: { in: ['draft', 'pending'] } }, orderBy: { id: 'desc' }, take: 10 }),
  ]);
  const { owner, ...rest } = customer;
  return { customer: rest, owner, contacts, lastInteractions, openTasks, openQuotes };
}
