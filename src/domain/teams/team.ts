// A team's row as the intents layer needs it to word an answer (undo window, claims per day, pool
// windows), read here so Prisma stays in the domain.
import type { Team } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';

/** The team `teamId`, by default the acting user's. */
export async function teamOf(ctx: DomainContext, teamId = ctx.actor.teamId, reader: Pick<DomainContext['prisma'], 'team'> = ctx.prisma): Promise<Team> {
  if (ctx.team && ctx.team.id === teamId) return ctx.team;
  return reader.team.findUniqueOrThrow({ where: { id: teamId } });
}
