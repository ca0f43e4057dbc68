// Pool entries and the pool rule's notices as neutral Replies. Every pool entry carries a Claim
// button (the /pool list, the daily digest's pool section, the return notice), so a click goes back
// through the same dispatch as `/customer claim <code>`.
import type { SweepEvent } from '../../domain/pool/sweep.ts';
import { label } from '../catalog/index.ts';
import { say, when, type Speaker } from '../dispatch/turn.ts';
import type { OutboundMessage, ReplyButton, ReplyItem } from '../reply.ts';
import { button } from './buttons.ts';

const HOUR = 3_600_000;

export interface PoolEntry {
  name: string;
  code: string;
  tier: string;
  status?: string;
  industry?: string | null;
  region?: string | null;
}

export function claimButton(s: Speaker, code: string): ReplyButton {
  return button(s, 'button.claim_customer', { kind: 'customer.claim', customerText: code }, { style: 'primary' });
}

export function poolItem(s: Speaker, c: PoolEntry): ReplyItem {
  const parts = [c.name, c.code, label(s.locale, 'tier', c.tier), ...(c.status ? [label(s.locale, 'status', c.status)] : []), ...(c.industry ? [c.industry] : []), ...(c.region ? [c.region] : [])];
  return { text: parts.join(' · '), buttons: [claimButton(s, c.code), button(s, 'button.show', { kind: 'customer.show', query: c.code })] };
}

/** Hours left before `deadline`, to the nearest hour and never less than one while it is still ahead. */
export function hoursLeft(deadline: Date, now: Date): number {
  return Math.max(1, Math.round((deadline.getTime() - now.getTime()) / HOUR));
}

/** "Returns to the pool in 11 h" for a lead's card, or null when the rule does not apply. */
export function poolClockLine(s: Speaker, deadline: Date | null, now: Date, owner: string): string | null {
  if (!deadline) return null;
  if (deadline <= now) return say(s, 'text.pool.returns_now', { owner });
  return say(s, 'text.pool.returns_in', { hours: hoursLeft(deadline, now), owner });
}

/** One message of a sweep, with the key that makes its delivery happen once. */
export interface SweepMessage {
  message: OutboundMessage;
  dedupKey: string;
}

/**
 * What the sweep's steps say and to whom: the reminder to the owner, the note to their manager(s),
 * the return notice to the former owner (with Claim) and to the team's channel. `speakerOf` gives
 * each recipient's language and zone; `team` speaks for the channel.
 */
export function sweepMessages(events: SweepEvent[], now: Date, speakerOf: (userId: number) => Speaker, team: Speaker & { teamId: number }): SweepMessage[] {
  const out: SweepMessage[] = [];
  for (const e of events) {
    const term = `${e.customer.id}:${e.assignedAt.getTime()}`;
    const base = { name: e.customer.name, code: e.customer.code, tier: e.customer.tier, owner: e.owner.displayName, hours: e.hours, left: hoursLeft(e.deadline, now) };
    const show = (s: Speaker) => button(s, 'button.show', { kind: 'customer.show', query: e.customer.code });
    if (e.step === 'reminder') {
      const s = speakerOf(e.owner.id);
      out.push({
        dedupKey: `pool:reminder:${term}`,
        message: { to: { userId: e.owner.id }, about: `customer:${e.customer.id}`, reply: { tone: 'warning', title: say(s, 'title.pool.reminder'), text: say(s, 'text.pool.reminder', { ...base, at: when(s, e.deadline) }), buttons: [show(s)], visibility: 'private' } },
      });
    } else if (e.step === 'manager') {
      for (const m of e.managers) {
        const s = speakerOf(m.id);
        out.push({
          dedupKey: `pool:manager:${term}:${m.id}`,
          message: { to: { userId: m.id }, about: `customer:${e.customer.id}`, reply: { tone: 'warning', title: say(s, 'title.pool.manager'), text: say(s, 'text.pool.manager', { ...base, at: when(s, e.deadline) }), buttons: [show(s)], visibility: 'private' } },
        });
      }
    } else {
      const s = speakerOf(e.owner.id);
      out.push({
        dedupKey: `pool:return:${term}`,
        message: { to: { userId: e.owner.id }, about: `customer:${e.customer.id}`, reply: { tone: 'warning', title: say(s, 'title.pool.returned'), text: say(s, 'text.pool.returned', base), buttons: [claimButton(s, e.customer.code)], visibility: 'private' } },
      });
      out.push({
        dedupKey: `pool:return-team:${term}`,
        message: { to: { teamId: team.teamId, purpose: 'digest' }, reply: { tone: 'info', title: say(team, 'title.pool.returned_team'), text: say(team, 'text.pool.returned_team', base), buttons: [claimButton(team, e.customer.code)], visibility: 'channel' } },
      });
    }
  }
  return out;
}
