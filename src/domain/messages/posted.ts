// Where messages to people go, and which posted messages show what, so a later change (a quote
// decided) can update every copy in place.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { followMerge } from '../users/link.ts';

export type Target =
  | { kind: 'user'; platform: 'slack' | 'feishu' | 'console'; workspaceId: string; externalUserId: string }
  | { kind: 'channel'; platform: 'slack' | 'feishu' | 'console'; workspaceId: string; channelId: string };

export type RecipientSpec = { userId: number } | { teamId: number; purpose: 'digest' | 'approvals' };

export async function targetsOf(prisma: PrismaClient, to: RecipientSpec): Promise<Target[]> {
  if ('userId' in to) {
    // A message owed to a user merged by `/crm link` since it was queued goes to the one it joined.
    const user = await followMerge((id) => prisma.user.findUnique({ where: { id }, include: { identities: { orderBy: { id: 'asc' } } } }), to.userId);
    if (!user?.active) return [];
    return pickDoor(user.identities, user.notifyDoor ?? user.lastDoor).map((i) => ({ kind: 'user', platform: i.platform, workspaceId: i.workspaceId, externalUserId: i.externalId }));
  }
  const rows = await prisma.digestTarget.findMany({
    where: { teamId: to.teamId, ...(to.purpose === 'approvals' ? { approvals: true } : {}) },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ kind: 'channel', platform: r.platform, workspaceId: r.workspaceId, channelId: r.channelId }));
}

/**
 * One person, one message: the door they chose, else the one they used last. Without either (a
 * user from before doors were tracked) every door, as before.
 */
function pickDoor<T extends { platform: string }>(identities: T[], door: string | null): T[] {
  const chosen = door ? identities.filter((i) => i.platform === door) : [];
  return chosen.length ? chosen : identities;
}

export interface PostedRow {
  platform: 'slack' | 'feishu' | 'console';
  workspaceId: string;
  channelId: string;
  messageId: string;
}

export async function recordPosted(prisma: PrismaClient, ref: PostedRow, subject: string): Promise<void> {
  await prisma.postedMessage.upsert({
    where: { platform_workspaceId_channelId_messageId: ref },
    create: { ...ref, subject },
    update: { subject },
  });
}

export async function postedWithSubject(prisma: PrismaClient, subject: string): Promise<PostedRow[]> {
  const rows = await prisma.postedMessage.findMany({ where: { subject }, orderBy: { id: 'asc' } });
  return rows.map(({ platform, workspaceId, channelId, messageId }) => ({ platform, workspaceId, channelId, messageId }));
}
