// Report periods as people name them: "this week", "last month", "Q3", "2026-10", "October 2026";
// 本周, 上个月, 第三季度 / 三季度, 2026年10月, 今年. Read against the team's zone: a period is whole
// local days, [start, end). A bare quarter or month means the latest one that has begun (reports look
// back). Weeks start on Monday, as the rest of the CRM's dates do.
import { addDays, addMonths, localDateOf, type LocalDate } from './wall.ts';
import { weekdayOf } from './wall.ts';
import { startOfLocalDay } from '../../domain/time/zone.ts';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** First local day, and the first local day after the period. */
  from: LocalDate;
  to: LocalDate;
  start: Date;
  end: Date;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type Spec =
  | { kind: 'week'; back: number }
  | { kind: 'month'; back: number }
  | { kind: 'quarter'; back: number }
  | { kind: 'year'; back: number }
  | { kind: 'month'; year?: number; month: number }
  | { kind: 'quarter'; year?: number; quarter: number }
  | { kind: 'year'; year: number };

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (CN_DIGIT[s] ?? NaN);
}

/** What the words name, before any clock: undefined when they name no period. */
export function readPeriod(raw: string): Spec | undefined {
  const t = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  const rel: Array<[RegExp, Spec]> = [
    [/^(this week|本周|这周|这一周)$/, { kind: 'week', back: 0 }],
    [/^(last week|上周|上一周|上个星期)$/, { kind: 'week', back: 1 }],
    [/^(this month|本月|这个月)$/, { kind: 'month', back: 0 }],
    [/^(last month|上个月|上月)$/, { kind: 'month', back: 1 }],
    [/^(this quarter|本季度|这个季度|本季)$/, { kind: 'quarter', back: 0 }],
    [/^(last quarter|上季度|上个季度|上一季度)$/, { kind: 'quarter', back: 1 }],
    [/^(this year|今年|本年|本年度)$/, { kind: 'year', back: 0 }],
    [/^(last year|去年|上一年)$/, { kind: 'year', back: 1 }],
  ];
  for (const [re, spec] of rel) if (re.test(t)) return spec;
  if ((m = /^(?:(\d{4}) ?)?q([1-4])(?: ?(\d{4}))?$/.exec(t))) return { kind: 'quarter', quarter: Number(m[2]), ...(m[1] || m[3] ? { year: Number(m[1] ?? m[3]) } : {}) };
  if ((m = /^(?:(\d{4})年)?第?([一二三四1-4])季度$/.exec(t))) return { kind: 'quarter', quarter: num(m[2]!), ...(m[1] ? { year: Number(m[1]) } : {}) };
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t)) || (m = /^(\d{4})年(\d{1,2})月(?:份)?$/.exec(t))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : undefined;
  }
  if ((m = /^(十[一二]?|[一二三四五六七八九]|\d{1,2})月(?:份)?$/.exec(t))) {
    const month = num(m[1]!);
    return month >= 1 && month <= 12 ? { kind: 'month', month } : undefined;
  }
  if ((m = /^([a-z]{3,9})\.?(?: (\d{4}))?$/.exec(t))) {
    const i = MONTHS.findIndex((p) => m![1]!.startsWith(p) && 'january february march april may june july august september october november december'.split(' ')[MONTHS.indexOf(p)]!.startsWith(m![1]!));
    if (i >= 0) return { kind: 'month', month: i + 1, ...(m[2] ? { year: Number(m[2]) } : {}) };
  }
  if ((m = /^(\d{4})年?$/.exec(t))) return { kind: 'year', year: Number(m[1]) };
  return undefined;
}

/** The period the words name, as local days and instants in `timeZone`; undefined when they name none. */
export function parsePeriod(text: string, opts: { timeZone: string; now: Date }): Period | undefined {
  const spec = readPeriod(text);
  if (!spec) return undefined;
  const today = localDateOf(opts.now, opts.timeZone);
  let from: LocalDate;
  let to: LocalDate;
  if (spec.kind === 'week') {
    from = addDays(today, 1 - weekdayOf(today) - 7 * ('back' in spec ? spec.back : 0));
    to = addDays(from, 7);
  } else if (spec.kind === 'month') {
    const first = { year: today.year, month: today.month, day: 1 };
    if ('back' in spec) from = addMonths(first, -spec.back, 1);
    else {
      from = { year: spec.year ?? today.year, month: spec.month, day: 1 };
      if (spec.year === undefined && from.month > today.month) from = { ...from, year: from.year - 1 };
    }
    to = addMonths(from, 1, 1);
  } else if (spec.kind === 'quarter') {
    const current = Math.floor((today.month - 1) / 3);
    if ('back' in spec) from = addMonths({ year: today.year, month: current * 3 + 1, day: 1 }, -3 * spec.back, 1);
    else {
      from = { year: spec.year ?? today.year, month: (spec.quarter - 1) * 3 + 1, day: 1 };
      if (spec.year === undefined && spec.quarter - 1 > current) from = { ...from, year: from.year - 1 };
    }
    to = addMonths(from, 3, 1);
  } else {
    from = { year: 'back' in spec ? today.year - spec.back : spec.year, month: 1, day: 1 };
    to = { year: from.year + 1, month: 1, day: 1 };
  }
  return { kind: spec.kind, from, to, start: startOfLocalDay(from, opts.timeZone), end: startOfLocalDay(to, opts.timeZone) };
}

/** The period just before, of the same length in calendar terms (for "since the last period"). */
export function previousPeriod(p: Period, timeZone: string): Period {
  const from = p.kind === 'week' ? addDays(p.from, -7) : addMonths(p.from, p.kind === 'month' ? -1 : p.kind === 'quarter' ? -3 : -12, 1);
  return { kind: p.kind, from, to: p.from, start: startOfLocalDay(from, timeZone), end: p.start };
}
