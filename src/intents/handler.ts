// The one way in for every door: who is asking, what they mean, what the domain says, and the
// answer in their language. A retried delivery answers the same and changes nothing twice.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Clock, DomainContext } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { COMMAND_TX, nestable } from '../domain/db/transaction.ts';
import { driverTransaction } from '../domain/db/driver.ts';
import { answered, once, type AnswerSlot } from '../domain/deliveries.ts';
import { isDomainError } from '../domain/errors.ts';
import { mayImport } from '../domain/customers/import/index.ts';
import { encodeMessage, enqueueRows, markSent, type WrittenRow } from '../domain/outbox/store.ts';
import type { IntakeStore } from '../domain/intake/store.ts';
import { collectHandoffs } from '../domain/funnel/effects.ts';
import { handoffNotices } from './render/handoff.ts';
import { teamOf } from '../domain/teams/team.ts';
import { rememberLocale, resolveActorAndTeam } from '../domain/users/provision.ts';
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
import { intentSchema, invalidIntent, type Intent } from './intent.ts';
import { writtenLanguage } from './language.ts';
import type { Invocation, Locale, Progress } from './invocation.ts';
import { genuineTokens, showMentions } from './mention.ts';
import { Busy, createLimiter, type LimitOptions } from './limit.ts';
import { parserRefusal, refusal } from './render/refusal.ts';
import type { OutboundMessage, Reply } from './reply.ts';
import { CommitUnsure, DatabaseStalled, whileDatabaseAnswers, type StallOptions, type Watch } from './stall.ts';
import { unavailable } from './unavailable.ts';
import { fileIntent } from './upload.ts';
import { intakeSweep, takesIn, TAKEN_MAX_WAIT_MS, type Held } from './intake.ts';

export interface HandlerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  config: Pick<Config, 'CRM_ADMINS' | 'CRM_DEFAULT_TEAM' | 'CRM_DEFAULT_TZ' | 'CRM_DEFAULT_LOCALE'>;
  notifier?: Notifier;
  /** Where owed messages are written; by default one over `notifier`. */
  outbox?: Outbox;
  limits?: LimitOptions;
  /** When to give up on a database that stopped answering (src/intents/stall.ts). */
  stall?: StallOptions;
  /**
   * Durable intake (src/intents/intake.ts): a request whose answer goes through the outbox is
   * stored here and acknowledged at once, then run; `resumeEveryMs` also resumes, on this replica,
   * intakes a dead replica left (absent: nothing is resumed here, as in tests).
   */
  intake?: IntakeStore;
  resumeEveryMs?: number;
}

export type Handler = (inv: Invocation, progress?: Progress) => Promise<Reply>;

/** What a command stores with its delivery key: the answer, and the outbox rows it owes. */
interface Outcome {
  reply: Reply;
  owed: number[];
  /** The row holding the answer itself, when it went to the outbox (Invocation.replyTo). */
  replyRow?: number;
  /** The rows as this replica wrote them (leased to itself), sent after commit with no second lease; never stored. */
  written?: WrittenRow[];
}

/** What a delivery key stores: the answer. A duplicate is never sent the owed rows (the first attempt's replica or the sweep sends them). */
const storedOutcome = (o: Outcome): Outcome => ({ reply: o.reply, owed: [] });

export function createHandler(deps: HandlerDeps): Handler & { drain(ms: number): Promise<boolean>; resumeIntakes(): Promise<number> } {
  const { db, clock, log } = deps;
  const outbox = deps.outbox ?? (deps.notifier ? createOutbox({ db, notifier: deps.notifier, log, now: () => clock.now() }) : undefined);
  const limiter = createLimiter(deps.limits);

  async function handle(inv: Invocation, speaker: { current: Speaker }, watch: Watch, progress?: Progress, held?: Held): Promise<Reply> {
    let turn: Turn | undefined;
    try {
      const actor = await resolveActorAndTeam(db, clock, { platform: inv.door, workspaceId: inv.workspaceId, externalUserId: inv.externalUserId, profile: inv.profile }, {
        admins: deps.config.CRM_ADMINS,
        defaultTeam: deps.config.CRM_DEFAULT_TEAM,
        defaultTimeZone: deps.config.CRM_DEFAULT_TZ,
        defaultLocale: deps.config.CRM_DEFAULT_LOCALE,
      });
      const { created, chosenLocale, team, ...who } = actor;
      // The person's choice, else their profile's language (who.locale holds both); a door without
      // one (Feishu's contact API has none) leaves the language they write in, remembered once the
      // command is understood so their clicks and digests follow it, and only then the team's.
      const writtenIn = !chosenLocale && !inv.profile?.locale ? written(inv) : undefined;
      const locale = writtenIn ?? who.locale;
      speaker.current = { locale, timeZone: who.timeZone };
      const base = inv.deliveryKey ? `${inv.door}:${inv.deliveryKey}` : `local:${randomUUID()}`;
      // An upload is fetched before the transaction opens (a download must not hold it), only for
      // someone who may import, and not again for a retried delivery that already has its answer.
      const retried = inv.input.kind === 'file' && inv.deliveryKey ? await answered(db, base) : false;
      const file = inv.input.kind === 'file' ? await fileIntent(inv.input, mayImport(who) && !retried) : undefined;
      // Everything below is one transaction: the effect, the stored answer and the messages it owes.
      const effect = async (prisma: PrismaClient, slot?: AnswerSlot): Promise<Outcome> => {
        const ctx: DomainContext = { db, prisma, actor: { ...who, locale }, door: inv.door, clock, log, team };
        const mentions = inv.input.kind === 'text' ? inv.input.mentions : undefined;
        const membership = deps.notifier?.membership && inv.door !== 'console' ? (channelId: string) => deps.notifier!.membership!(inv.door, { workspaceId: inv.workspaceId, channelId }) : undefined;
        const current: Turn = { ctx, locale, timeZone: who.timeZone, now: clock.now(), firstContact: created, place: { workspaceId: inv.workspaceId, channelId: inv.channelId }, mentions, membership };
        turn = current;
        // Leads the command handed to sales (issue 13): their cards are owed in this same transaction.
        const { result: given, handoffs } = await collectHandoffs(() => answer(current, inv, writtenIn, file));
        let reply = handoffs.length ? { ...given, followUps: [...(given.followUps ?? []), ...(await handoffNotices(current, handoffs))] } : given;
        // The first-contact greeting is part of the stored answer, so a retried first message answers the same.
        if (created) {
          const greeting = say(current, 'notice.first_contact', { role: label(locale, 'role', who.role), team: (await teamOf(ctx)).name });
          reply = { ...reply, notices: [greeting, ...(reply.notices ?? [])] };
        }
        const { followUps = [], ...own } = reply;
        const queued = Boolean(outbox && inv.replyTo) && !(inv.refusalsInline && own.tone === 'error');
        const messages: Array<{ key: string; message: OutboundMessage }> = followUps.map((message, i) => ({ key: `${base}:${i}`, message }));
        if (!outbox) {
          if (followUps.length) log.warn({ count: followUps.length }, 'no outbox here: follow-ups dropped');
          return { reply: own, owed: [] };
        }
        const finalReply = queued ? { ...own, queued: true } : own;
        // The answer's own row's INSERT also stores the delivery's answer: one statement, not two.
        const storeWith = queued && slot ? { key: slot.key, result: slot.encode(storedOutcome({ reply: finalReply, owed: [] })) } : undefined;
        const [replyRow] = queued ? await enqueueRows(prisma, [{ key: `${base}:reply`, message: { to: { door: inv.door, address: inv.replyTo! }, reply: { ...own, locale } } }], outbox.instanceId, outbox.leaseMs, storeWith) : [];
        if (storeWith) slot!.written = true;
        const owed = messages.length ? await enqueueRows(prisma, messages, outbox.instanceId, outbox.leaseMs) : [];
        const written = replyRow === undefined ? owed : [replyRow, ...owed];
        return { reply: finalReply, owed: written.map((r) => r.id), written, ...(replyRow === undefined ? {} : { replyRow: replyRow.id }) };
      };
      // A command abandoned because the database stopped answering must not commit late: its
      // transaction fails here, the last step before the commit, and rolls back.
      const run = async (prisma: PrismaClient, slot?: AnswerSlot): Promise<Outcome> => {
        if (watch.abandoned) throw new DatabaseStalled();
        const outcome = await effect(prisma, slot);
        // The stored request ends with the command's delivery key (intake store): a crash before this
        // commit leaves it for a replica to resume.
        if (watch.abandoned) throw new DatabaseStalled();
        watch.committing = true;
        return outcome;
      };
      const begun = Date.now();
      const { result, duplicate } = inv.deliveryKey
        ? await once(db, base, inv.door, run, storedOutcome)
        : { result: await driverTransaction(db.prisma, (tx, sql) => run(nestable(tx, sql)), COMMAND_TX), duplicate: false };
      watch.committed = true;
      progress?.accepted?.();
      // A door still able to carry the answer in its HTTP response (a Feishu card callback within its
      // deadline) takes it; its row is marked answered, not sent. Were that mark lost, the sweep
      // would send the same answer later: for a card, the same patch again.
      const inline = !duplicate && result.replyRow !== undefined && progress?.carriesAnswer?.(result.reply) === true;
      if (inline) void markSent(db.prisma, result.replyRow!, 'inline').catch((err) => log.warn({ err }, 'could not mark an answer given inline; the outbox will send it again'));
      const owed = inline ? result.owed.filter((id) => id !== result.replyRow) : result.owed;
      if (held && !duplicate) {
        held.finished = true;
        await deps.intake!.forget(held.key, true);
      }
      // A duplicate sends nothing: the first attempt's replica sends what it owes, or, if that
      // replica died, the outbox sweep on any replica does once its lease runs out.
      if (outbox && !duplicate && owed.length) await outbox.flush(owed, result.written && { rows: result.written, since: begun }).catch((err) => log.warn({ err }, 'owed messages left to the outbox sweep'));
      return { ...result.reply, locale };
    } catch (err) {
      if (turn && isDomainError(err)) return refusal(turn, err);
      throw err;
    }
  }

  // Every log line of the request carries its id, door, user and (once parsed) intent.
  const handler = (inv: Invocation, progress?: Progress): Promise<Reply> => withRequest({ door: inv.door, user: inv.externalUserId }, () => measured(inv, progress));

  async function measured(inv: Invocation, progress?: Progress): Promise<Reply> {
    const started = process.hrtime.bigint();
    const reply = await guarded(inv, progress);
    const outcome = reply.tone === 'error' ? 'error' : reply.tone === 'warning' ? 'refused' : 'ok';
    metrics.requests.inc({ door: inv.door, intent: currentRequest()?.intent ?? 'none', outcome });
    metrics.replySeconds.observe({ door: inv.door }, Number(process.hrtime.bigint() - started) / 1e9);
    return reply;
  }

  // `resumed`: an intake a replica left unfinished, taken by this one (its key); nothing acks it.
  const guarded = async (inv: Invocation, progress?: Progress, resumed?: string): Promise<Reply> => {
    const speaker = { current: { locale: inv.profile?.locale ?? written(inv) ?? deps.config.CRM_DEFAULT_LOCALE, timeZone: deps.config.CRM_DEFAULT_TZ } as Speaker };
    const trouble = (code: string, tone: Reply['tone'] = 'error'): Reply => ({ tone, title: say(speaker.current, 'title.error'), text: say(speaker.current, code), visibility: 'private' });
    const key = resumed ?? (deps.intake && outbox && takesIn(inv, progress) ? `${inv.door}:${inv.deliveryKey}` : undefined);
    const held: Held | undefined = key ? { key, finished: false } : undefined;
    let taking: Promise<boolean> | undefined;
    try {
      if (held && !resumed) {
        // Stored before the ack, on connections no command holds; a database that does not answer
        // is caught like a command's (stall.ts) and the person told to try again.
        taking = deps.intake!.take(held.key, inv.door, encodeMessage(inv));
        const fresh = await whileDatabaseAnswers(db, () => taking!, deps.stall);
        progress!.accepted!();
        // A redelivery of a request already taken: the HTTP ack only; the first one answers.
        if (!fresh) return { tone: 'info', visibility: 'private', queued: true, locale: speaker.current.locale };
      }
      return await limiter.run(() => whileDatabaseAnswers(db, (watch) => handle(inv, speaker, watch, progress, held), deps.stall), held ? { maxWaitMs: TAKEN_MAX_WAIT_MS } : undefined);
    } catch (err) {
      if (err instanceof Busy && err.why === 'stopping' && held) {
        // Acknowledged and stored: another replica (or this one, restarted) does it; nothing is said here.
        return { tone: 'info', visibility: 'private', queued: true, locale: speaker.current.locale };
      }
      if (err instanceof Busy) {
        log.warn({ why: err.why, ...limiter.stats(), door: inv.door }, 'request refused: busy');
        return trouble(err.why === 'stopping' ? 'error.stopping' : 'error.busy', 'warning');
      }
      if (err instanceof CommitUnsure) {
        log.error({ err, door: inv.door, user: inv.externalUserId }, 'database stopped answering during a commit');
        return trouble('error.unsure', 'warning');
      }
      if (unavailable(err)) {
        log.error({ err, door: inv.door, user: inv.externalUserId }, 'database unavailable');
        return trouble('error.unavailable', 'warning');
      }
      log.error({ err }, 'request failed');
      // The reference is the request id every log line of this request carries.
      return { ...trouble('error.internal_ref'), text: say(speaker.current, 'error.internal_ref', { requestId: currentRequest()?.requestId ?? '' }) };
    } finally {
      // Told something that changed nothing (busy, try again), or a duplicate: the stored request
      // goes, so no replica resumes it. A resumed one that did not finish waits for its next attempt.
      if (held && taking && !resumed) void settle(held, taking);
      else if (held && resumed && !held.finished) deps.intake!.unfinished?.(held.key);
    }
  };

  async function settle(held: Held, taking: Promise<boolean>): Promise<void> {
    const fresh = await taking.catch(() => true);
    if (!fresh || held.finished) return;
    for (let attempt = 1; attempt <= 6; attempt++) {
      try {
        return await deps.intake!.forget(held.key, false);
      } catch (err) {
        if (attempt === 6) log.warn({ err, key: held.key }, 'a stored request could not be dropped; a replica may resume it');
        else await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
  }

  const sweep = deps.intake && outbox ? intakeSweep({ store: deps.intake, log, run: (inv, key) => withRequest({ door: inv.door, user: inv.externalUserId }, () => guarded(inv, undefined, key)) }) : undefined;
  const stopSweep = sweep && deps.resumeEveryMs ? sweep.every(deps.resumeEveryMs) : undefined;
  return Object.assign(handler, {
    drain: (ms: number) => {
      stopSweep?.();
      return limiter.drain(ms);
    },
    resumeIntakes: () => sweep?.once() ?? Promise.resolve(0),
  });
}

/** Domain refusals are answers, not failures: they are stored with the delivery so a retry gets the same. */
async function answer(turn: Turn, inv: Invocation, writtenIn?: Locale, file?: Intent): Promise<Reply> {
  const intent: Intent =
    file ??
    (inv.input.kind === 'text'
      ? parseCommand(genuineTokens(inv.input.text, inv.input.mentions), turn)
      : inv.input.kind === 'intent'
        ? structured(inv.input.intent)
        : inv.input.kind === 'action'
          ? actionToIntent(inv.input.action, inv.input.values)
          : { kind: 'invalid', code: 'bad_action', usage: 'usage.customer.import', details: {} });
  noteRequest({ intent: intent.kind === 'invalid' ? 'invalid' : intent.kind });
  // A refusal that quotes the person's words shows a mention as the name they picked, not its token.
  if (intent.kind === 'invalid') return parserRefusal(turn, { ...intent, details: Object.fromEntries(Object.entries(intent.details).map(([k, v]) => [k, typeof v === 'string' ? showMentions(v, turn.mentions) : v])) });
  if (writtenIn) await rememberLocale(turn.ctx.prisma, turn.ctx.actor.userId, writtenIn);
  try {
    return await dispatch(turn, intent);
  } catch (err) {
    if (isDomainError(err)) return refusal(turn, err);
    throw err;
  }
}

function written(inv: Invocation): Locale | undefined {
  if (inv.input.kind === 'text') return writtenLanguage(inv.input.text);
  // A form's own words (a /log form's notes) say which language its author writes in.
  if (inv.input.kind === 'intent' && inv.input.intent.kind === 'log') return writtenLanguage(`/log ${inv.input.intent.summary ?? ''}`);
  return undefined;
}

/** The field a person saw on the form, for an intent field the schema refused. */
const FORM_FIELDS: Record<string, string> = { customerText: 'customer', customerId: 'customer', summary: 'summary', channel: 'channel', mood: 'mood', nextStep: 'next_step', query: 'customer' };

/** A door's structured input, checked like parsed text: a forged or out-of-range value is refused, never used. */
function structured(intent: unknown): Intent {
  const parsed = intentSchema.safeParse(intent);
  if (parsed.success) return parsed.data;
  const kind = (intent as { kind?: unknown } | null)?.kind;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const field = FORM_FIELDS[key] ?? 'summary';
  return invalidIntent('bad_value', kind === 'log' ? 'usage.log' : 'usage.help', { field });
}
