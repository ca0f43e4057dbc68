// Churn cards and complaint escalations as neutral Replies: why the customer is at risk and a way to
// act from the message (a call at a date said in words, a touch logged, the customer handed on).
import type { ChurnNotice, ChurnRisk, Escalation } from '../../domain/churn/sweep.ts';
import { label } from '../catalog/index.ts';
import { say, when, type Speaker } from '../dispatch/turn.ts';
import type { OutboundMessage, ReplyItem } from '../reply.ts';
import { button } from './buttons.ts';

// A first sweep over an old book may find many; the card names the first ones and counts the rest.
const SHOWN = 8;

function why(s: Speaker, r: ChurnRisk): string {
  const silent = r.lastContactAt ? say(s, 'text.churn.silent', { days: r.silentDays, at: when(s, r.lastContactAt, false) }) : say(s, 'text.churn.never', { days: r.silentDays });
  const complaint = say(s, 'text.churn.complaints', { count: r.openComplaints });
  return r.reason === 'both' ? `${silent}${s.locale === 'zh-CN' ? '；' : '; '}${complaint}` : r.reason === 'complaint' ? complaint : silent;
}

export function churnItem(s: Speaker, r: ChurnRisk, forOwner: boolean): ReplyItem {
  const code = r.customer.code;
  const head = [r.customer.name, code, label(s.locale, 'tier', r.customer.tier)].join(' · ');
  return {
    text: `${head}\n${why(s, r)}`,
    buttons: forOwner
      ? [
          button(s, 'button.churn.schedule', { kind: 'customer.schedule', customerText: code, whenText: '-' }, { style: 'primary' }),
          button(s, 'button.churn.touch', { kind: 'customer.touch', customerText: code, note: '-' }),
          button(s, 'button.churn.handoff', { kind: 'customer.handoff', customerText: code }),
        ]
      : [button(s, 'button.show', { kind: 'customer.show', query: code })],
  };
}

/** One card to the owner for all their new risks, and one to the manager for the tier A ones. */
export function churnMessages(n: ChurnNotice, speaker: (userId: number) => Speaker): OutboundMessage[] {
  const s = speaker(n.owner.id);
  const shown = n.risks.slice(0, SHOWN);
  const more = n.risks.length - shown.length;
  const out: OutboundMessage[] = [
    {
      to: { userId: n.owner.id },
      reply: {
        tone: 'warning',
        title: say(s, 'title.churn.owner', { count: n.risks.length }),
        text: say(s, 'text.churn.owner'),
        sections: [{ items: shown.map((r) => churnItem(s, r, true)) }],
        ...(more > 0 ? { notices: [say(s, 'notice.churn.more', { count: more })] } : {}),
        visibility: 'private',
      },
    },
  ];
  const tierA = n.risks.filter((r) => r.customer.tier === 'A');
  for (const m of tierA.length ? n.managers : []) {
    const ms = speaker(m.id);
    out.push({
      to: { userId: m.id },
      reply: {
        tone: 'warning',
        title: say(ms, 'title.churn.manager', { count: tierA.length, owner: n.owner.displayName }),
        text: say(ms, 'text.churn.manager', { owner: n.owner.displayName }),
        sections: [{ items: tierA.slice(0, SHOWN).map((r) => churnItem(ms, r, false)) }],
        visibility: 'private',
      },
    });
  }
  return out;
}

export function escalationMessages(e: Escalation, speaker: (userId: number) => Speaker, now: Date): OutboundMessage[] {
  return e.managers.map((m) => {
    const s = speaker(m.id);
    const hours = Math.max(1, Math.floor((now.getTime() - e.complaint.openedAt.getTime()) / 3_600_000));
    return {
      to: { userId: m.id },
      about: `complaint:${e.complaint.id}`,
      reply: {
        tone: 'warning',
        title: say(s, 'title.complaint.escalated', { customer: e.customer.name }),
        text: say(s, e.owner ? 'text.complaint.escalated' : 'text.complaint.escalated_pool', { id: e.complaint.id, customer: e.customer.name, hours, owner: e.owner?.displayName ?? '', summary: e.complaint.summary }),
        buttons: [
          button(s, 'button.complaint.resolve', { kind: 'complaint.resolve', id: e.complaint.id, how: '-' }, { style: 'primary' }),
          button(s, 'button.show', { kind: 'customer.show', query: e.customer.code }),
        ],
        visibility: 'private',
      },
    };
  });
}
