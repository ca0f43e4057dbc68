import type { DomainContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { canAct } from '../permissions.ts';
import { quoteInclude, type QuoteView } from './view.ts';

/** A quote as its author, their team's managers, or an admin may see it. */
export async function getQuote(ctx: DomainContext, id: number): Promise<QuoteView> {
  const quote = await ctx.prisma.quote.findUnique({ where: { id }, include: quoteInclude });
  // Not "forbidden": a rep should not learn which quote ids exist elsewhere.
  if (!quote || !canAct(ctx.actor, { teamId: quote.teamId, ownerId: quote.authorId })) throw notFound('quote.not_found', { id });
  return quote;
}
