// Quiet hours in the person's zone, across the changes of clock where a day has 23 or 25 hours.
import { describe, expect, it } from 'vitest';
import { quietUntil, type QuietRule } from '../../../src/domain/users/quiet.ts';

const workday = { startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5] };
const rule = (timeZone: string, own: QuietRule['own'] = null, days = workday.days): QuietRule => ({ timeZone, own, workday: { ...workday, days } });
const until = (at: string, r: QuietRule) => quietUntil(new Date(at), r)?.toISOString() ?? null;

describe('quietUntil', () => {
  it('by default: outside the workday and on days off, until the next workday morning', () => {
    const sh = rule('Asia/Shanghai');
    expect(until('2026-11-23T02:00:00Z', sh)).toBeNull(); // Mon 10:00
    expect(until('2026-11-23T08:59:00Z', sh)).toBeNull(); // Mon 16:59
    expect(until('2026-11-23T09:00:00Z', sh)).toBe('2026-11-24T01:00:00.000Z'); // Mon 17:00 → Tue 09:00
    expect(until('2026-11-22T23:30:00Z', sh)).toBe('2026-11-23T01:00:00.000Z'); // Mon 07:30 → Mon 09:00
    expect(until('2026-11-27T12:00:00Z', sh)).toBe('2026-11-30T01:00:00.000Z'); // Fri 20:00 → Mon 09:00
    expect(until('2026-11-28T04:00:00Z', sh)).toBe('2026-11-30T01:00:00.000Z'); // Sat noon → Mon 09:00
    expect(until('2026-11-28T04:00:00Z', rule('Asia/Shanghai', null, [6]))).toBeNull(); // a team that works Saturdays
    expect(until('2026-11-28T20:00:00Z', rule('Asia/Shanghai', null, []))).toBeNull(); // no workdays: never quiet
  });

  it('across New York’s clock changes, the morning is 09:00 on the wall', () => {
    const ny = rule('America/New_York');
    // Sat 7 Mar 20:00 EST; clocks go forward on Sunday; Monday 09:00 EDT is 13:00 UTC.
    expect(until('2026-03-08T01:00:00Z', ny)).toBe('2026-03-09T13:00:00.000Z');
    // Fri 30 Oct 18:00 EDT; clocks go back on Sunday 1 Nov; Monday 09:00 EST is 14:00 UTC.
    expect(until('2026-10-30T22:00:00Z', ny)).toBe('2026-11-02T14:00:00.000Z');
    // Own hours ending at 05:00 on the Sunday the clocks go forward at 02:00: 05:00 EDT, not EST.
    expect(until('2026-03-08T04:00:00Z', rule('America/New_York', { startMinute: 22 * 60, endMinute: 5 * 60 }))).toBe('2026-03-08T09:00:00.000Z');
    // Sunday 8 Mar 03:30 EDT, the hour after the gap.
    expect(until('2026-03-08T07:30:00Z', ny)).toBe('2026-03-09T13:00:00.000Z');
  });

  it('a person’s own hours, every day, over midnight and across London’s spring change', () => {
    const night = rule('Europe/London', { startMinute: 22 * 60, endMinute: 7 * 60 + 30 });
    expect(until('2026-03-28T23:00:00Z', night)).toBe('2026-03-29T06:30:00.000Z'); // Sat 23:00 GMT → Sun 07:30 BST
    expect(until('2026-03-29T05:00:00Z', night)).toBe('2026-03-29T06:30:00.000Z'); // Sun 06:00 BST
    expect(until('2026-03-29T12:00:00Z', night)).toBeNull(); // Sunday afternoon: own hours ignore days off
    expect(until('2026-03-29T21:00:00Z', night)).toBe('2026-03-30T06:30:00.000Z'); // Sun 22:00 BST
    const lunch = rule('Asia/Shanghai', { startMinute: 12 * 60, endMinute: 14 * 60 });
    expect(until('2026-11-23T04:30:00Z', lunch)).toBe('2026-11-23T06:00:00.000Z');
    expect(until('2026-11-23T06:00:00Z', lunch)).toBeNull();
    expect(until('2026-11-28T15:00:00Z', rule('Asia/Shanghai', { startMinute: 0, endMinute: 0 }))).toBeNull(); // off
  });
});
