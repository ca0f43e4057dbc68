import type { Identity, PrismaClient, User } from '../../generated/prisma/client.ts';
import { quoteApprovers } from '../quotes/approvers.ts';
import type { ApprovalLevel } from '../quotes/policy.ts';
import type { DomainContext } from '../context.ts';
import { ambiguous, notFound } from '../errors.ts';

export function identitiesOf(prisma: Pick<PrismaClient, 'identity'>, userId: number): Promise<Identity[]> {
  return prisma.identity.findMany({ where: { userId }, orderBy: { id: 'asc' } });
}

/**
 * Whom a quote by this author goes to: the same rule submitQuote applies (author's own manager when
 * they may decide, else the team's managers, admins for the admin level; never the author).
 */
export async function approversFor(prisma: Pick<PrismaClient, 'user'>, quoteAuthorId: number, level: ApprovalLevel): Promise<User[]> {
  const author = await prisma.user.findUnique({ where: { id: quoteAuthorId } });
  if (!author) throw notFound('user.not_found', { query: `#${quoteAuthorId}` });
  return quoteApprovers(prisma, { authorId: author.id, teamId: author.teamId }, level);
}

/**
 * The colleague a person named: "door:id", a Slack mention <@U123|name>, a Feishu open_id, "#12",
 * or a display name (case-insensitive; a unique prefix is enough). Within the actor's team unless
 * the actor is an admin.
 */
export async function findUser(ctx: DomainContext, text: string): Promise<User> {
  const q = text.trim().replace(/^@/, '');
  const scope = ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId };
  const byIdentity = async (platform: 'slack' | 'feishu' | 'console', externalId: string) => {
    const ids = await ctx.prisma.identity.findMany({ where: { platform, externalId }, include: { user: true } });
    return ids.map((i) => i.user).filter((u) => !scope.teamId || u.teamId === scope.teamId);
  };
  let found: User[] = [];
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(q);
  const door = /^(slack|feishu|console):(.+)$/i.exec(q);
  if (mention) found = await byIdentity('slack', mention[1]!);
  else if (door) found = await byIdentity(door[1]!.toLowerCase() as 'slack' | 'feishu' | 'console', door[2]!.trim());
  else if (/^ou_[\w-]+$/.test(q)) found = await byIdentity('feishu', q);
  else if (/^#?\d{1,9}$/.test(q)) found = await ctx.prisma.user.findMany({ where: { id: Number(q.replace('#', '')), ...scope } });
  if (!found.length && q) {
    const exact = await ctx.prisma.user.findMany({ where: { displayName: { equals: q, mode: 'insensitive' }, ...scope } });
    found = exact.length ? exact : await ctx.prisma.user.findMany({ where: { displayName: { startsWith: q, mode: 'insensitive' }, ...scope }, take: 10 });
  }
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw ambiguous('user.ambiguous', { query: q, candidates: found.map((u) => u.displayName) });
  throw notFound('user.not_found', { query: q });
}
