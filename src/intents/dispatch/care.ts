// Keeping the customer: complaints (`/complaint resolve`, `/complaints`) and the churn card's
// buttons (a call at a date said in words, a touch logged, the customer handed to the manager).
import { resolveComplaint, openComplaints } from '../../domain/complaints/complaints.ts';
import { handToManager } from '../../domain/churn/handoff.ts';
import { getCustomer } from '../../domain/customers/find.ts';
import { invalid } from '../../domain/errors.ts';
import { logInteraction } from '../../domain/interactions/log.ts';
import { addTask } from '../../domain/tasks/add.ts';
import { teamWorkday } from '../../domain/time/workday.ts';
import { findDateIn } from '../dates/index.ts';
import { channelInSentence } from '../grammar/channel.ts';
import { moodFromWords } from '../grammar/mood.ts';
import { button } from '../render/buttons.ts';
import type { Reply } from '../reply.ts';
import { say, turnFor, when, type Dispatch } from './turn.ts';

export const dispatchComplaintResolve: Dispatch<'complaint.resolve'> = async (turn, intent) => {
  const k = await resolveComplaint(turn.ctx, intent.id, intent.how);
  return {
    tone: 'success',
    title: say(turn, 'title.complaint.resolved', { id: k.id }),
    text: say(turn, 'text.complaint.resolved', { customer: k.customer.name, how: k.resolution ?? '' }),
    visibility: 'private',
    replaceOriginal: true,
  };
};

export const dispatchComplaintsList: Dispatch<'complaints.list'> = async (turn) => {
  const open = await openComplaints(turn.ctx);
  if (!open.length) return { tone: 'info', title: say(turn, 'title.complaints'), text: say(turn, 'text.complaints.none'), visibility: 'private' };
  return {
    tone: 'info',
    title: say(turn, 'title.complaints'),
    sections: [
      {
        items: open.map((k) => ({
          text: say(turn, 'text.complaints.item', { id: k.id, customer: k.customer.name, code: k.customer.code, since: when(turn, k.openedAt, false), summary: k.summary }),
          buttons: [button(turn, 'button.complaint.resolve', { kind: 'complaint.resolve', id: k.id, how: '-' }, { style: 'primary' })],
        })),
      },
    ],
    visibility: 'private',
  };
};

export const dispatchCustomerSchedule: Dispatch<'customer.schedule'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.customerText);
  const team = await teamWorkday(turn.ctx);
  const found = findDateIn(intent.whenText, { timeZone: turn.timeZone, now: turn.now, locale: turn.locale, ...team });
  // "Schedule a call" needs a time ahead; no date or a past one writes nothing.
  if (!found.start) throw invalid('task.schedule_no_date', { text: intent.whenText });
  if (found.past) throw invalid('interaction.next_step_past', { text: found.matched ?? intent.whenText, at: found.start });
  const title = found.rest && found.rest !== intent.whenText.trim() ? found.rest : say(turn, 'text.churn.call_title');
  const task = await addTask(turn.ctx, { customerId: customer.id, title, dueAt: found.start, dueHasTime: found.hasTime });
  return {
    tone: 'success',
    title: say(turn, 'title.task.added'),
    text: say(turn, 'text.task.added', { title: task.title, customer: customer.name, due: when(turn, task.dueAt, task.dueHasTime) }),
    buttons: [button(turn, 'button.done', { kind: 'task.done', id: task.id }, { style: 'primary' })],
    visibility: 'private',
  };
};

export const dispatchCustomerTouch: Dispatch<'customer.touch'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.customerText);
  const mood = moodFromWords(intent.note);
  const { interaction } = await logInteraction(turn.ctx, { customerId: customer.id, channel: channelInSentence(intent.note), summary: intent.note, ...(mood ? { mood } : {}) });
  return {
    tone: 'success',
    title: say(turn, 'title.interaction.logged', { customer: customer.name }),
    text: interaction.summary,
    buttons: [button(turn, 'button.undo', { kind: 'interaction.undo', id: interaction.id })],
    visibility: 'private',
  };
};

export const dispatchCustomerHandoff: Dispatch<'customer.handoff'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.customerText);
  const change = await handToManager(turn.ctx, customer.id);
  const manager = change.after!;
  const them = await turnFor(turn, manager.id);
  const reply: Reply = {
    tone: 'success',
    title: say(turn, 'title.churn.handed'),
    text: say(turn, 'text.churn.handed', { customer: customer.name, manager: manager.displayName }),
    visibility: 'private',
    followUps: [
      {
        to: { userId: manager.id },
        about: `customer:${customer.id}`,
        reply: {
          tone: 'warning',
          title: say(them, 'title.churn.handed_to_you', { owner: turn.ctx.actor.displayName }),
          text: say(them, 'text.churn.handed_to_you', { customer: customer.name, code: customer.code, owner: turn.ctx.actor.displayName, tasks: change.tasksMoved }),
          buttons: [button(them, 'button.show', { kind: 'customer.show', query: customer.code })],
          visibility: 'private',
        },
      },
    ],
  };
  return reply;
};
