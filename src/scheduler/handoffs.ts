// Hand-offs nobody accepted in time go back to the pool (hourly, with the pool rule). The owner's
// note is written to the outbox in the expiry's own transaction and sent right after, so a replica
// that dies between the two leaves it to another's outbox sweep, and no note goes out twice.
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { expireHandoffs, type ExpiredHandoff } from '../domain/funnel/handoff.ts';
import { enqueue } from '../domain/outbox/store.ts';
import { actorForUser } from '../domain/users/provision.ts';
import type { Outbox } from '../intents/delivery.ts';
import { handoffExpired } from '../intents/render/handoff.ts';
import type { Logger } from '../logger.ts';

export async function expireAndTell(o: { db: Database; clock: Clock; log: Logger; outbox: Outbox }, teamId: number): Promise<ExpiredHandoff[]> {
  const outbox = o.outbox;
  const owed: number[] = [];
  const expired = await expireHandoffs(o.db.prisma, o.clock, teamId, async (tx, e) => {
    if (e.ownerId === null) return;
    const a = await actorForUser(tx, e.ownerId);
    const message = { to: { userId: e.ownerId }, reply: handoffExpired({ locale: a.locale, timeZone: a.timeZone }, e) };
    owed.push(...(await enqueue(tx, [{ key: `handoff-expired:${e.handoffId}`, message }], outbox.instanceId, outbox.leaseMs)));
  });
  if (owed.length) await outbox.flush(owed).catch((err) => o.log.warn({ err }, 'hand-off notes left to the outbox sweep'));
  if (expired.length) o.log.info({ teamId, handoffs: expired.map((e) => e.handoffId) }, 'hand-offs returned to the pool');
  return expired;
}
