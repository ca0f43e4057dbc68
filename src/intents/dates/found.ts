import type { LocalDate } from './wall.ts';

/** What a parser found in the text, before the policy picks the instant. */
export interface Found {
  date?: LocalDate;
  /** Minutes after local midnight, when a time was said. */
  minute?: number;
  /** "EOD", "下班前": the workday's end. */
  endOfDay?: boolean;
  /** How to move a result that lies in the past: a weekday to next week, a day of month to next month … */
  roll?: 'day' | 'week' | 'month' | 'year';
  /** [start, end) character ranges of the phrase in the text. */
  spans: Array<[number, number]>;
}
