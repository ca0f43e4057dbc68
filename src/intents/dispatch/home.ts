import { dueForContact } from '../../domain/cadence/status.ts';
import { waitingQuotes } from '../../domain/quotes/lists.ts';
import { myOpenQuotes } from '../../domain/quotes/mine.ts';
import { myTasks } from '../../domain/tasks/list.ts';
import { formatMoney, label } from '../catalog/index.ts';
import type { ReplySection } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { taskSection } from '../render/task.ts';
import { waitingSection } from './lists.ts';
import { say, type Dispatch } from './turn.ts';

/** One person's day at a glance: what is overdue and due today, quotes in play, customers due by cadence. */
export const dispatchHome: Dispatch<'home'> = async (turn) => {
  const [tasks, quotes, due, waiting] = await Promise.all([myTasks(turn.ctx), myOpenQuotes(turn.ctx), dueForContact(turn.ctx, { ownerId: turn.ctx.actor.userId }), waitingQuotes(turn.ctx)]);
  const sections: ReplySection[] = [];
  // A manager's day starts with the decisions others are waiting on.
  if (waiting.length) sections.push(waitingSection(turn, waiting, 10));
  if (tasks.overdue.length) sections.push(taskSection(turn, 'section.overdue', tasks.overdue, 10));
  if (tasks.today.length) sections.push(taskSection(turn, 'section.today', tasks.today, 10));
  if (quotes.length) {
    sections.push({
      heading: say(turn, 'section.open_quotes'),
      items: quotes.map((q) => ({
        text: `#${q.id} · ${q.customer.name} · ${label(turn.locale, 'quote_status', q.status)} · ${formatMoney(turn.locale, q.totalMinor, q.currency)}`,
        buttons: [button(turn, 'button.show', { kind: 'quote.show', id: q.id })],
      })),
    });
  }
  if (due.length) {
    sections.push({
      heading: say(turn, 'section.due_contact'),
      items: due.slice(0, 10).map((d) => ({ text: `${d.customer.name} · ${d.customer.code} · ${d.customer.tier}`, buttons: [button(turn, 'button.show', { kind: 'customer.show', query: d.customer.code })] })),
      ...(due.length > 10 ? { more: due.length - 10 } : {}),
    });
  }
  return { tone: 'info', title: say(turn, 'title.home'), ...(sections.length ? { sections } : { text: say(turn, 'text.tasks.none') }), visibility: 'private' };
};
