// `/tasks [pool]`, `/task done|claim|snooze|reassign <id> …`; `/任务 公海`, `/任务 完成 12`.
import { invalidIntent, type Intent } from '../intent.ts';
import { isInvalid, overLimit, takeId } from './ids.ts';
import { parseTaskAdd } from './lists.ts';
import { firstWord, type Src } from './text.ts';
import { suggestionFor } from './suggest.ts';
import { lookup, TASK_SUBS } from './vocabulary.ts';

export function parseTasks(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return { kind: 'tasks.list', scope: 'mine' };
  const sub = lookup(TASK_SUBS, word.f);
  if (sub === 'team') return rest.f ? invalidIntent('unknown_subcommand', 'usage.tasks', { subcommand: rest.o.slice(0, 50) }) : { kind: 'tasks.team' };
  if (sub === 'add') return parseTaskAdd(rest);
  switch (sub) {
    case 'mine':
    case 'pool':
      return rest.f ? invalidIntent('unknown_subcommand', 'usage.tasks', { subcommand: rest.o.slice(0, 50) }) : { kind: 'tasks.list', scope: sub };
    case 'done':
    case 'claim': {
      const got = takeId(rest, `usage.task.${sub}`);
      if (isInvalid(got)) return got;
      if (got.rest.f) return invalidIntent('unknown_subcommand', `usage.task.${sub}`, { subcommand: got.rest.o.slice(0, 50) });
      return { kind: sub === 'done' ? 'task.done' : 'task.claim', id: got.id };
    }
    case 'snooze': {
      const got = takeId(rest, 'usage.task.snooze');
      if (isInvalid(got)) return got;
      if (!got.rest.f) return invalidIntent('missing_argument', 'usage.task.snooze', { arg: 'when' });
      return overLimit(got.rest.o, 200, 'usage.task.snooze', 'when') ?? { kind: 'task.snooze', id: got.id, whenText: got.rest.o };
    }
    case 'reassign': {
      const got = takeId(rest, 'usage.task.reassign');
      if (isInvalid(got)) return got;
      const to = got.rest.o.replace(/^(?:to|给|→|->)\s+/i, '').trim();
      if (!to) return invalidIntent('missing_argument', 'usage.task.reassign', { arg: 'user' });
      return overLimit(to, 200, 'usage.task.reassign', 'user') ?? { kind: 'task.reassign', id: got.id, to };
    }
    default:
      return invalidIntent('unknown_subcommand', 'usage.task', { subcommand: word.o.slice(0, 50), ...suggestionFor(word.f, TASK_SUBS) });
  }
}
