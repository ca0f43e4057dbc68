import { logInteraction } from '../../domain/interactions/log.ts';
import { undoInteraction } from '../../domain/interactions/undo.ts';
import { findDateIn } from '../dates/index.ts';
import { occurredIn } from './log-when.ts';
import { invalid } from '../../domain/errors.ts';
import { teamWorkday } from '../../domain/time/workday.ts';
import { cleanSummary } from '../grammar/index.ts';
import { fieldLabel, label } from '../catalog/index.ts';
import { button } from '../render/buttons.ts';
import { say, when, type Dispatch } from './turn.ts';
import { channelInSentence } from '../grammar/channel.ts';
import { customerForLog } from './log-customer.ts';
import { teamOf } from '../../domain/teams/team.ts';
import { openComplaint, soundsLikeComplaint } from '../../domain/complaints/complaints.ts';

/** /log: one line after a call becomes an interaction, and its next step a task with a real due date. */
export const dispatchLog: Dispatch<'log'> = async (turn, intent) => {
  const dateOpts = { timeZone: turn.timeZone, now: turn.now, locale: turn.locale, ...(await teamWorkday(turn.ctx)) };
  // A past time before the channel word says when it happened; it is not part of the customer's name.
  const head = intent.summary === null ? { text: intent.customerText } : occurredIn(intent.customerText, dateOpts, 'end');
  const picked = await customerForLog(turn, { ...intent, customerText: head.text || intent.customerText });
  if ('reply' in picked) return picked.reply;
  const { customer, rest } = picked;
  const tail = intent.summary === null ? occurredIn(rest, dateOpts, 'start') : { text: rest };
  const occurredAt = head.occurredAt ?? tail.occurredAt;
  const summary = intent.summary ?? cleanSummary(tail.text);
  const notices: string[] = [];
  let nextStep: { title: string; dueAt: Date | null; dueHasTime: boolean } | undefined;
  if (intent.nextStep) {
    const found = findDateIn(intent.nextStep.text, dateOpts);
    // A next step is ahead: a past time is refused, never moved to the future behind the rep's back.
    if (found.past) throw invalid('interaction.next_step_past', { text: found.matched ?? intent.nextStep.text, at: found.start });
    nextStep = { title: found.rest || intent.nextStep.text, dueAt: found.start, dueHasTime: found.hasTime };
  }
  const { interaction, task } = await logInteraction(turn.ctx, {
    customerId: customer.id,
    channel: intent.channel ?? channelInSentence(summary),
    summary,
    mood: intent.mood,
    nextStep,
    ...(occurredAt ? { occurredAt } : {}),
  });
  // Said as a complaint, or a negative log that names one: the customer has an open complaint now.
  if (intent.complaint || soundsLikeComplaint(summary, interaction.mood)) {
    const complaint = await openComplaint(turn.ctx, { customerId: customer.id, interactionId: interaction.id, summary });
    notices.push(say(turn, 'notice.complaint.opened', { id: complaint.id }));
  }
  if (occurredAt) notices.unshift(say(turn, 'notice.interaction.occurred_at', { when: when(turn, occurredAt) }));
  if (task && !task.dueAt) notices.push(say(turn, 'notice.no_date', { id: task.id }));
  const team = await teamOf(turn.ctx);
  notices.push(say(turn, 'text.interaction.undo_hint', { minutes: team.undoWindowMinutes }));
  const channel = label(turn.locale, 'channel_noun', interaction.channel);
  const buttons = [button(turn, 'button.undo', { kind: 'interaction.undo', id: interaction.id })];
  if (task) buttons.unshift(button(turn, 'button.done', { kind: 'task.done', id: task.id }, { style: 'primary' }));
  return {
    tone: 'success',
    title: say(turn, 'title.interaction.logged', { customer: customer.name }),
    text: [
      say(turn, 'text.interaction.logged', { channel, customer: customer.name }),
      task ? (task.dueAt ? say(turn, 'text.interaction.task_created', { title: task.title, due: when(turn, task.dueAt, task.dueHasTime) }) : say(turn, 'text.interaction.task_created.bare', { title: task.title })) : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
    fields: [
      { label: fieldLabel(turn.locale, 'summary'), value: interaction.summary },
      ...(interaction.mood ? [{ label: fieldLabel(turn.locale, 'mood'), value: label(turn.locale, 'mood', interaction.mood) }] : []),
    ],
    notices,
    buttons,
    visibility: 'private',
  };
};

export const dispatchUndo: Dispatch<'interaction.undo'> = async (turn, intent) => {
  await undoInteraction(turn.ctx, intent.id);
  return { tone: 'success', title: say(turn, 'title.interaction.undone'), visibility: 'private', replaceOriginal: true };
};
