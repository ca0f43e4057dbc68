// Pure ranking rules for customer names, kept apart from the queries so they can be reasoned about.
import { foldForMatch, normalizeName } from '../text/normalize.ts';
import { withoutRegion } from './region.ts';

export interface Named {
  id: number;
  code: string;
  name: string;
  aliases: string[];
  /** When loaded, a contact's name or phone also finds the customer (`/customer find 张伟`). */
  contacts?: Array<{ name: string; normalizedPhone: string | null; email?: string | null }>;
}

/** The name people call a company by: no case, width, legal suffix or leading region (深圳市腾飞科技有限公司 → 腾飞科技). */
export function coreName(name: string): string {
  return withoutRegion(normalizeName(name));
}

/** The digits of a query that is a phone number or part of one ("138-0013", "+86 138 0013"), else undefined. */
export function phoneDigits(query: string): string | undefined {
  const q = query.normalize('NFKC').trim();
  if (!/^[+\d\s\-().]+$/.test(q)) return undefined;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 4 ? digits : undefined;
}

/** A Chinese character: names holding one are matched by their pieces, not by words. */
export const HAN = /[\u3400-\u9fff]/;

/** The 2-character pieces likeness compares (the text itself when it is one character). */
export function pairsOf(s: string): Set<string> {
  return bigrams(s);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice similarity over character pairs: works the same for Latin and Chinese names. */
export function similarity(a: string, b: string): number {
  return likenessTo(b)(a);
}

/**
 * similarity(·, query) for many names: the query's pairs are taken once. `normalized` is the name's
 * stored normalizeName (Customer.normalizedName), which spares normalizing each name again.
 */
export function likenessTo(query: string): (name: string, normalized?: string) => number {
  const y = bigrams(normalizeName(query) || foldForMatch(query));
  return (name, normalized) => {
    const x = bigrams(normalized || normalizeName(name) || foldForMatch(name));
    if (!x.size || !y.size) return 0;
    let common = 0;
    for (const g of x) if (y.has(g)) common++;
    return (2 * common) / (x.size + y.size);
  };
}

/**
 * How well a customer answers a search: exact code, exact name, prefix of the name or of the name
 * people call it by (腾飞 for 深圳市腾飞科技有限公司), a contact's name or phone, substring, then likeness.
 */
export function score(c: Named, query: string): number {
  const q = foldForMatch(query);
  const nq = normalizeName(query);
  if (foldForMatch(c.code) === q) return 100;
  const names = [c.name, ...c.aliases];
  const cores = names.map(coreName);
  if (names.some((n) => foldForMatch(n) === q || (nq && normalizeName(n) === nq)) || (nq && cores.includes(nq))) return 90;
  const contact = contactScore(c, query);
  if (contact >= 80) return contact;
  if (names.some((n) => foldForMatch(n).startsWith(q)) || (nq && cores.some((k) => k.startsWith(nq)))) return 70;
  if (contact) return contact;
  if (names.some((n) => foldForMatch(n).includes(q) || (nq && normalizeName(n).includes(nq)))) return 50;
  return Math.round(40 * Math.max(...names.map((n) => similarity(n, query))));
}

/** A contact named exactly as asked (80), a contact's name starting with it or a phone holding its digits (60). */
function contactScore(c: Named, query: string): number {
  if (!c.contacts?.length) return 0;
  const q = foldForMatch(query);
  const digits = phoneDigits(query);
  let best = 0;
  for (const k of c.contacts) {
    const name = foldForMatch(k.name);
    if (q && name === q) best = Math.max(best, 80);
    else if (q.length >= 2 && name.startsWith(q)) best = Math.max(best, 60);
    if (digits && k.normalizedPhone?.includes(digits)) best = Math.max(best, 60);
    if (q.includes('@') && k.email?.toLowerCase() === q) best = Math.max(best, 80);
  }
  return best;
}

/** Does `phrase` (folded) open one of the customer's names, or the name people call it by? */
export function opensName(c: Named, phrase: string): boolean {
  const compact = phrase.replace(/\s+/g, '');
  return [c.name, ...c.aliases].some((n) => foldForMatch(n).startsWith(phrase) || (compact.length >= 2 && coreName(n).startsWith(compact)));
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
