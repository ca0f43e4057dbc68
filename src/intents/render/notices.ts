// How the notification budget shows what it folded or held: one message per record carrying the
// newest notice with the earlier ones under it, and the due list's section of notices held for it.
import type { Locale } from '../invocation.ts';
import type { OutboundMessage, Reply, ReplyItem, ReplySection } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { dt } from '../catalog/digest.ts';
import { formatInstant } from '../catalog/index.ts';

const SHOWN = 10;
const LINE = 280;

/** One notice as a line: its title and the first line of its text, with its first two buttons. */
function asItem(reply: Reply): ReplyItem {
  const text = [reply.title, reply.text?.split('\n')[0]].filter(Boolean).join(' — ');
  return { text: text.length > LINE ? `${text.slice(0, LINE - 1)}…` : text, ...(reply.buttons?.length ? { buttons: reply.buttons.slice(0, 2) } : {}) };
}

function listed(heading: string, replies: Reply[]): ReplySection {
  return { heading, items: replies.slice(0, SHOWN).map(asItem), ...(replies.length > SHOWN ? { more: replies.length - SHOWN } : {}) };
}

/** The message a notice and those folded into it show: the newest on top, the earlier ones listed newest first. */
export function foldedReply(locale: Locale, head: OutboundMessage, later: OutboundMessage[]): Reply {
  const newest = later.at(-1)?.reply ?? head.reply;
  if (!later.length) return newest;
  const earlier = [head, ...later.slice(0, -1)].reverse().map((m) => m.reply);
  return { ...newest, sections: [...(newest.sections ?? []), listed(say({ locale, timeZone: 'UTC' }, 'section.notices.earlier'), earlier)] };
}

/** The due list's section for notices the budget held (quiet hours, or the day's notices spent), oldest first. */
export function heldSection(locale: Locale, held: OutboundMessage[]): ReplySection | null {
  if (!held.length) return null;
  return listed(say({ locale, timeZone: 'UTC' }, 'section.notices.held', { count: held.length }), held.map((m) => m.reply));
}

/** A rep's due list with the notices held for it; a list only for those when the day has nothing else. */
export function withHeld(s: Speaker, list: Reply | null, held: OutboundMessage[], slot: Date): Reply | null {
  const section = heldSection(s.locale, held);
  if (!section) return list;
  const base = list ?? { tone: 'info' as const, title: dt(s.locale, 'dailyTitle', { date: formatInstant(s.locale, slot, s.timeZone, false) }), visibility: 'private' as const };
  return { ...base, sections: [...(base.sections ?? []), section] };
}
