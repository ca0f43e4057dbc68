// Text hygiene shared by every command parser. Parsers match keywords on a width-folded copy that
// has exactly the original's length, and slice values (names, summaries) from the original, so a
// person's own punctuation survives while `：`, `＠`, `，` and full-width digits read like ASCII.

/** Longest input read at all; anything longer is refused before any parsing work. */
export const MAX_INPUT = 200_000;
/** Longest command other than a pasted CSV import. */
export const MAX_COMMAND = 4_000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what no person means to type (controls, bidi overrides, broken surrogates); tabs become spaces. */
export function sanitize(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Full-width ASCII to ASCII, ideographic space to space, ￥ to ¥: one code unit for one code unit. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5) out += '¥';
    else out += s[i];
  }
  return out;
}

/** A string seen twice: `o` as typed, `f` folded for matching; indices agree. */
export interface Src {
  o: string;
  f: string;
}

export function src(o: string): Src {
  return { o, f: fold(o) };
}

export function slice(s: Src, start: number, end?: number): Src {
  return { o: s.o.slice(start, end), f: s.f.slice(start, end) };
}

/** Trims both views alike. */
export function trim(s: Src): Src {
  const lead = s.f.length - s.f.trimStart().length;
  const end = s.f.trimEnd().length;
  return end <= lead ? { o: '', f: '' } : slice(s, lead, end);
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', "'": "'", '‘': '’' };

/** Ranges [start, end) covered by balanced quotes, so keyword scans skip quoted values. */
export function quotedRanges(f: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < f.length; i++) {
    const close = QUOTE_PAIRS[f[i]!];
    if (!close) continue;
    // An apostrophe inside a word (O'Brien, don't) opens nothing.
    if ((f[i] === "'" || f[i] === '‘') && i > 0 && /\w/.test(f[i - 1]!)) continue;
    const j = f.indexOf(close, i + 1);
    if (j < 0) continue;
    ranges.push([i, j + 1]);
    i = j;
  }
  return ranges;
}

export function insideAny(ranges: Array<[number, number]>, index: number): boolean {
  return ranges.some(([a, b]) => index >= a && index < b);
}

/** All matches of a global regex whose start lies outside quotes. */
export function matchesOutsideQuotes(f: string, re: RegExp): RegExpExecArray[] {
  const ranges = quotedRanges(f);
  const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
  const g = new RegExp(re.source, flags);
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(f); m; m = g.exec(f)) {
    if (m[0].length === 0) g.lastIndex++;
    if (!insideAny(ranges, m.index)) out.push(m);
  }
  return out;
}

/** A value without its surrounding quotes (any supported pair), trimmed. */
export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2) {
    const close = QUOTE_PAIRS[fold(v[0]!)];
    if (close && fold(v[v.length - 1]!) === close) return v.slice(1, -1).trim();
  }
  return v;
}

/** Splits off the first whitespace-separated word of both views. */
export function firstWord(s: Src): { word: Src; rest: Src } {
  const t = trim(s);
  const m = /\s/.exec(t.f);
  if (!m) return { word: t, rest: { o: '', f: '' } };
  return { word: slice(t, 0, m.index), rest: trim(slice(t, m.index)) };
}

/** Blanks [start, end) with spaces in both views, keeping every other index where it was. */
export function blank(s: Src, start: number, end: number): Src {
  const pad = ' '.repeat(end - start);
  return { o: s.o.slice(0, start) + pad + s.o.slice(end), f: s.f.slice(0, start) + pad + s.f.slice(end) };
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of words, longest first so "next step" wins over "next". */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

export const isCjk = (s: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);
