// When a logged interaction happened: `/log 华为 昨天下午3点 电话：…`, `/log Acme yesterday 3pm call: …`.
// A time said between the customer and the channel (or right after the customer's name when no
// channel word is given) is when it happened, if it is already past. Between customer and channel a
// time still ahead is refused: a log records what happened, plans go in the next step.
import { invalid } from '../../domain/errors.ts';
import { findDateIn, type DateOptions } from '../dates/index.ts';
import { localDateOf } from '../dates/wall.ts';

export interface Occurred {
  occurredAt?: Date;
  /** The text with the time taken out. */
  text: string;
}

/** `where`: 'end' for the words before the channel word, 'start' for the words after the customer's name. */
export function occurredIn(text: string, opts: DateOptions, where: 'end' | 'start'): Occurred {
  const found = findDateIn(text, opts);
  if (!found.start || found.index === undefined || found.end === undefined) return { text };
  const placed = where === 'end' ? text.slice(found.end).trim() === '' && found.rest !== '' : text.slice(0, found.index).trim() === '';
  if (!placed) return { text };
  const rest = where === 'start' ? text.slice(found.end) : found.rest;
  if (found.past) return { occurredAt: found.start, text: rest };
  // "今天", "today" with no time: today, as it is now.
  if (!found.hasTime && found.start.getTime() - opts.now.getTime() < 24 * 3_600_000 && isToday(found.start, opts)) return { text: rest };
  if (where === 'end') throw invalid('interaction.occurred_ahead', { text: found.matched ?? text, at: found.start });
  return { text };
}

function isToday(at: Date, opts: DateOptions): boolean {
  const a = localDateOf(at, opts.timeZone);
  const b = localDateOf(opts.now, opts.timeZone);
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
