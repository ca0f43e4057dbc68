import type { Identity, Role, Team, User } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { assertRole } from '../permissions.ts';
import { findUser, identitiesOf, type UserQuery } from './directory.ts';

/** Admins grant roles; the last admin cannot be demoted, so a team never locks itself out. */
export async function setRole(ctx: DomainContext, input: { target: UserQuery; role: Role }): Promise<User> {
  assertRole(ctx.actor, 'admin', 'user');
  const target = await findUser(ctx, input.target);
  if (target.role === input.role) return target;
  return ctx.prisma.$transaction(async (tx) => {
    if (target.role === 'admin') {
      // Two admins demoting each other at once must not leave none: locking every active admin row
      // makes the second demotion wait for the first and then count what it left.
      const admins = await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "active" = true ORDER BY "id" FOR UPDATE`;
      if (admins.length <= 1 && admins.some((a) => a.id === target.id)) throw conflict('user.last_admin', { name: target.displayName });
    }
    const updated = await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await audit(tx, ctx, { entity: 'user', entityId: target.id, action: 'role', before: { role: target.role }, after: { role: input.role } });
    return updated;
  });
}

/**
 * A rep's quotes go to their manager for approval. The manager must be a manager or admin of the
 * same team, and nobody manages themselves.
 */
export async function setManager(ctx: DomainContext, input: { target: UserQuery; manager: UserQuery }): Promise<User> {
  assertRole(ctx.actor, 'manager', 'user');
  const [rep, manager] = [await findUser(ctx, input.target), await findUser(ctx, input.manager)];
  if (rep.id === manager.id) throw invalid('user.own_manager', { name: rep.displayName });
  if (manager.role === 'rep') throw invalid('user.manager_is_rep', { name: manager.displayName });
  if (manager.teamId !== rep.teamId) throw invalid('user.manager_other_team', { name: manager.displayName });
  if (rep.managerId === manager.id) return rep;
  return ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: rep.id }, data: { managerId: manager.id } });
    await audit(tx, ctx, { entity: 'user', entityId: rep.id, action: 'manager', before: { managerId: rep.managerId }, after: { managerId: manager.id } });
    return updated;
  });
}

export async function whoami(ctx: DomainContext): Promise<{ user: User; team: Team; identities: Identity[] }> {
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, include: { team: true } });
  const { team, ...rest } = user;
  return { user: rest, team, identities: await identitiesOf(ctx.prisma, user.id) };
}
