// "Did you mean /customer?" for a mistyped command word.
import { COMMANDS } from './vocabulary.ts';

/** Levenshtein distance, bounded: stops early past `max` since only close words matter. */
export function distance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest known command word, if one is close enough to be a typo. */
export function suggestCommand(word: string): string | undefined {
  const best = closest(word, Object.keys(COMMANDS));
  return best ? `/${best}` : undefined;
}

/** `{ suggestion }` for a mistyped subcommand, or nothing when no known word is close. */
export function suggestionFor(word: string, table: Record<string, unknown>): { suggestion: string } | Record<string, never> {
  const best = closest(word, Object.keys(table));
  return best ? { suggestion: best } : {};
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase().slice(0, 40);
  if (!w) return undefined;
  let best: { word: string; d: number } | undefined;
  for (const candidate of candidates) {
    const allowed = candidate.length <= 3 || /[^\x00-\x7f]/.test(candidate) ? 1 : 2;
    const d = distance(w, candidate, allowed);
    if (d <= allowed && (!best || d < best.d)) best = { word: candidate, d };
  }
  return best?.word;
}
