// Whom a /log is about. The name at the start of the line resolves by the same ranking as
// `/customer find`; when several customers fit as well, the person picks one from buttons, each
// carrying the whole log for that customer (so the click logs it, no retyping), and nobody is
// offered to create a customer the search already knows.
import type { Customer } from '../../generated/prisma/client.ts';
import { ownedByColleague } from '../../domain/customers/colleague.ts';
import { getCustomer, matchCustomerAtStart, notFoundOf } from '../../domain/customers/find.ts';
import { invalidIntent } from '../intent.ts';
import { cleanSummary } from '../grammar/log.ts';
import type { Reply, ReplyButton } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { parserRefusal, refusal } from '../render/refusal.ts';
import { say, type IntentOf, type Turn } from './turn.ts';

// Slack keeps at most 2000 characters of a button's value; a log that does not fit is shown as
// "open this customer" buttons instead, and the person logs again with the full name.
const MAX_CARRIED = 1800;

export async function customerForLog(turn: Turn, intent: IntentOf<'log'>): Promise<{ customer: Customer; rest: string } | { reply: Reply }> {
  if (intent.customerId !== undefined) return { customer: await getCustomer(turn.ctx, intent.customerId), rest: '' };
  const m = await matchCustomerAtStart(turn.ctx, intent.customerText, { exact: intent.summary !== null });
  if (m.kind === 'one') return m;
  if (m.kind === 'none') {
    const colleagues = await ownedByColleague(turn.ctx, intent.customerText, 'start');
    if (colleagues) return { reply: refusal(turn, colleagues) };
    const refused = refusal(turn, notFoundOf(m.query, m.suggestions));
    // When the summary is known, each suggestion logs it in one click, as a choice would.
    if (intent.summary === null || !m.suggestions.length) return { reply: refused };
    const logs = choiceButtons(turn, intent, m.suggestions.slice(0, 5).map((customer) => ({ customer, summary: intent.summary! })));
    return { reply: { ...refused, buttons: [...logs, ...(refused.buttons ?? []).filter((b) => b.action.action !== 'customer.show')] } };
  }
  const choices = m.choices.map((c) => ({ ...c, summary: intent.summary ?? cleanSummary(c.rest) }));
  // Nothing said after the name: the same refusal as for a known customer, before anyone picks.
  if (choices.every((c) => !c.summary)) return { reply: parserRefusal(turn, invalidIntent('empty_summary', 'usage.log', {})) };
  const buttons = choiceButtons(turn, intent, choices);
  return {
    reply: {
      tone: 'warning',
      title: say(turn, 'title.log.choose'),
      text: say(turn, 'text.log.choose', { query: m.query, count: choices.length }),
      buttons,
      visibility: 'private',
    },
  };
}

/** One button per customer, each carrying the whole log for that customer. */
function choiceButtons(turn: Turn, intent: IntentOf<'log'>, choices: Array<{ customer: Customer; summary: string }>): ReplyButton[] {
  return choices.map(({ customer, summary }) => {
    const labelParams = { name: customer.name, code: customer.code };
    const choice = { ...intent, customerId: customer.id, customerText: customer.name.slice(0, 200), summary: summary || intent.customerText };
    const logButton = button(turn, 'button.customer_choice', choice, { labelParams });
    if (logButton.action.id.length <= MAX_CARRIED) return logButton;
    return button(turn, 'button.customer_choice', { kind: 'customer.show', query: customer.code }, { labelParams });
  });
}
