// `/customers`, `/quotes [waiting|team]`, `/tasks team`, `/task add`: the lists a rep and a manager
// run their day from. Paging travels in the More button (the filter and the next page), so a click
// comes back through the same dispatch as the typed command.
import { resolveCustomerAtStart } from '../../domain/customers/find.ts';
import { listCustomers, type CustomerListEntry, type OwnerFilter } from '../../domain/customers/list.ts';
import { myQuotes, teamQuotes, waitingQuotes } from '../../domain/quotes/lists.ts';
import type { QuoteView } from '../../domain/quotes/index.ts';
import { addTask } from '../../domain/tasks/add.ts';
import { teamDueTasks } from '../../domain/tasks/team.ts';
import { findUser } from '../../domain/users/directory.ts';
import { formatMoney, label } from '../catalog/index.ts';
import { findDateIn } from '../dates/index.ts';
import type { ReplyItem, ReplySection } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { taskItem } from '../render/task.ts';
import { person, say, turnFor, when, type Dispatch, type Speaker, type Turn } from './turn.ts';
import { teamWorkday } from '../../domain/time/workday.ts';

export const dispatchCustomersList: Dispatch<'customers.list'> = async (turn, intent) => {
  const { owner: ownerWords, ...rest } = intent.filter;
  let owner: OwnerFilter | undefined = typeof ownerWords === 'object' ? undefined : ownerWords;
  if (typeof ownerWords === 'object') owner = { userId: (await findUser(turn.ctx, person(turn, ownerWords.user))).id };
  const page = await listCustomers(turn.ctx, { ...rest, ...(owner ? { owner } : {}) }, { page: intent.page });
  const title = say(turn, 'title.customers');
  // An empty "mine" says where else to look (a manager often owns no customers).
  if (!page.total) return { tone: 'info', title, text: say(turn, owner === undefined || owner === 'me' ? 'text.customers.none_mine' : 'text.customers.none'), visibility: 'private' };
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.entries.length - 1;
  const showOwner = owner !== undefined && owner !== 'me';
  return {
    tone: 'info',
    title,
    text: page.entries.length ? say(turn, 'text.customers.range', { first, last, total: page.total }) : say(turn, 'text.customers.past_end', { total: page.total, pages: page.pages }),
    sections: [{ items: page.entries.map((e) => customerItem(turn, e, showOwner)) }],
    ...(page.page < page.pages ? { buttons: [button(turn, 'button.more', { kind: 'customers.list', filter: intent.filter, page: page.page + 1 }, { labelParams: { page: String(page.page + 1), pages: String(page.pages) } })] } : {}),
    visibility: 'private',
  };
};

function customerItem(turn: Turn, e: CustomerListEntry, showOwner: boolean): ReplyItem {
  const c = e.customer;
  const due = !e.dueAt
    ? say(turn, 'text.customers.no_cadence')
    : e.overdueDays > 0
      ? say(turn, 'text.customers.overdue', { days: e.overdueDays })
      : e.dueAt <= turn.now
        ? say(turn, 'text.customers.due_now')
        : say(turn, 'text.customers.due', { at: when(turn, e.dueAt, false) });
  const owner = showOwner ? ` · ${e.owner?.displayName ?? say(turn, 'label.pool')}` : '';
  return {
    text: `${c.name} · ${c.code} · ${c.tier} · ${label(turn.locale, 'status', c.status)}${owner} · ${due}`,
    buttons: [button(turn, 'button.show', { kind: 'customer.show', query: c.code })],
  };
}

export const dispatchQuotesList: Dispatch<'quotes.list'> = async (turn, intent) => {
  if (intent.scope === 'waiting') {
    const waiting = await waitingQuotes(turn.ctx);
    const title = say(turn, 'section.waiting_approval');
    if (!waiting.length) return { tone: 'info', title, text: say(turn, 'text.quotes.none_waiting'), visibility: 'private' };
    return { tone: 'info', title, sections: [{ ...waitingSection(turn, waiting, 25), heading: undefined }], visibility: 'private' };
  }
  const { quotes, total } = intent.scope === 'team' ? await teamQuotes(turn.ctx) : await myQuotes(turn.ctx);
  const title = say(turn, intent.scope === 'team' ? 'title.quotes.team' : 'title.quotes.mine');
  if (!quotes.length) return { tone: 'info', title, text: say(turn, 'text.quotes.none'), visibility: 'private' };
  return {
    tone: 'info',
    title,
    sections: [{ items: quotes.map((q) => quoteItem(turn, q, intent.scope === 'team')), ...(total > quotes.length ? { more: total - quotes.length } : {}) }],
    visibility: 'private',
  };
};

function quoteItem(turn: Speaker, q: QuoteView, withAuthor: boolean): ReplyItem {
  const author = withAuthor ? ` · ${q.author.displayName}` : '';
  return {
    text: `#${q.id} · ${q.customer.name}${author} · ${label(turn.locale, 'quote_status', q.status)} · ${formatMoney(turn.locale, q.totalMinor, q.currency)}`,
    buttons: [button(turn, 'button.show', { kind: 'quote.show', id: q.id })],
  };
}

/** Quotes waiting for this person's decision, each with Approve and Reject as on the approval card. */
export function waitingSection(turn: Speaker, quotes: QuoteView[], limit: number): ReplySection {
  return {
    heading: say(turn, 'section.waiting_approval'),
    items: quotes.slice(0, limit).map((q) => ({
      text: `#${q.id} · ${q.customer.name} · ${q.author.displayName} · ${formatMoney(turn.locale, q.totalMinor, q.currency)}${q.discountBps ? ` · −${q.discountBps / 100}%` : ''}${q.submittedAt ? ` · ${when(turn, q.submittedAt)}` : ''}`,
      buttons: [
        button(turn, 'button.approve', { kind: 'quote.approve', id: q.id, version: q.version }, { style: 'primary' }),
        button(turn, 'button.reject', { kind: 'quote.reject', id: q.id, reason: '-', version: q.version }, { style: 'danger' }),
        button(turn, 'button.show', { kind: 'quote.show', id: q.id }),
      ],
    })),
    ...(quotes.length > limit ? { more: quotes.length - limit } : {}),
  };
}

export const dispatchTasksTeam: Dispatch<'tasks.team'> = async (turn) => {
  const groups = await teamDueTasks(turn.ctx);
  const title = say(turn, 'title.tasks.team');
  if (!groups.length) return { tone: 'info', title, text: say(turn, 'text.tasks.team_none'), visibility: 'private' };
  const sections = groups.map((g) => {
    const tasks = [...g.overdue, ...g.today];
    return {
      heading: say(turn, 'section.rep_tasks', { name: g.owner.displayName, overdue: g.overdue.length, today: g.today.length }),
      items: tasks.slice(0, 10).map((t) => taskItem(turn, t)),
      ...(tasks.length > 10 ? { more: tasks.length - 10 } : {}),
    };
  });
  return { tone: 'info', title, sections, visibility: 'private' };
};

export const dispatchTaskAdd: Dispatch<'task.add'> = async (turn, intent) => {
  const { customer, rest } = await resolveCustomerAtStart(turn.ctx, intent.text);
  const owner = intent.to ? await findUser(turn.ctx, person(turn, intent.to)) : undefined;
  const team = await teamWorkday(turn.ctx);
  const found = findDateIn(rest, { timeZone: turn.timeZone, now: turn.now, locale: turn.locale, workdayStartMinute: team.workdayStartMinute, workdayEndMinute: team.workdayEndMinute });
  const task = await addTask(turn.ctx, { customerId: customer.id, title: found.rest || rest, dueAt: found.start, dueHasTime: found.hasTime, ...(owner ? { ownerId: owner.id } : {}) });
  const forOther = owner && owner.id !== turn.ctx.actor.userId;
  const describe = (t: Speaker, withOwner: boolean) =>
    [
      say(t, 'text.task.added', { title: task.title, customer: customer.name, due: task.dueAt ? when(t, task.dueAt, task.dueHasTime) : null }),
      withOwner && forOther ? say(t, 'text.task.added_owner', { owner: owner.displayName }) : '',
    ]
      .filter(Boolean)
      // Chinese sentences follow each other without a space.
      .join(t.locale === 'zh-CN' ? '' : ' ');
  const reply = {
    tone: 'success' as const,
    title: say(turn, 'title.task.added'),
    text: describe(turn, true),
    ...(task.dueAt ? {} : { notices: [say(turn, 'notice.no_date', { id: task.id })] }),
    buttons: forOther ? [] : [button(turn, 'button.done', { kind: 'task.done', id: task.id }, { style: 'primary' })],
    visibility: 'private' as const,
  };
  if (!forOther) return reply;
  const them = await turnFor(turn, owner.id);
  const note = { tone: 'info' as const, title: say(them, 'title.task.given', { by: turn.ctx.actor.displayName }), text: describe(them, false), sections: [{ items: [taskItem(them, { ...task, customer })] }], visibility: 'private' as const };
  return { ...reply, followUps: [{ to: { userId: owner.id }, about: `task:${task.id}`, reply: note }] };
};
