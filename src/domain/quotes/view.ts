import type { Prisma } from '../../generated/prisma/client.ts';

/** What every quote answer carries: enough for a card (lines, customer, author, who decided). */
export const quoteInclude = {
  lines: { orderBy: { position: 'asc' } },
  customer: { select: { id: true, code: true, name: true, ownerId: true, tier: true, status: true } },
  author: { select: { id: true, displayName: true, managerId: true } },
  decidedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.QuoteInclude;

export type QuoteView = Prisma.QuoteGetPayload<{ include: typeof quoteInclude }>;
