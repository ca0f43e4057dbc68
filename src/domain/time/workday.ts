import type { DomainContext } from '../context.ts';

/** The acting user's team's working day, in minutes after local midnight: dates default to its start, EOD is its end. */
export async function teamWorkday(ctx: DomainContext): Promise<{ workdayStartMinute: number; workdayEndMinute: number }> {
  if (ctx.team?.id === ctx.actor.teamId) return { workdayStartMinute: ctx.team.workdayStartMinute, workdayEndMinute: ctx.team.workdayEndMinute };
  return ctx.prisma.team.findUniqueOrThrow({ where: { id: ctx.actor.teamId }, select: { workdayStartMinute: true, workdayEndMinute: true } });
}
