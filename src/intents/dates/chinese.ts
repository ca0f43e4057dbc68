// Simplified Chinese date phrases, parsed here rather than by chrono's zh.hans, which computes days
// from the server's zone and misses 两周后, 下个月5号 and 月底.
import type { Found } from './found.ts';
import { NUM, parseChineseNumber } from './numbers.ts';
import { addDays, addMonths, daysInMonth, weekdayOf, type LocalDate } from './wall.ts';

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

type DayRule = { re: RegExp; apply: (m: RegExpExecArray, today: LocalDate) => Pick<Found, 'date' | 'roll' | 'endOfDay'> | null };

const dayRules: DayRule[] = [
  { re: /大后天/, apply: (_m, t) => ({ date: addDays(t, 3) }) },
  { re: /后天/, apply: (_m, t) => ({ date: addDays(t, 2) }) },
  { re: /明天|明日|明早|明晚/, apply: (_m, t) => ({ date: addDays(t, 1) }) },
  { re: /今天|今日|今晚|今早/, apply: (_m, t) => ({ date: t }) },
  {
    re: new RegExp(`(${NUM}|半)\\s*(个)?\\s*(天|日|周|星期|礼拜|月|年)\\s*(?:后|之后|以后)`),
    apply: (m, t) => {
      const n = m[1] === '半' ? 0.5 : parseChineseNumber(m[1]!);
      if (n === null) return null;
      const unit = m[3]!;
      if (unit === '天' || unit === '日') return Number.isInteger(n) ? { date: addDays(t, n) } : null;
      if (unit === '月') return n === 0.5 ? { date: addDays(t, 15) } : { date: addMonths(t, n) };
      if (unit === '年') return Number.isInteger(n) ? { date: addMonths(t, 12 * n) } : null;
      return { date: addDays(t, Math.round(7 * n)) };
    },
  },
  {
    re: /(下下|下个|下|这个|这|本|上)?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])/,
    apply: (m, t) => {
      const target = WEEKDAY[m[2]!]!;
      const week = m[1] === '下下' ? 2 : m[1]?.startsWith('下') ? 1 : m[1] === '上' ? -1 : 0;
      if (!m[1]) {
        // A bare weekday is its next occurrence; said on that weekday, today if a later time is given.
        return { date: addDays(t, (target - weekdayOf(t) + 7) % 7), roll: 'week' };
      }
      const monday = addDays(t, 1 - weekdayOf(t));
      return { date: addDays(monday, week * 7 + target - 1) };
    },
  },
  {
    re: /(下下个?|下个?|本|这个)?\s*(?:月底|月末)/,
    apply: (m, t) => {
      const month = m[1] ? (m[1].startsWith('下下') ? addMonths(t, 2, 1) : m[1].startsWith('下') ? addMonths(t, 1, 1) : t) : t;
      return { date: { year: month.year, month: month.month, day: daysInMonth(month.year, month.month) } };
    },
  },
  {
    re: new RegExp(`(?:(${NUM})\\s*年\\s*)?(${NUM})\\s*月\\s*(${NUM})\\s*(?:日|号)`),
    apply: (m, t) => {
      const month = parseChineseNumber(m[2]!);
      const day = parseChineseNumber(m[3]!);
      const year = m[1] ? parseChineseNumber(m[1]) : t.year;
      if (!month || !day || !year || month > 12 || day > daysInMonth(year, month)) return null;
      return { date: { year: year < 100 ? 2000 + year : year, month, day }, roll: m[1] ? undefined : 'year' };
    },
  },
  {
    re: new RegExp(`(下下个?月|下个?月|本月|这个月)?\\s*(${NUM})\\s*(?:日|号)`),
    apply: (m, t) => {
      const day = parseChineseNumber(m[2]!);
      if (!day || day > 31) return null;
      const months = !m[1] ? 0 : m[1].startsWith('下下') ? 2 : m[1].startsWith('下') ? 1 : 0;
      const base = addMonths(t, months, 1);
      if (day > daysInMonth(base.year, base.month)) return null;
      return { date: { ...base, day }, roll: m[1] ? undefined : 'month' };
    },
  },
  { re: /下班前|下班之前/, apply: (_m, t) => ({ date: t, endOfDay: true }) },
];

const PERIOD = '(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|今晚|明晚|明早|今早|夜里)?';
const clockRules: Array<{ re: RegExp; minute: (m: RegExpExecArray) => number | null }> = [
  {
    re: new RegExp(`${PERIOD}\\s*([0-9０-９]{1,2})[:：]([0-9０-９]{2})`),
    minute: (m) => withPeriod(m[1], Number(m[2]!.normalize('NFKC')), Number(m[3]!.normalize('NFKC'))),
  },
  {
    re: new RegExp(`${PERIOD}\\s*(${NUM})\\s*(?:点|點|时)\\s*(半|一刻|三刻|(${NUM})\\s*分?)?`),
    minute: (m) => {
      const hour = parseChineseNumber(m[2]!);
      if (hour === null) return null;
      const extra = m[3] === '半' ? 30 : m[3] === '一刻' ? 15 : m[3] === '三刻' ? 45 : m[4] ? parseChineseNumber(m[4]) : 0;
      return extra === null ? null : withPeriod(m[1], hour, extra);
    },
  },
  { re: /中午/, minute: () => 12 * 60 },
];

function withPeriod(period: string | undefined, hour: number, minute: number): number | null {
  if (hour > 24 || minute > 59) return null;
  let h = hour;
  if (period && /下午|傍晚|晚上|今晚|明晚|夜里/.test(period) && h < 12) h += 12;
  if (period === '中午' && h < 6) h += 12;
  if (period === '凌晨' && h === 12) h = 0;
  return (h % 24) * 60 + minute;
}

export function parseChinese(text: string, today: LocalDate): Found | null {
  const found: Found = { spans: [] };
  for (const rule of dayRules) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const r = rule.apply(m, today);
    if (!r) continue;
    Object.assign(found, r);
    found.spans.push([m.index, m.index + m[0].length]);
    break;
  }
  for (const rule of clockRules) {
    const m = rule.re.exec(text);
    // The period word may be shared with the day (明晚8点); the clock digits must not be (5号).
    if (!m || overlaps(found.spans, m.index + (m[1]?.length ?? 0), m.index + m[0].length)) continue;
    const minute = rule.minute(m);
    if (minute === null) continue;
    found.minute = minute;
    found.spans.push([m.index, m.index + m[0].length]);
    // 今晚/明晚/明早 carry the day as well as the period.
    if (!found.date && m[1] && /今晚|今早/.test(m[1])) found.date = today;
    if (!found.date && m[1] && /明晚|明早/.test(m[1])) found.date = addDays(today, 1);
    break;
  }
  return found.spans.length ? found : null;
}

function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s);
}
