import { claimTask } from '../../domain/tasks/claim.ts';
import { completeTask } from '../../domain/tasks/complete.ts';
import { myTasks } from '../../domain/tasks/list.ts';
import { reassignTask } from '../../domain/tasks/reassign.ts';
import { snoozeTask } from '../../domain/tasks/snooze.ts';
import { findUser } from '../../domain/users/directory.ts';
import { invalid } from '../../domain/errors.ts';
import { teamWorkday } from '../../domain/time/workday.ts';
import { findDateIn } from '../dates/index.ts';
import { taskSection } from '../render/task.ts';
import { dispatchPoolList } from './pool.ts';
import { person, say, turnFor, when, type Dispatch } from './turn.ts';

export const dispatchTaskList: Dispatch<'tasks.list'> = async (turn, intent) => {
  // The pool holds customers: `/tasks pool` shows the same list as `/pool`.
  if (intent.scope === 'pool') return dispatchPoolList(turn, { kind: 'pool.list' });
  const { overdue, today, upcoming } = await myTasks(turn.ctx);
  const sections = [
    overdue.length ? taskSection(turn, 'section.overdue', overdue) : null,
    today.length ? taskSection(turn, 'section.today', today) : null,
    upcoming.length ? taskSection(turn, 'section.upcoming', upcoming, 10) : null,
  ].filter((s) => s !== null);
  return { tone: 'info', title: say(turn, 'title.tasks.mine'), ...(sections.length ? { sections } : { text: say(turn, 'text.tasks.none') }), visibility: 'private' };
};

export const dispatchTaskDone: Dispatch<'task.done'> = async (turn, intent) => {
  const task = await completeTask(turn.ctx, intent.id);
  return { tone: 'success', title: say(turn, 'title.task.done'), text: say(turn, 'text.task.done', { title: task.title }), visibility: 'private', replaceOriginal: true };
};

export const dispatchTaskClaim: Dispatch<'task.claim'> = async (turn, intent) => {
  const task = await claimTask(turn.ctx, intent.id);
  return { tone: 'success', title: say(turn, 'title.task.claimed'), text: say(turn, 'text.task.claimed', { title: task.title }), visibility: 'private', replaceOriginal: true };
};

export const dispatchTaskSnooze: Dispatch<'task.snooze'> = async (turn, intent) => {
  const found = findDateIn(intent.whenText, { timeZone: turn.timeZone, now: turn.now, locale: turn.locale, ...(await teamWorkday(turn.ctx)) });
  if (!found.start) throw invalid('task.snooze_no_date', { text: intent.whenText });
  if (found.past) throw invalid('task.snooze_past', { text: found.matched ?? intent.whenText, at: found.start });
  const task = await snoozeTask(turn.ctx, intent.id, { until: found.start, hasTime: found.hasTime });
  return {
    tone: 'success',
    title: say(turn, 'title.task.snoozed'),
    text: say(turn, 'text.task.snoozed', { title: task.title, until: when(turn, found.start, found.hasTime) }),
    visibility: 'private',
    replaceOriginal: true,
  };
};

export const dispatchTaskReassign: Dispatch<'task.reassign'> = async (turn, intent) => {
  const user = await findUser(turn.ctx, person(turn, intent.to));
  const task = await reassignTask(turn.ctx, intent.id, user.id);
  const them = await turnFor(turn, user.id);
  return {
    tone: 'success',
    title: say(turn, 'title.task.reassigned'),
    text: say(turn, 'text.task.reassigned', { title: task.title, to: user.displayName }),
    visibility: 'private',
    followUps: [{ to: { userId: user.id }, about: `task:${task.id}`, reply: { tone: 'info', title: say(them, 'title.task.reassigned'), text: say(them, 'text.task.reassigned', { title: task.title, to: user.displayName }), visibility: 'private' } }],
  };
};
