// The churn rule with its messages, hourly on any replica: each team's new risks become one card per
// owner (and the tier A ones one per manager), late complaints go to a manager. The messages are
// written to the outbox in the transaction that records the announcement, so a crash, a re-run or
// another replica never says it twice, and never loses it.
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { sweepChurn, type ChurnSweep } from '../domain/churn/sweep.ts';
import { enqueue } from '../domain/outbox/store.ts';
import { actorForUser } from '../domain/users/provision.ts';
import type { Outbox } from '../intents/delivery.ts';
import type { Speaker } from '../intents/dispatch/turn.ts';
import { churnMessages, escalationMessages } from '../intents/render/churn.ts';
import type { OutboundMessage } from '../intents/reply.ts';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export async function sweepChurnAndTell(o: { db: Database; clock: Clock; outbox: Outbox; log: Logger }): Promise<Array<{ team: string } & ChurnSweep>> {
  const prisma = o.db.prisma;
  const out: Array<{ team: string } & ChurnSweep> = [];
  for (const team of await prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } })) {
    const owed: number[] = [];
    const write = async (tx: PrismaClient, keyBase: string, messages: OutboundMessage[]) => {
      const ids = await enqueue(tx, messages.map((message, i) => ({ key: `${keyBase}:${i}`, message })), o.outbox.instanceId, o.outbox.leaseMs);
      owed.push(...ids);
    };
    const speakers = async (tx: PrismaClient, ids: number[]) => {
      const map = new Map<number, Speaker>();
      for (const id of new Set(ids)) {
        const a = await actorForUser(tx, id);
        map.set(id, { locale: a.locale, timeZone: a.timeZone });
      }
      return (id: number) => map.get(id)!;
    };
    const now = o.clock.now();
    const result = await sweepChurn(prisma, o.clock, team.id, {
      churn: async (tx, n) => {
        const s = await speakers(tx as PrismaClient, [n.owner.id, ...n.managers.map((m) => m.id)]);
        // The key names the risks announced, so it is the same on any replica for the same announcement.
        await write(tx as PrismaClient, `churn:${n.owner.id}:${n.risks.map((r) => r.customer.id).join('.')}:${now.getTime()}`, churnMessages(n, s));
      },
      escalation: async (tx, e) => {
        const s = await speakers(tx as PrismaClient, e.managers.map((m) => m.id));
        await write(tx as PrismaClient, `complaint-escalation:${e.complaint.id}`, escalationMessages(e, s, now));
      },
    });
    if (owed.length) await o.outbox.flush(owed).catch((err) => o.log.warn({ err }, 'churn notices left to the outbox sweep'));
    if (result.announced.length || result.escalated.length || result.cleared) {
      o.log.info({ team: team.name, risks: result.announced.reduce((n, a) => n + a.risks.length, 0), cleared: result.cleared, escalated: result.escalated.length }, 'churn sweep');
    }
    out.push({ team: team.name, ...result });
  }
  return out;
}
