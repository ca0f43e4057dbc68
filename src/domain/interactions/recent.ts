import type { PrismaClient } from '../../generated/prisma/client.ts';

/** The last few interactions with a customer, newest first, with who logged them: context for an approver. */
export async function recentInteractions(prisma: Pick<PrismaClient, 'interaction'>, customerId: number, limit = 5) {
  const rows = await prisma.interaction.findMany({
    where: { customerId },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit,
    include: { author: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ occurredAt: r.occurredAt, channel: r.channel, summary: r.summary, mood: r.mood, authorName: r.author.displayName }));
}
