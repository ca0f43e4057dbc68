// Simplified Chinese date phrases. Our own rules come first because the policy needs them (Monday
// weeks, 两周后, 下个月5号, 月底, 下班前, bare afternoon hours, 周五3点 keeping its hour); what they
// do not know goes to chrono's zh.hans parsers, given the user's wall clock as a host-local reference
// and read back as calendar fields only, so the server's zone never shows through.
// Only Simplified Chinese (chrono-node's root module builds every locale's parsers: ~10 MB more at start).
import * as hans from 'chrono-node/zh/hans';
import type { Found } from './found.ts';
import { PURE_NUM, parseChineseNumber } from './numbers.ts';
import { fromChrono, type Part } from './parts.ts';
import { addDays, addMonths, daysInMonth, hostReference, weekdayOf, type Clock, type LocalDate } from './wall.ts';

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 6, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

// A number that is not the tail of a date or clock (12月5日前 is not "5 days ago").
const LEAD = '(?<![月点點:：0-9０-９零〇一二两三四五六七八九十])';
const DURATION = new RegExp(`${LEAD}(${PURE_NUM}|半)\\s*(个)?\\s*(半)?\\s*(秒钟?|分钟|分|小时|钟头|个钟|钟|天|日|周|星期|礼拜|月|年)\\s*(过后|之后|以后|后|之内|以内|内|之前|以前|前)`);
const DAY_WORDS: Record<string, { offset: number; part?: Part }> = {
  大前天: { offset: -3 }, 大后天: { offset: 3 }, 前天: { offset: -2 }, 后天: { offset: 2 },
  昨天: { offset: -1 }, 昨日: { offset: -1 }, 今天: { offset: 0 }, 今日: { offset: 0 }, 今儿: { offset: 0 },
  明天: { offset: 1 }, 明日: { offset: 1 }, 明儿: { offset: 1 },
  大前晚: { offset: -3, part: 'evening' }, 前晚: { offset: -2, part: 'evening' }, 昨晚: { offset: -1, part: 'evening' }, 昨夜: { offset: -1, part: 'evening' },
  今晚: { offset: 0, part: 'evening' }, 明晚: { offset: 1, part: 'evening' },
  昨早: { offset: -1, part: 'morning' }, 今早: { offset: 0, part: 'morning' }, 明早: { offset: 1, part: 'morning' },
};
const DAY_RE = new RegExp(Object.keys(DAY_WORDS).sort((a, b) => b.length - a.length).join('|'));
const REL = '(下下个?|下个?|这个?|本|上上个?|上个?)';
const WEEKDAY_RE = new RegExp(`${REL}?\\s*(?:周|星期|礼拜|週)([一二三四五六日天末1-7])`);
const WEEK_RE = new RegExp(`${REL}(?:周|星期|礼拜)(?![一二三四五六日天末1-7几])`);
const MONTH_END_RE = new RegExp(`(下下个?|下个?|本|这个?|${PURE_NUM})?\\s*(?:月底|月末)`);
const YEAR_END_RE = /(今年|明年)?\s*(?:年底|年末)/;
const FULL_DATE_RE = new RegExp(`(?:(${PURE_NUM}|今|明|去)\\s*年[\\s,，、]*)?(${PURE_NUM})\\s*月\\s*(${PURE_NUM})\\s*(?:日|号)`);
const MONTH_DAY_RE = new RegExp(`(下下个?月|下个?月|上上个?月|上个?月|本月|这个月)?\\s*(${PURE_NUM})\\s*(?:日|号)`);
// 3月份, 明年3月: a month alone is its first day (not chrono's "today's day in March", which is past).
const MONTH_ONLY_RE = new RegExp(`(?:(${PURE_NUM}|今|明|去)\\s*年\\s*)?(?<![0-9０-９零〇一二两三四五六七八九十个])(${PURE_NUM})\\s*月份?(?!\\s*(?:[0-9０-９零〇一二两三四五六七八九十]|底|末|初|中|内|之内|以内|后|之后|以后|过后|前|之前|以前))`);
const EOD_RE = /下班(?:之?前)?|收工(?:之?前)?/;
const PERIODS: Record<string, Part> = {
  凌晨: 'small', 半夜: 'small', 清晨: 'morning', 早上: 'morning', 早晨: 'morning', 上午: 'morning', 中午: 'noon', 午后: 'afternoon',
  下午: 'afternoon', 傍晚: 'dusk', 晚上: 'evening', 夜里: 'evening', 夜晚: 'evening',
};
const PERIOD = `(${Object.keys(PERIODS).join('|')})?`;
const CLOCK_COLON = new RegExp(`${PERIOD}\\s*([0-9０-９]{1,2})[:：]([0-9０-９]{2})(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?`, 'i');
const CLOCK_HAN = new RegExp(`${PERIOD}\\s*(${PURE_NUM})\\s*[点點时](?:\\s*(半|一刻|三刻|(${PURE_NUM})\\s*分?))?(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?`, 'i');
const PERIOD_RE = new RegExp(Object.keys(PERIODS).join('|'));
// 一点 is also "a bit" (快一点, 便宜一点, 早一点, 一点点): only a clock when nothing says otherwise.
const QUANTITY_BEFORE = /[快早晚慢多少好大小高低些宜贵差稍]$/;
const POINTS_AFTER = /^\s*(?:意见|建议|要求|问题|看法|想法|需求|原因|事项|内容|疑问|顾虑|共识|改进)/;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;

export function parseChinese(text: string, now: Clock): Found | null {
  // A range takes its start; its end is still part of the phrase, so it stays out of the title.
  for (const m of text.matchAll(/\s*(?:-|–|—|~|～|到|至)\s*/g)) {
    const left = parseOne(text.slice(0, m.index), now);
    const lastEnd = left ? Math.max(...left.spans.map(([, e]) => e)) : -1;
    if (!left || text.slice(lastEnd, m.index).trim() !== '') continue;
    const rightText = text.slice(m.index + m[0].length);
    const right = parseOne(rightText, now);
    if (!right || Math.min(...right.spans.map(([s]) => s)) > 0) continue;
    const shift = m.index + m[0].length;
    left.spans.push([lastEnd, m.index + m[0].length], ...right.spans.map(([s, e]): [number, number] => [s + shift, e + shift]));
    return left;
  }
  return parseOne(text, now);
}

function parseOne(text: string, now: Clock): Found | null {
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const found: Found = { spans: [] };
  let work = text.replace(URL_RE, (u) => ' '.repeat(u.length));
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(work);
    if (!m) return null;
    // Blanked words ahead of a match are spaces the regex may have eaten: they are not part of it.
    const lead = m[0].length - m[0].trimStart().length;
    found.spans.push([m.index + lead, m.index + m[0].length]);
    work = work.slice(0, m.index) + ' '.repeat(m[0].length) + work.slice(m.index + m[0].length);
    return m;
  };
  const peek = (re: RegExp) => re.exec(work);

  const duration = peek(DURATION);
  if (duration && applyDuration(duration, now, today, found)) take(DURATION);

  let part: Part | undefined;
  if (!found.date && !found.instant) {
    const day = take(DAY_RE);
    if (day) {
      const w = DAY_WORDS[day[0]]!;
      found.date = addDays(today, w.offset);
      if (w.offset < 0) found.backwards = true;
      part = w.part;
    }
  }
  if (!found.date && !found.instant) dateRules(found, today, take, peek);

  if ((found.endOfDay = !!take(EOD_RE)) === false) delete found.endOfDay;

  if (!found.instant && !found.endOfDay) {
    const clock = clockIn(work);
    if (clock) {
      take(clock.re);
      found.minute = clock.minute(part);
    }
  }
  if (found.minute === undefined && !found.instant) {
    const p = take(PERIOD_RE);
    if (p) part = PERIODS[p[0]];
    if (part && part !== 'small') found.part = part;
  }
  // 月底前, 周五之前, 3点以前: the deadline word belongs to the phrase, not to the title.
  if (found.spans.length && !found.backwards) {
    const end = Math.max(...found.spans.map(([, e]) => e));
    const tail = /^\s*(?:之前|以前|前|之内|以内|内)/.exec(text.slice(end));
    if (tail) found.spans.push([end, end + tail[0].length]);
  }
  if (found.spans.length) return found;
  return chronoFallback(work, now);
}

function applyDuration(m: RegExpExecArray, now: Clock, today: LocalDate, found: Found): boolean {
  let n = m[1] === '半' ? 0.5 : parseChineseNumber(m[1]!);
  if (n === null) return false;
  if (m[3] === '半') n += 0.5;
  const unit = m[4]!;
  const back = /前/.test(m[5]!);
  const sign = back ? -1 : 1;
  found.backwards = back || undefined;
  const seconds = unit.startsWith('秒') ? 1 : unit.startsWith('分') ? 60 : /小时|钟/.test(unit) ? 3600 : 0;
  if (seconds) {
    found.instant = new Date(now.instant.getTime() + sign * n * seconds * 1000);
    return true;
  }
  if (unit === '天' || unit === '日') {
    if (!Number.isInteger(n)) return false;
    found.date = addDays(today, sign * n);
  } else if (unit === '月') {
    found.date = Number.isInteger(n) ? addMonths(today, sign * n) : addDays(today, sign * Math.round(30 * n));
  } else if (unit === '年') {
    if (!Number.isInteger(n)) return false;
    found.date = addMonths(today, sign * 12 * n);
  } else found.date = addDays(today, sign * Math.round(7 * n));
  return true;
}


function dateRules(found: Found, today: LocalDate, take: (re: RegExp) => RegExpExecArray | null, peek: (re: RegExp) => RegExpExecArray | null) {
  let m: RegExpExecArray | null;
  if ((m = take(WEEKDAY_RE))) {
    const target = WEEKDAY[m[2]!]!;
    const rel = m[1];
    if (!rel) {
      // A bare weekday is its next occurrence; said on that weekday, today if a later time is given.
      found.date = addDays(today, (target - weekdayOf(today) + 7) % 7);
      found.roll = 'week';
      return;
    }
    found.date = addDays(monday(today), weeksOf(rel) * 7 + target - 1);
    if (weeksOf(rel) < 0) found.backwards = true;
    return;
  }
  if ((m = take(WEEK_RE))) {
    const weeks = weeksOf(m[1]!);
    // 下周: its Monday; 本周/这周: its Friday, the end of the working week; 上周: its Monday, looking back.
    found.date = weeks === 0 ? addDays(monday(today), 4) : addDays(monday(today), weeks * 7);
    if (weeks < 0) found.backwards = true;
    return;
  }
  if ((m = take(MONTH_END_RE))) {
    // 12月底: the end of that month, the next one ahead.
    const named = m[1] ? parseChineseNumber(m[1]) : null;
    if (named !== null && (named < 1 || named > 12)) return;
    const month = named !== null ? { year: today.year + (named < today.month ? 1 : 0), month: named } : m[1] ? addMonths(today, m[1].startsWith('下下') ? 2 : m[1].startsWith('下') ? 1 : 0, 1) : today;
    found.date = { year: month.year, month: month.month, day: daysInMonth(month.year, month.month) };
    return;
  }
  if ((m = take(YEAR_END_RE))) {
    found.date = { year: today.year + (m[1] === '明年' ? 1 : 0), month: 12, day: 31 };
    return;
  }
  if ((m = peek(FULL_DATE_RE))) {
    // 今年/明年/去年 name the year as plainly as 2027年 does.
    const named = m[1] ? ({ 今: 0, 明: 1, 去: -1 } as Record<string, number>)[m[1]] : undefined;
    const year = !m[1] ? today.year : named !== undefined ? today.year + named : parseChineseNumber(m[1]);
    const month = parseChineseNumber(m[2]!);
    const day = parseChineseNumber(m[3]!);
    if (year !== null && month && day && month <= 12) {
      const y = year < 100 ? 2000 + year : year;
      if (day <= daysInMonth(y, month)) {
        take(FULL_DATE_RE);
        found.date = { year: y, month, day };
        if (!m[1]) found.roll = 'year';
        if (named === -1) found.backwards = true;
        return;
      }
    }
  }
  if ((m = peek(MONTH_DAY_RE))) {
    const day = parseChineseNumber(m[2]!);
    // 上个月15号 looks back a month, as 上周三 looks back a week.
    const months = !m[1] ? 0 : m[1].startsWith('下下') ? 2 : m[1].startsWith('下') ? 1 : m[1].startsWith('上上') ? -2 : m[1].startsWith('上') ? -1 : 0;
    const base = addMonths(today, months, 1);
    if (day && day <= daysInMonth(base.year, base.month)) {
      take(MONTH_DAY_RE);
      found.date = { ...base, day };
      if (!m[1]) found.roll = 'month';
      if (months < 0) found.backwards = true;
      return;
    }
  }
  if ((m = peek(MONTH_ONLY_RE))) {
    const named = m[1] ? ({ 今: 0, 明: 1, 去: -1 } as Record<string, number>)[m[1]] : undefined;
    const year = !m[1] ? today.year : named !== undefined ? today.year + named : parseChineseNumber(m[1]);
    const month = parseChineseNumber(m[2]!);
    if (year === null || !month || month > 12) return;
    take(MONTH_ONLY_RE);
    const y = year < 100 ? 2000 + year : year;
    // This month, said with no year, is today; another month is its first day, the next one ahead.
    if (!m[1] && month === today.month) found.date = today;
    else found.date = { year: y, month, day: 1 };
    if (!m[1]) found.roll = 'year';
    if (named === -1 || (m[1] && y < today.year)) found.backwards = true;
  }
}

function monday(d: LocalDate): LocalDate {
  return addDays(d, 1 - weekdayOf(d));
}

function weeksOf(rel: string): number {
  if (rel.startsWith('下下')) return 2;
  if (rel.startsWith('下')) return 1;
  if (rel.startsWith('上上')) return -2;
  if (rel.startsWith('上')) return -1;
  return 0;
}

function clockIn(text: string): { re: RegExp; minute: (part?: Part) => number } | null {
  for (const re of [CLOCK_COLON, CLOCK_HAN]) {
    const m = re.exec(text);
    if (!m) continue;
    const hour = parseChineseNumber(m[2]!);
    if (hour === null) continue;
    let extra: number | null = 0;
    if (re === CLOCK_COLON) extra = Number(m[3]!.normalize('NFKC'));
    else extra = m[3] === '半' ? 30 : m[3] === '一刻' ? 15 : m[3] === '三刻' ? 45 : m[4] ? parseChineseNumber(m[4]) : 0;
    const meridiem = (re === CLOCK_COLON ? m[4] : m[5])?.toLowerCase().replace(/\./g, '');
    if (extra === null || hour > 24 || extra > 59) continue;
    if (!m[1] && !m[3] && !meridiem && /^[一两]$/.test(m[2]!) && (QUANTITY_BEFORE.test(text.slice(0, m.index).trimEnd()) || /[儿点點]/.test(text[m.index + m[0].length] ?? ''))) continue;
    // 点 also counts points: 第3点, 提了三点意见.
    if (!m[1] && !m[3] && !meridiem && (/第\s*$/.test(text.slice(0, m.index)) || POINTS_AFTER.test(text.slice(m.index + m[0].length)))) continue;
    const period = m[1] ? PERIODS[m[1]] : undefined;
    return { re, minute: (dayPart) => clockMinute(hour, extra, period ?? dayPart, meridiem) };
  }
  return null;
}

/** Hours 1–6 said with no am/morning word are afternoon hours in working talk (3点 = 15:00). */
export function clockMinute(hour: number, minute: number, part: Part | undefined, meridiem?: string): number {
  let h = hour;
  if (meridiem === 'pm' || part === 'afternoon' || part === 'dusk' || part === 'evening') {
    if (h < 12) h += 12;
  } else if (meridiem === 'am' || part === 'morning' || part === 'small') {
    if (h === 12) h = 0;
  } else if (part === 'noon') {
    if (h < 6) h += 12;
  } else if (h >= 1 && h <= 6) h += 12;
  return (h % 24) * 60 + minute;
}

function chronoFallback(text: string, now: Clock): Found | null {
  const r = hans.parse(text, hostReference(now))[0];
  // A bare N点 here is one our clock rules turned down (快一点, 三点意见, 第2点); 几 (几个月) is a guess.
  if (!r || /^\s*[0-9０-９零〇一二两三四五六七八九十]+\s*[点點]\s*$/.test(r.text) || r.text.includes('几')) return null;
  return fromChrono(r, now);
}
