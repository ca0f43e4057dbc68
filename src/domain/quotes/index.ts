export { quoteTotals, type QuoteTotals } from './totals.ts';
export { createQuote, editQuote } from './write.ts';
export { submitQuote } from './submit.ts';
export { decideQuote } from './decide.ts';
export { getQuote } from './get.ts';
export { quoteApprovers } from './approvers.ts';
export { approvalLevel, mayApprove, type ApprovalLevel } from './policy.ts';
export type { QuoteView } from './view.ts';
