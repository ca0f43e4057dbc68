// The pool rule with its messages: sweep each team through the domain, then tell the people each
// step concerns in their own language and zone. Used hourly by the scheduler (with any door, the
// console included) and by `crm pool sweep`. A step's messages are written to the outbox in the
// transaction that records the step, then sent from there like every owed message: a crash between
// the two loses none, and replicas and re-runs never announce a step twice.
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { enqueue } from '../domain/outbox/store.ts';
import { sweepTeam, type SweepEvent } from '../domain/pool/sweep.ts';
import { actorForUser } from '../domain/users/provision.ts';
import type { Outbox } from '../intents/delivery.ts';
import type { Speaker } from '../intents/dispatch/turn.ts';
import { sweepMessages, type SweepMessage } from '../intents/render/pool.ts';
import type { Logger } from '../logger.ts';
import { expireAndTell } from './handoffs.ts';

export interface TeamSweep {
  team: { id: number; name: string };
  events: SweepEvent[];
  messages: SweepMessage[];
}

export async function sweepAndTell(o: { db: Database; clock: Clock; outbox: Outbox; log: Logger }): Promise<TeamSweep[]> {
  const prisma = o.db.prisma;
  const out: TeamSweep[] = [];
  for (const team of await prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, locale: true, timeZone: true } })) {
    // Hand-offs of hot leads not accepted in time return to the pool too (issue 13).
    await expireAndTell(o, team.id).catch((err) => o.log.warn({ err, team: team.name }, 'hand-off expiry failed'));
    const teamSpeaker = { locale: team.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const), timeZone: team.timeZone, teamId: team.id };
    const messages: SweepMessage[] = [];
    const owed: number[] = [];
    const events = await sweepTeam(prisma, o.clock, team.id, async (tx, stepEvents) => {
      const speakers = new Map<number, Speaker>();
      for (const id of new Set(stepEvents.flatMap((e) => [e.owner.id, ...e.managers.map((m) => m.id)]))) {
        const a = await actorForUser(tx, id);
        speakers.set(id, { locale: a.locale, timeZone: a.timeZone });
      }
      const said = sweepMessages(stepEvents, o.clock.now(), (id) => speakers.get(id) ?? teamSpeaker, teamSpeaker);
      owed.push(...(await enqueue(tx, said.map((m) => ({ key: m.dedupKey, message: m.message })), o.outbox.instanceId, o.outbox.leaseMs)));
      messages.push(...said);
    });
    if (!events.length) {
      out.push({ team, events, messages: [] });
      continue;
    }
    // A failed first try is the outbox sweep's to retry, with backoff, from any replica.
    await o.outbox.flush(owed).catch((err) => o.log.warn({ err, team: team.name }, 'pool notices left to the outbox sweep'));
    o.log.info({ team: team.name, steps: events.map((e) => `${e.step}:${e.customer.code}`) }, 'pool sweep');
    out.push({ team, events, messages });
  }
  return out;
}
