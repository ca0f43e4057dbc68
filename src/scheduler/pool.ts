// The pool rule with its messages: sweep each team through the domain, then tell the people each
// step concerns in their own language and zone. Used hourly by the scheduler (with any door, the
// console included) and by `crm pool sweep`. A step is recorded in the database before its message
// goes out, so replicas and re-runs never announce it twice.
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { sweepTeam, type SweepEvent } from '../domain/pool/sweep.ts';
import { actorForUser } from '../domain/users/provision.ts';
import type { Notifier } from '../intents/delivery.ts';
import type { Speaker } from '../intents/dispatch/turn.ts';
import { sweepMessages, type SweepMessage } from '../intents/render/pool.ts';
import type { Logger } from '../logger.ts';
import { expireAndTell } from './handoffs.ts';

export interface TeamSweep {
  team: { id: number; name: string };
  events: SweepEvent[];
  messages: SweepMessage[];
}

export async function sweepAndTell(o: { db: Database; clock: Clock; notifier: Notifier; log: Logger }): Promise<TeamSweep[]> {
  const prisma = o.db.prisma;
  const out: TeamSweep[] = [];
  for (const team of await prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, locale: true, timeZone: true } })) {
    // Hand-offs of hot leads not accepted in time return to the pool too (issue 13).
    await expireAndTell(o, team.id).catch((err) => o.log.warn({ err, team: team.name }, 'hand-off expiry failed'));
    const events = await sweepTeam(prisma, o.clock, team.id);
    if (!events.length) {
      out.push({ team, events, messages: [] });
      continue;
    }
    const speakers = new Map<number, Speaker>();
    for (const id of new Set(events.flatMap((e) => [e.owner.id, ...e.managers.map((m) => m.id)]))) {
      const a = await actorForUser(prisma, id);
      speakers.set(id, { locale: a.locale, timeZone: a.timeZone });
    }
    const teamSpeaker = { locale: team.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const), timeZone: team.timeZone, teamId: team.id };
    const messages = sweepMessages(events, o.clock.now(), (id) => speakers.get(id) ?? teamSpeaker, teamSpeaker);
    for (const m of messages) {
      await o.notifier.deliver(m.message, m.dedupKey).catch((err) => o.log.warn({ err, key: m.dedupKey }, 'pool notice not delivered'));
    }
    o.log.info({ team: team.name, steps: events.map((e) => `${e.step}:${e.customer.code}`) }, 'pool sweep');
    out.push({ team, events, messages });
  }
  return out;
}
