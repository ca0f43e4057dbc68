// `/quotes`: my quotes, the ones waiting for my decision, the team's. "Waiting for me" is the
// approver rule of submitQuote read backwards (approvers.ts), so the list names exactly the quotes
// whose approval cards this person was sent.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { assertRole } from '../permissions.ts';
import { quoteApprovers } from './approvers.ts';
import { approvalLevel } from './policy.ts';
import { quoteInclude, type QuoteView } from './view.ts';

export interface QuoteList {
  quotes: QuoteView[];
  total: number;
}

const newestFirst = [{ id: 'desc' }] satisfies Prisma.QuoteOrderByWithRelationInput[];

/** The actor's own quotes, newest first. */
export async function myQuotes(ctx: DomainContext, limit = 20): Promise<QuoteList> {
  const where = { authorId: ctx.actor.userId };
  const [quotes, total] = await Promise.all([ctx.prisma.quote.findMany({ where, include: quoteInclude, orderBy: newestFirst, take: limit }), ctx.prisma.quote.count({ where })]);
  return { quotes, total };
}

/** The team's quotes (admins: every team's), newest first; for managers and admins. */
export async function teamQuotes(ctx: DomainContext, limit = 20): Promise<QuoteList> {
  assertRole(ctx.actor, 'manager', 'quotes');
  const where = ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId };
  const [quotes, total] = await Promise.all([ctx.prisma.quote.findMany({ where, include: quoteInclude, orderBy: newestFirst, take: limit }), ctx.prisma.quote.count({ where })]);
  return { quotes, total };
}

/** Pending quotes this person is an approver of, oldest submission first (the longest wait on top). */
export async function waitingQuotes(ctx: DomainContext): Promise<QuoteView[]> {
  // Reps never decide (policy.ts), so nothing waits for them.
  if (ctx.actor.role === 'rep') return [];
  const pending = await ctx.prisma.quote.findMany({
    where: { status: 'pending', authorId: { not: ctx.actor.userId }, ...(ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId }) },
    include: { ...quoteInclude, team: { select: { managerMaxDiscountBps: true, managerMaxTotalMinor: true } } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const mine: QuoteView[] = [];
  for (const { team, ...quote } of pending) {
    const approvers = await quoteApprovers(ctx.prisma, quote, approvalLevel(team, quote));
    if (approvers.some((a) => a.id === ctx.actor.userId)) mine.push(quote);
  }
  return mine;
}
