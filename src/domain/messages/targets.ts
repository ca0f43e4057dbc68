import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { assertRole } from '../permissions.ts';

export interface ChannelPlace {
  platform: 'slack' | 'feishu' | 'console';
  workspaceId: string;
  channelId?: string;
}

/**
 * A team's channel for digests (and, with approvals, for approval cards when a rep has no manager),
 * set by a manager from inside that channel. A channel that takes approvals also takes digests.
 */
export async function setChannelTarget(ctx: DomainContext, place: ChannelPlace, input: { purpose: 'digest' | 'approvals'; off: boolean }) {
  assertRole(ctx.actor, 'manager', 'channel');
  if (!place.channelId) throw invalid('channel.not_in_channel', {});
  const key = { teamId: ctx.actor.teamId, platform: place.platform, workspaceId: place.workspaceId, channelId: place.channelId };
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.digestTarget.findUnique({ where: { teamId_platform_workspaceId_channelId: key } });
    let after = null;
    if (input.off && input.purpose === 'digest') {
      if (before) await tx.digestTarget.delete({ where: { id: before.id } });
    } else {
      const approvals = input.purpose === 'approvals' ? !input.off : (before?.approvals ?? false);
      after = await tx.digestTarget.upsert({ where: { teamId_platform_workspaceId_channelId: key }, create: { ...key, approvals }, update: { approvals } });
    }
    await audit(tx, ctx, { entity: 'digest_target', entityId: place.channelId!, action: input.off ? `${input.purpose}_off` : input.purpose, before, after });
    return after;
  });
}

/**
 * The team whose approvals channel also gets this author's approval cards: a rep without a manager
 * (their quotes go to every manager of the team, so the team's channel is the place to see them).
 */
export async function approvalsChannelTeam(ctx: DomainContext, authorId: number): Promise<number | undefined> {
  const author = await ctx.prisma.user.findUnique({ where: { id: authorId }, select: { teamId: true, managerId: true } });
  return author && author.managerId === null ? author.teamId : undefined;
}
