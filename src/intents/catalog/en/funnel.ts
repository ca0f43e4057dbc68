// The sales funnel (issue 13): quote outcomes, the lead score and its hand-off, the reports. English.
export const funnel = {
  'usage.quote.outcome': 'Usage: `/quote <id> accepted`, `/quote <id> negotiating`, `/quote <id> rejected <reason>`',
  'invalid.outcome_reason_required': 'Tell me why the customer turned quote #{id} down: `/quote {id} rejected <reason>`.',
  'invalid.outcome_reason_required.bare': 'Tell me why the customer turned the quote down.',
  'error.quote.outcome_not_approved': 'Quote #{id} is {status}: record the customer’s answer once it is approved.',
  'error.quote.outcome_not_approved.bare': 'Record the customer’s answer once the quote is approved.',
  'error.quote.outcome_final': 'The customer’s answer to quote #{id} is already recorded as final.',
  'error.quote.outcome_not_yours': 'Only the quote’s author or a manager can record the customer’s answer.',
  'error.quote.outcome_reason_required': 'A rejected quote needs the customer’s reason.',
  'title.quote.outcome': 'Quote #{id} for {customer}: the customer’s answer',
  'text.quote.outcome.accepted': '{customer} accepted quote #{id} ({total}).',
  'text.quote.outcome.negotiating': '{customer} is negotiating quote #{id} ({total}).',
  'text.quote.outcome.rejected': '{customer} rejected quote #{id}: {reason}.',
  'text.quote.outcome.unchanged': 'Quote #{id} is already marked {outcome}: nothing changed.',
  'text.quote.outcome.now_deal': '{customer} moved from {from} to won, with this quote as the deal’s value.',
  'label.quote_outcome.accepted': 'accepted', 'label.quote_outcome.negotiating': 'negotiating', 'label.quote_outcome.rejected': 'rejected',
  'label.quote_outcome_field': 'Customer’s answer',
};
