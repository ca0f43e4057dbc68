// One person across doors (`/crm link`) and what reaches them unasked (`/crm notify`).
import { NOTICES_PER_DAY } from '../../domain/outbox/budget.ts';
import { issueLinkCode, LINK_CODE_MINUTES, redeemLinkCode } from '../../domain/users/link.ts';
import { changeNotify, notifySettings, type NotifySettings } from '../../domain/users/notify.ts';
import { label } from '../catalog/index.ts';
import { hhmm } from '../render/team.ts';
import type { Reply } from '../reply.ts';
import { say, when, type Dispatch, type Speaker } from './turn.ts';

export const dispatchLink: Dispatch<'link'> = async (turn, intent) => {
  if (!intent.code) {
    const { code, expiresAt } = await issueLinkCode(turn.ctx);
    return {
      tone: 'info',
      title: say(turn, 'title.link.code'),
      text: say(turn, 'text.link.code', { code, minutes: LINK_CODE_MINUTES, until: when(turn, expiresAt) }),
      visibility: 'private',
    };
  }
  const result = await redeemLinkCode(turn.ctx, intent.code);
  // In the language of the message that linked: the person is reading this door now.
  const speaker: Speaker = { locale: turn.locale, timeZone: result.actor.timeZone };
  const n = (k: string) => result.moved[k] ?? 0;
  const moved = n('ownedCustomers') + n('interactions') + n('ownedTasks') + n('quotes');
  return {
    tone: 'success',
    title: say(speaker, 'title.link.done'),
    text: say(speaker, moved ? 'text.link.done_moved' : 'text.link.done', {
      doors: result.platforms.map((p) => label(speaker.locale, 'door', p)).join(speaker.locale === 'zh-CN' ? '、' : ', '),
      customers: n('ownedCustomers'),
      interactions: n('interactions'),
      tasks: n('ownedTasks'),
      quotes: n('quotes'),
    }),
    visibility: 'private',
  };
};

export const dispatchNotify: Dispatch<'notify'> = async (turn, intent) => {
  if (intent.door !== undefined) return show(turn, await changeNotify(turn.ctx, { door: intent.door }), 'title.notify.set');
  if (intent.quiet !== undefined) return show(turn, await changeNotify(turn.ctx, { quiet: intent.quiet }), 'title.notify.set');
  return show(turn, await notifySettings(turn.ctx), 'title.notify.show');
};

function show(turn: Speaker, s: NotifySettings, title: string): Reply {
  const door = (p: string) => label(turn.locale, 'door', p);
  const where = s.chosenDoor
    ? say(turn, 'text.notify.door_chosen', { door: door(s.chosenDoor) })
    : s.lastDoor
      ? say(turn, 'text.notify.door_last', { door: door(s.lastDoor) })
      : say(turn, 'text.notify.door_all');
  const quiet = !s.quiet
    ? say(turn, 'text.notify.quiet_default', { start: hhmm(s.workday.startMinute), end: hhmm(s.workday.endMinute) })
    : s.quiet.startMinute === s.quiet.endMinute
      ? say(turn, 'text.notify.quiet_off')
      : say(turn, 'text.notify.quiet_own', { start: hhmm(s.quiet.startMinute), end: hhmm(s.quiet.endMinute) });
  return {
    tone: title === 'title.notify.set' ? 'success' : 'info',
    title: say(turn, title),
    text: `${where}\n${quiet}\n${say(turn, 'text.notify.budget', { count: NOTICES_PER_DAY })}\n${say(turn, s.doors.length > 1 ? 'text.notify.hint' : 'text.notify.hint_link')}`,
    visibility: 'private',
  };
}
