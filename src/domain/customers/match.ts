// Pure ranking rules for customer names, kept apart from the queries so they can be reasoned about.
import { foldForMatch, normalizeName } from '../text/normalize.ts';

export interface Named {
  id: number;
  code: string;
  name: string;
  aliases: string[];
}

const HAN = /[\u3400-\u9fff]/;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice similarity over character pairs: works the same for Latin and Chinese names. */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalizeName(a) || foldForMatch(a));
  const y = bigrams(normalizeName(b) || foldForMatch(b));
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** How well a customer answers a search: exact code, exact name, prefix, substring, then likeness. */
export function score(c: Named, query: string): number {
  const q = foldForMatch(query);
  const nq = normalizeName(query);
  if (foldForMatch(c.code) === q) return 100;
  const names = [c.name, ...c.aliases];
  if (names.some((n) => foldForMatch(n) === q || (nq && normalizeName(n) === nq))) return 90;
  if (names.some((n) => foldForMatch(n).startsWith(q))) return 70;
  if (names.some((n) => foldForMatch(n).includes(q) || (nq && normalizeName(n).includes(nq)))) return 50;
  return Math.round(40 * Math.max(...names.map((n) => similarity(n, query))));
}

/** Does `text` begin with `name`, ending on a word boundary for Latin names? Returns the length used. */
export function leadingMatch(text: string, name: string): number {
  const t = foldForMatch(text);
  const n = foldForMatch(name);
  if (!n || !t.startsWith(n)) return 0;
  const next = t.charAt(n.length);
  const last = n.charAt(n.length - 1);
  if (next && /[\p{L}\p{N}]/u.test(next) && !HAN.test(next) && !HAN.test(last)) return 0;
  return n.length;
}

/** The words a search for the start of `text` should look under: the first Latin word, or the first two Han characters. */
export function firstToken(text: string): string {
  const t = foldForMatch(text);
  if (HAN.test(t.charAt(0))) return t.slice(0, 2);
  return t.split(/[\s,.:;，。：；]+/)[0] ?? '';
}

/** Leading phrases to try as a short name: longest first ("acme robo", "acme"; "华为沟通", "华为"). */
export function leadingPhrases(text: string): string[] {
  const t = foldForMatch(text);
  if (HAN.test(t.charAt(0))) {
    const run = /^[\u3400-\u9fff\w]+/.exec(t)?.[0] ?? '';
    const out: string[] = [];
    for (let n = Math.min(run.length, 12); n >= 2; n--) out.push(run.slice(0, n));
    return out;
  }
  const words = t.split(/\s+/).slice(0, 5);
  const out: string[] = [];
  for (let n = words.length; n >= 1; n--) out.push(words.slice(0, n).join(' ').replace(/[,.:;]+$/, ''));
  return out.filter((p) => p.length >= 2);
}
