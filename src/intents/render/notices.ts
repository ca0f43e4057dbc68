// How the notification budget shows what it folded or held: one message per record carrying the
// newest notice with the earlier ones under it, and the due list's section of notices held for it.
import type { Locale } from '../invocation.ts';
import type { OutboundMessage, Reply, ReplyItem, ReplySection } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { dt } from '../catalog/digest.ts';
import { formatInstant } from '../catalog/index.ts';

/** Notices shown as their own line with their buttons; the rest share one block of plain lines. */
const WITH_BUTTONS = 5;
const LINE = 160;
/** One block's text stays inside every door's limit (Slack: 3000 characters a section). */
const BLOCK = 2800;

function line(reply: Reply): string {
  const text = [reply.title, reply.text?.split('\n')[0]].filter(Boolean).join(' — ');
  return text.length > LINE ? `${text.slice(0, LINE - 1)}…` : text;
}

/**
 * Every notice is listed (a held one has nowhere else to be seen), inside the doors' limits by
 * construction: the first few with their buttons, the others as lines in one block.
 */
function listed(heading: string, replies: Reply[]): ReplySection {
  const items: ReplyItem[] = replies.slice(0, WITH_BUTTONS).map((r) => ({ text: line(r), ...(r.buttons?.length ? { buttons: r.buttons.slice(0, 2) } : {}) }));
  const rest: string[] = [];
  let size = 0;
  for (const r of replies.slice(WITH_BUTTONS)) {
    const l = `• ${line(r)}`;
    if (size + l.length + 1 > BLOCK) break;
    rest.push(l);
    size += l.length + 1;
  }
  if (rest.length) items.push({ text: rest.join('\n') });
  const more = replies.length - WITH_BUTTONS - rest.length;
  return { heading, items, ...(more > 0 ? { more } : {}) };
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
