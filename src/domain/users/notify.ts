// Where and when a person hears from the CRM unasked: the door (`/crm notify slack|feishu|auto`)
// and their quiet hours (`/crm notify quiet 22:00-08:00|off|default`).
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';

export type NotifyDoor = 'slack' | 'feishu' | 'console';

export interface NotifySettings {
  /** The door they chose; null follows the one they used last. */
  chosenDoor: NotifyDoor | null;
  lastDoor: NotifyDoor | null;
  doors: NotifyDoor[];
  /** Their own quiet hours, minutes after local midnight; null is the team's default (outside the workday). */
  quiet: { startMinute: number; endMinute: number } | null;
  /** The team's workday, which the default quiet hours are outside of. */
  workday: { startMinute: number; endMinute: number; days: number[] };
}

export async function notifySettings(ctx: DomainContext): Promise<NotifySettings> {
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, include: { team: true, identities: true } });
  return {
    chosenDoor: user.notifyDoor,
    lastDoor: user.lastDoor,
    doors: [...new Set(user.identities.map((i) => i.platform))],
    quiet: user.quietStartMinute !== null && user.quietEndMinute !== null ? { startMinute: user.quietStartMinute, endMinute: user.quietEndMinute } : null,
    workday: { startMinute: user.team.workdayStartMinute, endMinute: user.team.workdayEndMinute, days: user.team.workdays },
  };
}

export type NotifyChange =
  | { door: NotifyDoor | null }
  /** null: back to the team's default; equal start and end: never quiet. */
  | { quiet: { startMinute: number; endMinute: number } | null };

export async function changeNotify(ctx: DomainContext, change: NotifyChange): Promise<NotifySettings> {
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, include: { identities: true } });
    let data: { notifyDoor?: NotifyDoor | null; quietStartMinute?: number | null; quietEndMinute?: number | null };
    if ('door' in change) {
      if (change.door && !before.identities.some((i) => i.platform === change.door)) {
        throw invalid('notify.no_such_door', { door: change.door, doors: before.identities.map((i) => i.platform).join(', ') });
      }
      data = { notifyDoor: change.door };
    } else {
      const q = change.quiet;
      if (q && ![q.startMinute, q.endMinute].every((m) => Number.isInteger(m) && m >= 0 && m < 24 * 60)) throw invalid('notify.bad_quiet', {});
      data = { quietStartMinute: q?.startMinute ?? null, quietEndMinute: q?.endMinute ?? null };
    }
    const after = await tx.user.update({ where: { id: before.id }, data });
    await audit(tx, ctx, { entity: 'user', entityId: before.id, action: 'notify', before: { notifyDoor: before.notifyDoor, quietStartMinute: before.quietStartMinute, quietEndMinute: before.quietEndMinute }, after: { notifyDoor: after.notifyDoor, quietStartMinute: after.quietStartMinute, quietEndMinute: after.quietEndMinute } });
  });
  return notifySettings(ctx);
}
