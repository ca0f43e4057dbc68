import type { Part } from './parts.ts';
import type { LocalDate } from './wall.ts';

/** What a parser found in the text, before the policy picks the instant. */
export interface Found {
  date?: LocalDate;
  /** Minutes after local midnight, when a time was said. */
  minute?: number;
  /** An exact instant ("2小时后", "in 90 minutes"): elapsed time, not wall-clock arithmetic. */
  instant?: Date;
  /** "EOD", "下班前": the workday's end. */
  endOfDay?: boolean;
  /** A part of the day said without a clock time ("下午", "tonight"): gives the time when no clock time was said. */
  part?: Part;
  /** The phrase points backwards ("昨天", "上周三", "last Friday", "3 days ago"): never rolled forward. */
  backwards?: boolean;
  /** How to move a result that lies in the past: a weekday to next week, a day of month to next month … */
  roll?: 'day' | 'week' | 'month' | 'year';
  /** [start, end) character ranges of the phrase in the text. */
  spans: Array<[number, number]>;
}
