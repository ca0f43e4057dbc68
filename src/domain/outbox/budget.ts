// The notification budget: what becomes of a notice to a person (not an answer they wait for, not an
// approval asked of them). In their quiet hours it is held for their next due list; a second notice
// about the same record within 5 minutes of the first edits that message instead of posting; past
// the day's allowance it is held too. Nothing is dropped: every notice is posted, folded into a posted
// one, or listed in the next due list (src/scheduler/messages.ts).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { quietRuleFor, quietUntil } from '../users/quiet.ts';
import { followMerge } from '../users/link.ts';
import { dayBounds } from '../time/zone.ts';
import type { PostedRow } from '../messages/posted.ts';

export const FOLD_WINDOW_MS = 5 * 60_000;
/** New notice messages a person gets per day (their local day), besides the due list, approvals and decisions. */
export const NOTICES_PER_DAY = 8;

export type Fate = { fate: 'posted' } | { fate: 'held' } | { fate: 'folded'; headId: number };

export interface Recipient {
  userId: number;
  locale: string;
  /** Whether quiet hours and the day's allowance apply: not for a person reached only at the console, where nothing can be put off. */
  budgeted: boolean;
  quiet: boolean;
  timeZone: string;
}

/** The person a notice is for now (a `/crm link` merge followed), in their language, and whether it is quiet for them. */
export async function recipientOf(prisma: PrismaClient, userId: number, now: Date): Promise<Recipient | null> {
  const user = await followMerge((id) => prisma.user.findUnique({ where: { id }, include: { team: true } }), userId);
  if (!user) return null;
  const rule = await quietRuleFor(prisma, user.id);
  return {
    userId: user.id,
    locale: user.locale ?? user.team.locale,
    budgeted: rule !== null,
    quiet: rule !== null && quietUntil(now, rule) !== null,
    timeZone: user.timeZone ?? user.team.timeZone,
  };
}

/**
 * Decides once per row (a retry finds the earlier decision) and one row per person at a time: the
 * person's row is locked, so two replicas sending two notices to one person cannot both take the
 * day's last place or fold into one message from the same copy.
 */
export async function decideNotice(prisma: PrismaClient, row: { id: number; message: unknown }, to: Recipient, about: string | null, now: Date, canFold: boolean): Promise<Fate> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, to.userId);
    const earlier = await tx.outboxMessage.findUnique({ where: { id: row.id }, select: { fate: true, foldedIntoId: true } });
    if (earlier?.fate === 'folded' && earlier.foldedIntoId) return { fate: 'folded', headId: earlier.foldedIntoId };
    if (earlier?.fate) return { fate: earlier.fate } as Fate;
    const decided = { recipientId: to.userId, about, decidedAt: now };
    const hold = async (): Promise<Fate> => {
      await tx.outboxMessage.update({ where: { id: row.id }, data: { ...decided, fate: 'held', status: 'held', leasedBy: null, leaseUntil: null } });
      return { fate: 'held' };
    };
    if (to.quiet) return hold();
    if (about && canFold) {
      // Only a message already on the platform can be edited; one still on its way is not waited for.
      const head = await tx.outboxMessage.findFirst({
        where: { recipientId: to.userId, about, fate: 'posted', status: 'sent', decidedAt: { gte: new Date(now.getTime() - FOLD_WINDOW_MS) } },
        orderBy: { id: 'desc' },
      });
      if (head && Array.isArray(head.posted) && head.posted.length) {
        await tx.outboxMessage.update({ where: { id: head.id }, data: { folded: [...((head.folded as unknown[] | null) ?? []), row.message] as never } });
        await tx.outboxMessage.update({ where: { id: row.id }, data: { ...decided, fate: 'folded', foldedIntoId: head.id } });
        return { fate: 'folded', headId: head.id };
      }
    }
    if (to.budgeted) {
      const { start } = dayBounds(now, to.timeZone);
      const today = await tx.outboxMessage.count({ where: { recipientId: to.userId, fate: 'posted', decidedAt: { gte: start } } });
      if (today >= NOTICES_PER_DAY) return hold();
    }
    await tx.outboxMessage.update({ where: { id: row.id }, data: { ...decided, fate: 'posted' } });
    return { fate: 'posted' };
  });
}

/** A posted notice and what has been folded into it since, to show as one message. */
export async function foldedHead(prisma: PrismaClient, headId: number): Promise<{ message: unknown; folded: unknown[]; posted: PostedRow[] }> {
  const head = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: headId }, select: { message: true, folded: true, posted: true } });
  return { message: head.message, folded: (head.folded as unknown[] | null) ?? [], posted: (head.posted as PostedRow[] | null) ?? [] };
}

/**
 * The held notices the due list for `slot` shows each of `userIds`: claimed for that slot as the
 * list is written, so a resumed run lists the same ones and no later list shows them again.
 */
export async function heldForDueList(prisma: PrismaClient, userIds: number[], slot: Date): Promise<Map<number, unknown[]>> {
  const out = new Map<number, unknown[]>();
  if (!userIds.length) return out;
  await prisma.outboxMessage.updateMany({
    where: { status: 'held', recipientId: { in: userIds }, decidedAt: { lte: slot } },
    data: { status: 'sent', sentAt: slot, listedFor: slot },
  });
  const rows = await prisma.outboxMessage.findMany({ where: { listedFor: slot, recipientId: { in: userIds } }, orderBy: { id: 'asc' }, select: { recipientId: true, message: true } });
  for (const r of rows) out.set(r.recipientId!, [...(out.get(r.recipientId!) ?? []), r.message]);
  return out;
}
