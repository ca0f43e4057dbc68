// Chinese numerals as people type them in dates: 一 … 九十九, 两, 〇, mixed with digits.
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const NUM = '[0-9０-９零〇一二两三四五六七八九十]+';
/** A number written in digits or in Han numerals, never a mix: in 周五3点 the 五 and the 3 are apart. */
export const PURE_NUM = '(?:[0-9０-９]+|[零〇一二两三四五六七八九十]+)';

export function parseChineseNumber(text: string): number | null {
  const s = text.normalize('NFKC');
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) {
    let n = 0;
    for (const ch of s) n = n * 10 + DIGITS[ch]!;
    return n;
  }
  const [tens, ones] = s.split('十') as [string, string];
  if (s.split('十').length > 2) return null;
  const t = tens === '' ? 1 : DIGITS[tens];
  const o = ones === '' ? 0 : DIGITS[ones];
  if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return null;
  return t * 10 + o;
}
