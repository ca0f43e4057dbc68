import type { QuoteView } from '../../domain/quotes/index.ts';
import { fieldLabel, formatBps, formatMoney, label } from '../catalog/index.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { say, when, type Turn } from '../dispatch/turn.ts';
import { button } from './buttons.ts';

export interface InteractionLine {
  occurredAt: Date;
  channel: string;
  summary: string;
  mood: string | null;
  authorName?: string;
}

const f = (turn: Turn, field: string) => fieldLabel(turn.locale, field);

/** The quote as a card: who, what, how much, where it stands; approvers also see the customer's recent history and the decision buttons. */
export function quoteCard(turn: Turn, quote: QuoteView, opts: { titleCode?: string; forApprover?: boolean; context?: InteractionLine[] } = {}): Reply {
  const money = (minor: bigint) => formatMoney(turn.locale, minor, quote.currency);
  const lines: ReplySection = {
    heading: say(turn, 'section.lines'),
    items: quote.lines.slice(0, 20).map((l) => ({
      text: say(turn, 'text.quote.line', { quantity: l.quantity, product: l.product, unitPrice: money(l.unitPriceMinor), lineTotal: money(l.lineTotalMinor) }),
    })),
    ...(quote.lines.length > 20 ? { more: quote.lines.length - 20 } : {}),
  };
  const fields = [
    { label: f(turn, 'customer'), value: say(turn, 'label.with_code', { name: quote.customer.name, code: quote.customer.code }) },
    { label: f(turn, 'author'), value: quote.author.displayName },
    { label: f(turn, 'status'), value: label(turn.locale, 'quote_status', quote.status) },
    { label: f(turn, 'subtotal'), value: money(quote.subtotalMinor) },
    { label: f(turn, 'discount'), value: say(turn, 'label.in_parens', { value: formatBps(quote.discountBps), detail: `−${money(quote.discountMinor)}` }) },
    { label: f(turn, 'total'), value: money(quote.totalMinor) },
  ];
  if (quote.decidedBy && quote.decidedAt) {
    fields.push({ label: f(turn, 'approver'), value: `${quote.decidedBy.displayName} · ${when(turn, quote.decidedAt)}` });
    if (quote.decisionReason) fields.push({ label: f(turn, 'reason'), value: quote.decisionReason });
  }
  const sections = [lines];
  if (opts.context?.length) {
    sections.push({
      heading: say(turn, 'section.context'),
      items: opts.context.map((i) => ({
        text: `${when(turn, i.occurredAt, false)} · ${label(turn.locale, 'channel', i.channel)}${i.mood ? ` · ${label(turn.locale, 'mood', i.mood)}` : ''} — ${i.summary}`,
      })),
    });
  }
  const buttons =
    opts.forApprover && quote.status === 'pending'
      ? [
          button(turn, 'button.approve', { kind: 'quote.approve', id: quote.id, version: quote.version }, { style: 'primary' }),
          button(turn, 'button.reject', { kind: 'quote.reject', id: quote.id, reason: '-', version: quote.version }, { style: 'danger' }),
        ]
      : quote.status === 'draft'
        ? [button(turn, 'button.submit', { kind: 'quote.submit', id: quote.id }, { style: 'primary' })]
        : [];
  return {
    tone: quote.status === 'approved' ? 'success' : quote.status === 'rejected' ? 'warning' : 'info',
    title: say(turn, opts.titleCode ?? 'title.quote', { id: quote.id, customer: quote.customer.name, author: quote.author.displayName }),
    fields,
    sections,
    buttons,
    visibility: 'private',
    subject: `quote:${quote.id}`,
  };
}
