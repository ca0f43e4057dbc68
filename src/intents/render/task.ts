import type { ReplyItem } from '../reply.ts';
import { say, when, type Speaker } from '../dispatch/turn.ts';
import { button } from './buttons.ts';

export interface TaskLike {
  id: number;
  title: string;
  dueAt: Date | null;
  dueHasTime: boolean;
  ownerId: number | null;
  version?: number;
  customer?: { name: string; code: string } | null;
}

/** A task as one line: its id, title, customer and due date, with the buttons that fit who holds it. */
export function taskItem(turn: Speaker, task: TaskLike): ReplyItem {
  const customer = task.customer ? ` · ${task.customer.name}` : '';
  const due = task.dueAt ? ` · ${when(turn, task.dueAt, task.dueHasTime)}` : '';
  const buttons =
    task.ownerId === null
      ? [button(turn, 'button.claim', { kind: 'task.claim', id: task.id }, { style: 'primary' })]
      : [
          button(turn, 'button.done', { kind: 'task.done', id: task.id }, { style: 'primary' }),
          button(turn, 'button.snooze_tomorrow', { kind: 'task.snooze', id: task.id, whenText: say(turn, 'phrase.tomorrow') }),
        ];
  return { text: `#${task.id} ${task.title}${customer}${due}`, buttons };
}

export function taskSection(turn: Speaker, headingCode: string, tasks: TaskLike[], limit = 15) {
  return { heading: say(turn, headingCode), items: tasks.slice(0, limit).map((t) => taskItem(turn, t)), ...(tasks.length > limit ? { more: tasks.length - limit } : {}) };
}
