// The stale-score sweep with its messages, hourly on any replica: each team's leads whose score a
// weight change, an import or the passing of time left behind are rescored (src/domain/funnel/stale.ts);
// a lead that now reaches the threshold gets its hand-off card through the outbox, written in the
// batch's own transaction, as a command's hand-off does.
import { systemActor, type Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { rescoreStale } from '../domain/funnel/stale.ts';
import { enqueue } from '../domain/outbox/store.ts';
import type { Outbox } from '../intents/delivery.ts';
import type { Turn } from '../intents/dispatch/turn.ts';
import { handoffNotices } from '../intents/render/handoff.ts';
import type { Logger } from '../logger.ts';

export async function rescoreAndTell(o: { db: Database; clock: Clock; outbox: Outbox; log: Logger }): Promise<Array<{ team: string; rescored: number; handoffs: number }>> {
  const prisma = o.db.prisma;
  const out: Array<{ team: string; rescored: number; handoffs: number }> = [];
  for (const team of await prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, locale: true, timeZone: true } })) {
    const owed: number[] = [];
    const { rescored, handoffs } = await rescoreStale(prisma, o.clock, team.id, async (tx, events) => {
      const turn: Turn = {
        ctx: { db: o.db, prisma: tx, actor: systemActor(team.id), door: 'system', clock: o.clock, log: o.log },
        locale: team.locale === 'zh-CN' ? 'zh-CN' : 'en',
        timeZone: team.timeZone,
        now: o.clock.now(),
        firstContact: false,
      };
      const notices = await handoffNotices(turn, events);
      // Each card is about one hand-off (its subject), so the key is the same on any replica.
      owed.push(...(await enqueue(tx, notices.map((message) => ({ key: `${message.reply.subject}:offer`, message })), o.outbox.instanceId, o.outbox.leaseMs)));
    });
    if (owed.length) await o.outbox.flush(owed).catch((err) => o.log.warn({ err, team: team.name }, 'hand-off cards left to the outbox sweep'));
    if (rescored) o.log.info({ team: team.name, rescored, handoffs: handoffs.length }, 'stale scores redone');
    out.push({ team: team.name, rescored, handoffs: handoffs.length });
  }
  return out;
}
