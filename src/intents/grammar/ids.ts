// Record ids as people type them: `12`, `#12`, `＃１２`.
import { invalidIntent, type InvalidIntent, type UsageKey } from '../intent.ts';
import { firstWord, type Src } from './text.ts';

export function readId(word: string): number | undefined {
  const m = /^#?(\d{1,16})$/.exec(word.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The id at the start of `text` and what follows it, or the refusal to answer with. */
export function takeId(text: Src, usage: UsageKey): { id: number; rest: Src } | InvalidIntent {
  const { word, rest } = firstWord(text);
  if (!word.f) return invalidIntent('missing_argument', usage, { arg: 'id' });
  const id = readId(word.f);
  return id === undefined ? invalidIntent('bad_id', usage, { value: word.o.slice(0, 50) }) : { id, rest };
}

export function isInvalid(x: object): x is InvalidIntent {
  return 'kind' in x && (x as { kind: unknown }).kind === 'invalid';
}

/** A refusal when `value` is longer than the intent allows, naming the field and the limit. */
export function overLimit(value: string, max: number, usage: UsageKey, field: string): InvalidIntent | undefined {
  return value.length > max ? invalidIntent('too_long', usage, { field, max }) : undefined;
}
