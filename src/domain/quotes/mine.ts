import type { DomainContext } from '../context.ts';

/** The acting person's quotes still in play (drafts and those awaiting approval), newest first. */
export function myOpenQuotes(ctx: DomainContext, limit = 10) {
  return ctx.prisma.quote.findMany({
    where: { authorId: ctx.actor.userId, status: { in: ['draft', 'pending'] } },
    orderBy: { id: 'desc' },
    take: limit,
    include: { customer: { select: { name: true, code: true } } },
  });
}
