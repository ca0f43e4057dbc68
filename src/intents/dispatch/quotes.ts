import { createQuote, decideQuote, editQuote, getQuote, submitQuote, type QuoteView } from '../../domain/quotes/index.ts';
import { approvalsChannelTeam } from '../../domain/messages/targets.ts';
import { recentInteractions } from '../../domain/interactions/recent.ts';
import { resolveCustomerAtStart } from '../../domain/customers/find.ts';
import { formatBps, formatMoney } from '../catalog/index.ts';
import type { OutboundMessage, Reply } from '../reply.ts';
import { quoteCard } from '../render/quote.ts';
import { say, turnFor, type Dispatch, type Turn } from './turn.ts';
import { inTeamCurrency } from './quote-currency.ts';

export const dispatchQuoteNew: Dispatch<'quote.new'> = async (turn, intent) => {
  const { customer } = await resolveCustomerAtStart(turn.ctx, intent.customerText);
  const money = await inTeamCurrency(turn, intent);
  if ('reply' in money) return money.reply;
  const quote = await createQuote(turn.ctx, { customerId: customer.id, currency: money.currency, lines: money.lines, discountBps: intent.discountBps });
  const card = quoteCard(turn, quote, { titleCode: 'title.quote.created' });
  return {
    ...card,
    tone: 'success',
    text: say(turn, 'text.quote.created', { total: formatMoney(turn.locale, quote.totalMinor, quote.currency), lines: quote.lines.length, discount: formatBps(quote.discountBps), id: quote.id }),
  };
};

export const dispatchQuoteEdit: Dispatch<'quote.edit'> = async (turn, intent) => {
  const quote = await editQuote(turn.ctx, intent.id, { lines: intent.lines, discountBps: intent.discountBps, currency: intent.currency });
  return quoteCard(turn, quote);
};

export const dispatchQuoteShow: Dispatch<'quote.show'> = async (turn, intent) => {
  const quote = await getQuote(turn.ctx, intent.id);
  // A manager opening a pending quote of someone else's can decide it from here; the domain still checks the level.
  const mayDecide = quote.status === 'pending' && turn.ctx.actor.role !== 'rep' && quote.authorId !== turn.ctx.actor.userId;
  return quoteCard(turn, quote, { forApprover: mayDecide });
};

/** Submitting sends every approver a card with the customer's recent history and the decision buttons. */
export const dispatchQuoteSubmit: Dispatch<'quote.submit'> = async (turn, intent) => {
  const { quote, approvers } = await submitQuote(turn.ctx, intent.id);
  const context = await recentInteractions(turn.ctx.prisma, quote.customerId, 5);
  const followUps: OutboundMessage[] = [];
  for (const approver of approvers) {
    const them = await turnFor(turn, approver.id);
    followUps.push({ to: { userId: approver.id }, reply: quoteCard(them, quote, { titleCode: 'title.quote.approval_request', forApprover: true, context }), timely: true });
  }
  // `/crm channel approvals`: a rep without a manager has their cards shown in the team's channel too.
  const team = await approvalsChannelTeam(turn.ctx, quote.authorId);
  if (team !== undefined) followUps.push({ to: { teamId: team, purpose: 'approvals' }, reply: quoteCard(turn, quote, { titleCode: 'title.quote.approval_request', forApprover: true, context }) });
  return {
    ...quoteCard(turn, quote, { titleCode: 'title.quote.submitted' }),
    tone: 'success',
    text: say(turn, 'text.quote.submitted', { approvers: approvers.map((a) => a.displayName).join(', ') }),
    replaceOriginal: true,
    followUps,
  };
};

async function decided(turn: Turn, quote: QuoteView): Promise<Reply> {
  const outcome = (t: Turn): Reply => ({
    ...quoteCard(t, quote, { titleCode: quote.status === 'approved' ? 'title.quote.approved' : 'title.quote.rejected' }),
    text:
      quote.status === 'approved'
        ? say(t, 'text.quote.approved', { by: quote.decidedBy?.displayName ?? '' })
        : say(t, 'text.quote.rejected', { by: quote.decidedBy?.displayName ?? '', reason: quote.decisionReason ?? '' }),
  });
  const author = await turnFor(turn, quote.authorId);
  return {
    ...outcome(turn),
    replaceOriginal: true,
    followUps: [
      // Every approval card already posted shows the decision, without buttons.
      { to: { userId: quote.authorId }, reply: outcome(author), updateSubject: `quote:${quote.id}`, urgent: true },
    ],
  };
}

export const dispatchQuoteApprove: Dispatch<'quote.approve'> = async (turn, intent) =>
  decided(turn, await decideQuote(turn.ctx, intent.id, { decision: 'approve', expectedVersion: intent.version }));

export const dispatchQuoteReject: Dispatch<'quote.reject'> = async (turn, intent) =>
  decided(turn, await decideQuote(turn.ctx, intent.id, { decision: 'reject', reason: intent.reason, expectedVersion: intent.version }));
