// The one way in for every door: who is asking, what they mean, what the domain says, and the
// answer in their language. A retried delivery answers the same and changes nothing twice.
import type { Config } from '../config.ts';
import type { Clock, DomainContext } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { once } from '../domain/deliveries.ts';
import { isDomainError } from '../domain/errors.ts';
import { rememberLocale, resolveActor } from '../domain/users/provision.ts';
import type { Logger } from '../logger.ts';
import { actionToIntent } from './actions.ts';
import { label } from './catalog/index.ts';
import type { Notifier } from './delivery.ts';
import { dispatch } from './dispatch/index.ts';
import { say, type Turn } from './dispatch/turn.ts';
import { parseCommand } from './grammar/index.ts';
import { writtenLanguage } from './language.ts';
import type { Invocation, Locale } from './invocation.ts';
import { parserRefusal, refusal } from './render/refusal.ts';
import type { Reply } from './reply.ts';

export interface HandlerDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  config: Pick<Config, 'CRM_ADMINS' | 'CRM_DEFAULT_TEAM' | 'CRM_DEFAULT_TZ' | 'CRM_DEFAULT_LOCALE'>;
  notifier?: Notifier;
}

export type Handler = (inv: Invocation) => Promise<Reply>;

export function createHandler(deps: HandlerDeps): Handler {
  const { db, clock, log } = deps;
  return async (inv) => {
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
      const ctx: DomainContext = { db, prisma: db.prisma, actor: { ...who, locale }, door: inv.door, clock, log };
      turn = { ctx, locale, timeZone: who.timeZone, now: clock.now(), firstContact: created, place: { workspaceId: inv.workspaceId, channelId: inv.channelId } };
      const current = turn;
      // The first-contact greeting is part of the stored answer, so a retried first message answers the same.
      const run = async () => {
        const reply = await answer(current, inv, writtenIn);
        if (!created) return reply;
        const greeting = say(current, 'notice.first_contact', { role: label(locale, 'role', who.role), team: await teamName(db, who.teamId) });
        return { ...reply, notices: [greeting, ...(reply.notices ?? [])] };
      };
      const { result, duplicate } = inv.deliveryKey ? await once(db, `${inv.door}:${inv.deliveryKey}`, inv.door, run) : { result: await run(), duplicate: false };
      if (!duplicate) await deliverFollowUps(deps, result, inv.deliveryKey);
      const { followUps: _sent, ...reply } = result;
      return reply;
    } catch (err) {
      if (turn && isDomainError(err)) return refusal(turn, err);
      log.error({ err, door: inv.door, user: inv.externalUserId }, 'request failed');
      const locale = turn?.locale ?? inv.profile?.locale ?? written(inv) ?? deps.config.CRM_DEFAULT_LOCALE;
      const speaker = { locale, timeZone: deps.config.CRM_DEFAULT_TZ };
      return { tone: 'error', title: say(speaker, 'title.error'), text: say(speaker, 'error.internal'), visibility: 'private' };
    }
  };
}

/** Domain refusals are answers, not failures: they are stored with the delivery so a retry gets the same. */
async function answer(turn: Turn, inv: Invocation, writtenIn?: Locale): Promise<Reply> {
  const intent = inv.input.kind === 'text' ? parseCommand(inv.input.text, turn) : actionToIntent(inv.input.action, inv.input.values);
  if (intent.kind === 'invalid') return parserRefusal(turn, intent);
  if (writtenIn) await rememberLocale(turn.ctx.db, turn.ctx.actor.userId, writtenIn);
  try {
    return await dispatch(turn, intent);
  } catch (err) {
    if (isDomainError(err)) return refusal(turn, err);
    throw err;
  }
}

async function deliverFollowUps(deps: HandlerDeps, reply: Reply, key?: string): Promise<void> {
  if (!deps.notifier || !reply.followUps?.length) return;
  for (const [i, message] of reply.followUps.entries()) {
    await deps.notifier.deliver(message, key ? `${key}:${i}` : undefined).catch((err) => deps.log.warn({ err }, 'follow-up not delivered'));
  }
}

function written(inv: Invocation) {
  return inv.input.kind === 'text' ? writtenLanguage(inv.input.text) : undefined;
}

async function teamName(db: Database, teamId: number): Promise<string> {
  return (await db.prisma.team.findUnique({ where: { id: teamId }, select: { name: true } }))?.name ?? '';
}
