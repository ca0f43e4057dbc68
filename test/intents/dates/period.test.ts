// Report periods in the team's zone: whole local days, [start, end), English and Chinese.
import { expect, it } from 'vitest';
import { parsePeriod, previousPeriod, readPeriod } from '../../../src/intents/dates/period.ts';

// Sunday 29 Nov 2026, 07:30 in Shanghai (Saturday evening UTC).
const now = new Date('2026-11-28T23:30:00Z');
const sh = { timeZone: 'Asia/Shanghai', now };
const range = (text: string, opts = sh) => {
  const p = parsePeriod(text, opts);
  return p && `${p.start.toISOString()} ${p.end.toISOString()}`;
};

it.each([
  ['this week', '2026-11-22T16:00:00.000Z 2026-11-29T16:00:00.000Z'],
  ['本周', '2026-11-22T16:00:00.000Z 2026-11-29T16:00:00.000Z'],
  ['last week', '2026-11-15T16:00:00.000Z 2026-11-22T16:00:00.000Z'],
  ['last month', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['上个月', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['2026-10', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['2026年10月', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['October 2026', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['oct', '2026-09-30T16:00:00.000Z 2026-10-31T16:00:00.000Z'],
  ['Q3', '2026-06-30T16:00:00.000Z 2026-09-30T16:00:00.000Z'],
  ['第三季度', '2026-06-30T16:00:00.000Z 2026-09-30T16:00:00.000Z'],
  ['三季度', '2026-06-30T16:00:00.000Z 2026-09-30T16:00:00.000Z'],
  ['2025 Q4', '2025-09-30T16:00:00.000Z 2025-12-31T16:00:00.000Z'],
  ['this month', '2026-10-31T16:00:00.000Z 2026-11-30T16:00:00.000Z'],
  ['12月', '2025-11-30T16:00:00.000Z 2025-12-31T16:00:00.000Z'],
  ['去年', '2024-12-31T16:00:00.000Z 2025-12-31T16:00:00.000Z'],
])('%s', (text, expected) => {
  expect(range(text)).toBe(expected);
});

it('reads the week in the zone, not the server: Sunday in Shanghai is still Saturday in Los Angeles', () => {
  expect(range('this week', { timeZone: 'America/Los_Angeles', now })).toBe('2026-11-23T08:00:00.000Z 2026-11-30T08:00:00.000Z');
  // November 1 2026 is a DST change in Los Angeles: the month is 30 days and one hour long.
  const nov = parsePeriod('2026-11', { timeZone: 'America/Los_Angeles', now })!;
  expect(nov.start.toISOString()).toBe('2026-11-01T07:00:00.000Z');
  expect(nov.end.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  expect(previousPeriod(nov, 'America/Los_Angeles').start.toISOString()).toBe('2026-10-01T07:00:00.000Z');
});

it('names no period for words that are not one', () => {
  for (const t of ['', 'soon', '2026-13', 'Q5', '第五季度', 'next month']) expect(readPeriod(t)).toBeUndefined();
});
