// What complaints are about: the words and two-word phrases that come up in the most complaints.
// Text is cut into words by Intl.Segmenter (word granularity), which splits Chinese by dictionary
// and English at spaces, so one pass reads both. A phrase is two neighbouring words with nothing
// but space between them (发货 + 太慢, late + delivery). Stop words (both languages) and lone
// Chinese characters never stand as a theme on their own.

export interface Theme {
  term: string;
  /** How many complaints mention it (once per complaint, however often it is repeated). */
  count: number;
}

const EN_STOP = new Set(
  `a an the and or but if of to in on at by for with from into about as is are was were be been being am do does did done have has had
   i me my we our you your he him his she her it its they them their this that these those there here what which who whom when where why how
   not no nor so too very can could will would shall should may might must just also again still only even than then once any some all
   more most much many other such own same each both few up down out off over under very really get got customer customers client clients`
    .split(/\s+/)
    .filter(Boolean),
);

const ZH_STOP = new Set(
  `的 了 是 我 你 他 她 它 们 我们 你们 他们 她们 这 那 这个 那个 这些 那些 在 有 和 与 及 或 就 都 也 还 又 很 太 更 最 非常 比较
   不 没 没有 不是 吗 呢 啊 吧 呀 哦 嗯 说 要 会 能 可以 对 把 被 给 让 跟 等 又 再 已经 一直 一 个 次 上 下 里 中 后 前 时 时候
   因为 所以 但是 但 而且 如果 然后 还是 就是 什么 怎么 为什么 客户 对方 他们的 我们的 一下 一些 一个 现在 今天 昨天`
    .split(/\s+/)
    .filter(Boolean),
);

const CJK = /\p{Script=Han}/u;

function isStop(word: string): boolean {
  return EN_STOP.has(word) || ZH_STOP.has(word) || /^\d+$/.test(word);
}

/** A word that can be a theme alone: not a stop word, not a lone Chinese character, not a short Latin fragment. */
function standsAlone(word: string): boolean {
  return !isStop(word) && (CJK.test(word) ? word.length >= 2 : word.length >= 3);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const loneHan = (w: string | null | undefined): w is string => !!w && w.length === 1 && CJK.test(w) && !isStop(w);

/**
 * The words of one text in order, with `null` where punctuation breaks a phrase. Neighbouring lone
 * Chinese characters that are not stop words are one word: the dictionary cuts 客服 into 客|服.
 */
function words(text: string): Array<string | null> {
  const out: Array<string | null> = [];
  let run = false;
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    const w = s.isWordLike ? s.segment : null;
    if (w !== null && run && loneHan(w)) out[out.length - 1] += w;
    else if (w !== null) out.push(w);
    else if (!/^\s+$/.test(s.segment)) out.push(null);
    run = w !== null && loneHan(w);
  }
  return out;
}

/** Top themes over the texts, most complaints first; a phrase hides a word it always carries. */
export function complaintThemes(texts: string[], top = 5): Theme[] {
  const single = new Map<string, number>();
  const pairs = new Map<string, { count: number; parts: [string, string] }>();
  for (const text of texts) {
    const seen = new Set<string>();
    const ws = words(text);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (!w) continue;
      if (standsAlone(w) && !seen.has(w)) {
        seen.add(w);
        single.set(w, (single.get(w) ?? 0) + 1);
      }
      const next = ws[i + 1];
      if (!next || isStop(w) || isStop(next)) continue;
      const phrase = CJK.test(w) && CJK.test(next) ? w + next : `${w} ${next}`;
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      const p = pairs.get(phrase) ?? { count: 0, parts: [w, next] };
      p.count++;
      pairs.set(phrase, p);
    }
  }
  // A phrase counts once it recurs; a word is left out when a recurring phrase accounts for all its complaints.
  const phrases = [...pairs].filter(([, p]) => p.count >= 2);
  const covered = new Set<string>();
  for (const [, p] of phrases) for (const part of p.parts) if ((single.get(part) ?? 0) <= p.count) covered.add(part);
  const themes: Theme[] = [
    ...phrases.map(([term, p]) => ({ term, count: p.count })),
    ...[...single].filter(([w]) => !covered.has(w)).map(([term, count]) => ({ term, count })),
  ];
  return themes.sort((a, b) => b.count - a.count || b.term.length - a.term.length || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).slice(0, top);
}
