import type { PrismaClient, Prisma, Quote, User } from '../../generated/prisma/client.ts';
import { mayApprove, type ApprovalLevel } from './policy.ts';

type Reader = Pick<PrismaClient | Prisma.TransactionClient, 'user'>;

/**
 * Whom to ask: the author's own manager when they may decide this level; otherwise the team's
 * managers and admins (manager level) or the admins (admin level, the quote's team first). A team
 * without managers still reaches an admin, since admins may decide anything.
 */
export async function quoteApprovers(db: Reader, quote: Pick<Quote, 'authorId' | 'teamId'>, level: ApprovalLevel): Promise<User[]> {
  const author = await db.user.findUnique({ where: { id: quote.authorId }, include: { manager: true } });
  if (author?.manager && mayApprove(author.manager, quote, level)) return [author.manager];

  const notAuthor = { active: true, id: { not: quote.authorId } } as const;
  if (level === 'manager') {
    const team = await db.user.findMany({
      where: { ...notAuthor, teamId: quote.teamId, role: { in: ['manager', 'admin'] } },
      orderBy: [{ role: 'asc' }, { id: 'asc' }],
    });
    if (team.length > 0) return team;
  }
  const admins = await db.user.findMany({ where: { ...notAuthor, role: 'admin' }, orderBy: { id: 'asc' } });
  return admins.sort((a, b) => Number(b.teamId === quote.teamId) - Number(a.teamId === quote.teamId));
}
