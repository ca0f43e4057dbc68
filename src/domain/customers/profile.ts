import { contactDueAt, daysOverdue, loadCadenceTeam } from '../cadence/query.ts';
import type { DomainContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { assertCanAct } from '../permissions.ts';
import { customerHistory } from './history.ts';
import { teamCurrency } from './values.ts';

/** Everything a rep wants before a call: who, whom to ask for, what happened, what is open, what changed. */
export async function customerProfile(ctx: DomainContext, customerId: number) {
  const customer = await ctx.prisma.customer.findUnique({ where: { id: customerId }, include: { owner: { select: { id: true, displayName: true } } } });
  if (!customer || (ctx.actor.role !== 'admin' && customer.teamId !== ctx.actor.teamId)) throw notFound('customer.not_found', { query: String(customerId) });
  assertCanAct(ctx.actor, customer, 'customer');
  const [contacts, lastInteractions, openTasks, quotes, history, team, cadence] = await Promise.all([
    ctx.prisma.contact.findMany({ where: { customerId }, orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] }),
    ctx.prisma.interaction.findMany({ where: { customerId }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: 5, include: { author: { select: { displayName: true } } } }),
    ctx.prisma.task.findMany({ where: { customerId, status: 'open' }, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: 10 }),
    ctx.prisma.quote.findMany({ where: { customerId }, orderBy: { id: 'desc' }, take: 5 }),
    customerHistory(ctx.prisma, customerId, 8),
    ctx.prisma.team.findUniqueOrThrow({ where: { id: customer.teamId } }),
    loadCadenceTeam(ctx.prisma, customer.teamId),
  ]);
  const { owner, ...rest } = customer;
  const lastContactAt = lastInteractions[0]?.occurredAt ?? null;
  const nextContactAt = contactDueAt(cadence, customer, lastContactAt);
  const openQuotes = quotes.filter((q) => q.status === 'draft' || q.status === 'pending');
  return { customer: rest, owner, contacts, lastInteractions, openTasks, openQuotes, quotes, history, nextContactAt, overdueDays: daysOverdue(nextContactAt, ctx.clock.now()), currency: teamCurrency(team), locale: team.locale };
}
