import type { Identity, PrismaClient, User } from '../../generated/prisma/client.ts';
import { quoteApprovers } from '../quotes/approvers.ts';
import type { ApprovalLevel } from '../quotes/policy.ts';
import type { DomainContext } from '../context.ts';
import { ambiguous, notFound } from '../errors.ts';
import type { Person } from '../pool/ownership.ts';

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
 * How a person is named: as typed, or as an identity the door vouches for (a platform mention,
 * turned into door + external id before it gets here; no platform markup is read in the domain).
 */
export type UserQuery = string | { platform: 'slack' | 'feishu' | 'console'; externalId: string; name?: string };

/**
 * The colleague a person named: an identity, "door:id", "#12", or a display name (case-insensitive;
 * a unique prefix is enough). Within the actor's team unless the actor is an admin.
 */
export async function findUser(ctx: DomainContext, query: UserQuery): Promise<User> {
  const scope = ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId };
  const byIdentity = async (platform: 'slack' | 'feishu' | 'console', externalId: string) => {
    const ids = await ctx.prisma.identity.findMany({ where: { platform, externalId }, include: { user: true } });
    return ids.map((i) => i.user).filter((u) => !scope.teamId || u.teamId === scope.teamId);
  };
  if (typeof query !== 'string') {
    const found = query.externalId ? await byIdentity(query.platform, query.externalId) : [];
    if (found.length === 1) return found[0]!;
    throw notFound('user.not_found', { query: query.name ?? query.externalId });
  }
  const q = query.trim().replace(/^@/, '');
  let found: User[] = [];
  const door = /^(slack|feishu|console):(.+)$/i.exec(q);
  if (door) found = await byIdentity(door[1]!.toLowerCase() as 'slack' | 'feishu' | 'console', door[2]!.trim());
  else if (/^#?\d{1,9}$/.test(q)) found = await ctx.prisma.user.findMany({ where: { id: Number(q.replace('#', '')), ...scope } });
  if (!found.length && q) {
    const exact = await ctx.prisma.user.findMany({ where: { displayName: { equals: q, mode: 'insensitive' }, ...scope } });
    found = exact.length ? exact : await ctx.prisma.user.findMany({ where: { displayName: { startsWith: q, mode: 'insensitive' }, ...scope }, take: 10 });
  }
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw ambiguous('user.ambiguous', { query: q, candidates: found.map((u) => u.displayName) });
  throw notFound('user.not_found', { query: q });
}

/**
 * Whom a rep's matters go up to: their own manager while active, else the team's managers, else its
 * admins; never the rep themself. Used by the pool's 80 % note, churn cards and late complaints.
 */
export async function managersOf(prisma: Pick<PrismaClient, 'user'>, teamId: number, owner: { id: number | null; managerId: number | null }): Promise<Person[]> {
  const select = { id: true, displayName: true } as const;
  if (owner.managerId !== null) {
    const m = await prisma.user.findFirst({ where: { id: owner.managerId, active: true }, select });
    if (m) return [m];
  }
  for (const role of ['manager', 'admin'] as const) {
    const found = await prisma.user.findMany({ where: { teamId, role, active: true, ...(owner.id !== null ? { NOT: { id: owner.id } } : {}) }, select, orderBy: { id: 'asc' } });
    if (found.length) return found;
  }
  return [];
}
