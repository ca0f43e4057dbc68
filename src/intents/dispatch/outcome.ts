// `/quote 7 accepted|negotiating|rejected [reason]`: the customer's answer to an approved quote.
import { recordQuoteOutcome } from '../../domain/funnel/outcome.ts';
import { formatMoney, label } from '../catalog/index.ts';
import { quoteCard } from '../render/quote.ts';
import { say, type Dispatch } from './turn.ts';

// Spelled out, so the catalog's checks see each key used.
const TEXT = { accepted: 'text.quote.outcome.accepted', negotiating: 'text.quote.outcome.negotiating', rejected: 'text.quote.outcome.rejected' } as const;
export const OUTCOME_LABEL = { accepted: 'label.quote_outcome.accepted', negotiating: 'label.quote_outcome.negotiating', rejected: 'label.quote_outcome.rejected' } as const;

export const dispatchQuoteOutcome: Dispatch<'quote.outcome'> = async (turn, intent) => {
  const { quote, changed, movedFrom } = await recordQuoteOutcome(turn.ctx, intent.id, { outcome: intent.outcome, reason: intent.reason });
  const card = quoteCard(turn, quote, { titleCode: 'title.quote.outcome' });
  const outcome = say(turn, OUTCOME_LABEL[intent.outcome]);
  const lines = [
    say(turn, changed ? TEXT[intent.outcome] : 'text.quote.outcome.unchanged', {
      id: quote.id,
      customer: quote.customer.name,
      outcome,
      total: formatMoney(turn.locale, quote.totalMinor, quote.currency),
      reason: quote.outcomeReason,
    }),
  ];
  if (movedFrom) lines.push(say(turn, 'text.quote.outcome.now_deal', { customer: quote.customer.name, from: label(turn.locale, 'status', movedFrom) }));
  return {
    ...card,
    tone: changed ? 'success' : 'info',
    text: lines.join('\n'),
    fields: [...(card.fields ?? []), { label: say(turn, 'label.quote_outcome_field'), value: quote.outcomeReason ? say(turn, 'label.in_parens', { value: outcome, detail: quote.outcomeReason }) : outcome }],
  };
};
