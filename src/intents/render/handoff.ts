// Cards of a lead handed to sales by its score: to its owner, or for a pool lead to the team's
// channel, with Accept and Decline; and what each click answers.
import type { HandoffEvent } from '../../domain/funnel/effects.ts';
import { customerScore } from '../../domain/funnel/hot.ts';
import { standingHandoffs, type HandoffView } from '../../domain/funnel/handoff.ts';
import { teamOf } from '../../domain/teams/team.ts';
import type { OutboundMessage, Reply } from '../reply.ts';
import { say, turnFor, when, type Turn } from '../dispatch/turn.ts';
import { button } from './buttons.ts';
import { scoreSection } from './score.ts';

async function card(them: Turn, e: HandoffEvent): Promise<Reply> {
  const section = await customerScore(them.ctx, e.customer.id).then((s) => scoreSection(them, s), () => undefined);
  const params = { customer: e.customer.name, score: e.score, threshold: e.threshold, deadline: when(them, e.deadline) };
  return {
    tone: 'success',
    title: say(them, 'title.handoff', params),
    text: say(them, e.ownerId === null ? 'text.handoff.pool' : 'text.handoff.owner', params),
    ...(section ? { sections: [section] } : {}),
    buttons: [
      button(them, 'button.handoff.accept', { kind: 'handoff.accept', id: e.handoffId }, { style: 'primary' }),
      button(them, 'button.handoff.decline', { kind: 'handoff.decline', id: e.handoffId }),
      button(them, 'button.show', { kind: 'customer.show', query: e.customer.code }),
    ],
    visibility: 'channel',
    subject: `handoff:${e.handoffId}`,
  };
}

/** The cards a command's hand-offs owe, each in its reader's language: the owner's, or the team's for the channel. */
export async function handoffNotices(turn: Turn, events: HandoffEvent[]): Promise<OutboundMessage[]> {
  const standing = await standingHandoffs(turn.ctx, events.map((e) => e.handoffId));
  const out: OutboundMessage[] = [];
  for (const e of events.filter((x) => standing.has(x.handoffId))) {
    if (e.ownerId !== null) {
      const them = await turnFor(turn, e.ownerId);
      out.push({ to: { userId: e.ownerId }, reply: await card(them, e) });
    } else {
      const team = await teamOf(turn.ctx, e.teamId);
      const them: Turn = { ...turn, locale: team.locale === 'zh-CN' ? 'zh-CN' : 'en', timeZone: team.timeZone };
      out.push({ to: { teamId: e.teamId, purpose: 'digest' }, reply: await card(them, e) });
    }
  }
  return out;
}

/** What an Accept or Decline click answers: the card, now without buttons, saying who did what. */
export function handoffDecided(turn: Turn, v: HandoffView): Reply {
  const params = { customer: v.customer.name, by: v.by?.displayName ?? '' };
  const text = v.handoff.status === 'accepted' ? 'text.handoff.accepted' : 'text.handoff.declined';
  return {
    tone: v.handoff.status === 'accepted' ? 'success' : 'info',
    title: say(turn, 'title.handoff.decided', params),
    text: say(turn, text, params),
    buttons: [button(turn, 'button.show', { kind: 'customer.show', query: v.customer.code })],
    visibility: 'private',
    replaceOriginal: true,
    subject: `handoff:${v.handoff.id}`,
  };
}

/** The note to the owner of a hand-off that ran out: back in the pool. */
export function handoffExpired(them: Pick<Turn, 'locale' | 'timeZone'>, e: { customer: { name: string; code: string }; hours: number }): Reply {
  return {
    tone: 'warning',
    title: say(them, 'title.handoff.expired', { customer: e.customer.name }),
    text: say(them, 'text.handoff.expired', { customer: e.customer.name, hours: e.hours }),
    visibility: 'private',
  };
}
