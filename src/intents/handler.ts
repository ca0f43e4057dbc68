// The one way in for every door: who is asking, what they mean, what the domain says, and the
// answer in their language. A retried delivery answers the same and changes nothing twice.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Clock, DomainContext } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { COMMAND_TX, nestable } from '../domain/db/transaction.ts';
import { once } from '../domain/deliveries.ts';
import { isDomainError } from '../domain/errors.ts';
import { enqueue } from '../domain/outbox/store.ts';
import { collectHandoffs } from '../domain/funnel/effects.ts';
import { handoffNotices } from './render/handoff.ts';
import { teamOf } from '../domain/teams/team.ts';
import { rememberLocale, resolveActor } from '../domain/users/provision.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { metrics } from '../observe/metrics.ts';
import { currentRequest, noteRequest, withRequest } from '../observe/request.ts';
import { createOutbox } from '../scheduler/outbox.ts';
import { actionToIntent } from './actions.ts';
import { label } from './catalog/index.ts';
import type { Notifier, Outbox } from './delivery.ts';
import { dispatch } from './dispatch/index.ts';
import { say, type Speaker, type Turn } from './dispatch/turn.ts';
import { parseCommand } from './grammar/index.ts';
import type { Intent } from './intent.ts';
import { writtenLanguage } from './language.ts';
import type { Invocation, Locale } from './invocation.ts';
import { Busy, createLimiter, type LimitOptions } from './limit.ts';
import { parserRefusal, refusal } from './render/refusal.ts';
import type { OutboundMessage, Reply } from './reply.ts';
import { unavailable } from './unavailable.ts';

export interface HandlerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  config: Pick<Config, 'CRM_ADMINS' | 'CRM_DEFAULT_TEAM' | 'CRM_DEFAULT_TZ' | 'CRM_DEFAULT_LOCALE'>;
  notifier?: Notifier;
  /** Where owed messages are written; by default one over `notifier`. */
  outbox?: Outbox;
  limits?: LimitOptions;
}

export type Handler = (inv: Invocation) => Promise<Reply>;

/** What a command stores with its delivery key: the answer, and the outbox rows it owes. */
interface Outcome {
  reply: Reply;
  owed: number[];
}

export function createHandler(deps: HandlerDeps): Handler & { drain(ms: number): Promise<boolean> } {
  const { db, clock, log } = deps;
  const outbox = deps.outbox ?? (deps.notifier ? createOutbox({ db, notifier: deps.notifier, log }) : undefined);
  const limiter = createLimiter(deps.limits);

  async function handle(inv: Invocation, speaker: { current: Speaker }): Promise<Reply> {
    let turn: Turn | undefined;
    try {
      const actor = await resolveActor(db, clock, { platform: inv.door, workspaceId: inv.workspaceId, externalUserId: inv.externalUserId, profile: inv.profile }, {
        admins: deps.config.CRM_ADMINS,
        defaultTeam: deps.config.CRM_DEFAULT_TEAM,
        defaultTimeZone: deps.config.CRM_DEFAULT_TZ,
        defaultLocale: deps.config.CRM_DEFAULT_LOCALE,
      });
      const { created, chosenLocale, ...who } = actor;
      // The person's choice, else their profile's language (who.locale holds both); a door without
      // one (Feishu's contact API has none) leaves the language they write in, remembered once the
      // command is understood so their clicks and digests follow it, and only then the team's.
      const writtenIn = !chosenLocale && !inv.profile?.locale ? written(inv) : undefined;
      const locale = writtenIn ?? who.locale;
      speaker.current = { locale, timeZone: who.timeZone };
      const base = inv.deliveryKey ? `${inv.door}:${inv.deliveryKey}` : `local:${randomUUID()}`;
      // Everything below is one transaction: the effect, the stored answer and the messages it owes.
      const run = async (prisma: PrismaClient): Promise<Outcome> => {
        const ctx: DomainContext = { db, prisma, actor: { ...who, locale }, door: inv.door, clock, log };
        const current: Turn = { ctx, locale, timeZone: who.timeZone, now: clock.now(), firstContact: created, place: { workspaceId: inv.workspaceId, channelId: inv.channelId } };
        turn = current;
        // Leads the command handed to sales (issue 13): their cards are owed in this same transaction.
        const { result: answered, handoffs } = await collectHandoffs(() => answer(current, inv, writtenIn));
        let reply = handoffs.length ? { ...answered, followUps: [...(answered.followUps ?? []), ...(await handoffNotices(current, handoffs))] } : answered;
        // The first-contact greeting is part of the stored answer, so a retried first message answers the same.
        if (created) {
          const greeting = say(current, 'notice.first_contact', { role: label(locale, 'role', who.role), team: (await teamOf(ctx)).name });
          reply = { ...reply, notices: [greeting, ...(reply.notices ?? [])] };
        }
        const { followUps = [], ...own } = reply;
        const messages: Array<{ key: string; message: OutboundMessage }> = [];
        const queued = Boolean(outbox && inv.replyTo);
        if (queued) messages.push({ key: `${base}:reply`, message: { to: { door: inv.door, address: inv.replyTo! }, reply: own } });
        followUps.forEach((message, i) => messages.push({ key: `${base}:${i}`, message }));
        if (!outbox) {
          if (followUps.length) log.warn({ count: followUps.length }, 'no outbox here: follow-ups dropped');
          return { reply: own, owed: [] };
        }
        const owed = messages.length ? await enqueue(prisma, messages, outbox.instanceId, outbox.leaseMs) : [];
        return { reply: queued ? { ...own, queued: true } : own, owed };
      };
      const { result, duplicate } = inv.deliveryKey
        ? await once(db, base, inv.door, run)
        : { result: await db.prisma.$transaction((tx) => run(nestable(tx)), COMMAND_TX), duplicate: false };
      // A duplicate sends nothing: the first attempt's replica sends what it owes, or, if that
      // replica died, the outbox sweep on any replica does once its lease runs out.
      if (outbox && !duplicate && result.owed.length) await outbox.flush(result.owed).catch((err) => log.warn({ err }, 'owed messages left to the outbox sweep'));
      return { ...result.reply, locale };
    } catch (err) {
      if (turn && isDomainError(err)) return refusal(turn, err);
      throw err;
    }
  }

  // Every log line of the request carries its id, door, user and (once parsed) intent.
  const handler = (inv: Invocation): Promise<Reply> => withRequest({ door: inv.door, user: inv.externalUserId }, () => measured(inv));

  async function measured(inv: Invocation): Promise<Reply> {
    const started = process.hrtime.bigint();
    const reply = await guarded(inv);
    const outcome = reply.tone === 'error' ? 'error' : reply.tone === 'warning' ? 'refused' : 'ok';
    metrics.requests.inc({ door: inv.door, intent: currentRequest()?.intent ?? 'none', outcome });
    metrics.replySeconds.observe({ door: inv.door }, Number(process.hrtime.bigint() - started) / 1e9);
    return reply;
  }

  const guarded = async (inv: Invocation): Promise<Reply> => {
    const speaker = { current: { locale: inv.profile?.locale ?? written(inv) ?? deps.config.CRM_DEFAULT_LOCALE, timeZone: deps.config.CRM_DEFAULT_TZ } as Speaker };
    const trouble = (code: string, tone: Reply['tone'] = 'error'): Reply => ({ tone, title: say(speaker.current, 'title.error'), text: say(speaker.current, code), visibility: 'private' });
    try {
      return await limiter.run(() => handle(inv, speaker));
    } catch (err) {
      if (err instanceof Busy) {
        log.warn({ why: err.why, ...limiter.stats(), door: inv.door }, 'request refused: busy');
        return trouble(err.why === 'stopping' ? 'error.stopping' : 'error.busy', 'warning');
      }
      if (unavailable(err)) {
        log.error({ err, door: inv.door, user: inv.externalUserId }, 'database unavailable');
        return trouble('error.unavailable', 'warning');
      }
      log.error({ err }, 'request failed');
      // The reference is the request id every log line of this request carries.
      return { ...trouble('error.internal_ref'), text: say(speaker.current, 'error.internal_ref', { requestId: currentRequest()?.requestId ?? '' }) };
    }
  };
  return Object.assign(handler, { drain: (ms: number) => limiter.drain(ms) });
}

/** Domain refusals are answers, not failures: they are stored with the delivery so a retry gets the same. */
async function answer(turn: Turn, inv: Invocation, writtenIn?: Locale): Promise<Reply> {
  const intent: Intent =
    inv.input.kind === 'text'
      ? parseCommand(inv.input.text, turn)
      : inv.input.kind === 'file'
        ? { kind: 'customer.import.file', fileName: inv.input.fileName.slice(0, 300) || 'file', bytes: inv.input.bytes, merge: false }
        : actionToIntent(inv.input.action, inv.input.values);
  noteRequest({ intent: intent.kind === 'invalid' ? 'invalid' : intent.kind });
  if (intent.kind === 'invalid') return parserRefusal(turn, intent);
  if (writtenIn) await rememberLocale(turn.ctx.prisma, turn.ctx.actor.userId, writtenIn);
  try {
    return await dispatch(turn, intent);
  } catch (err) {
    if (isDomainError(err)) return refusal(turn, err);
    throw err;
  }
}

function written(inv: Invocation): Locale | undefined {
  return inv.input.kind === 'text' ? writtenLanguage(inv.input.text) : undefined;
}
