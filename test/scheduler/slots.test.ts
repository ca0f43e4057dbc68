import { describe, expect, it } from 'vitest';
import { localWall } from '../../src/intents/dates/describe.ts';
import { latestSlot, nextSlot } from '../../src/scheduler/slots.ts';

// Walk the slots one after another, as the timer would, across each zone's DST change.
function walk(kind: 'daily' | 'weekly', timeZone: string, fromIso: string, count: number): string[] {
  const team = { timeZone, workdayStartMinute: 540 };
  const out: string[] = [];
  let at = new Date(fromIso);
  for (let i = 0; i < count; i++) {
    at = nextSlot(kind, team, at);
    out.push(localWall(at, timeZone));
  }
  return out;
}

describe('digest slots in the team zone', () => {
  it.each([
    ['America/New_York', '2026-10-29T00:00:00Z', ['2026-10-29 09:00 Thu', '2026-10-30 09:00 Fri', '2026-11-02 09:00 Mon', '2026-11-03 09:00 Tue']],
    ['Europe/London', '2026-10-22T00:00:00Z', ['2026-10-22 09:00 Thu', '2026-10-23 09:00 Fri', '2026-10-26 09:00 Mon', '2026-10-27 09:00 Tue']],
    ['Australia/Sydney', '2026-09-30T20:00:00Z', ['2026-10-01 09:00 Thu', '2026-10-02 09:00 Fri', '2026-10-05 09:00 Mon', '2026-10-06 09:00 Tue']],
  ])('daily at 09:00 local on working days across the DST change in %s, never twice, never skipped', (zone, from, expected) => {
    expect(walk('daily', zone, from, 4)).toEqual(expected);
  });

  it('keeps 09:00 local when the offset changes: New York before and after 2026-11-01', () => {
    const team = { timeZone: 'America/New_York', workdayStartMinute: 540 };
    expect(nextSlot('daily', team, new Date('2026-10-30T00:00:00Z')).toISOString()).toBe('2026-10-30T13:00:00.000Z');
    expect(nextSlot('daily', team, new Date('2026-11-02T00:00:00Z')).toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it.each([
    ['America/New_York', '2026-10-20T00:00:00Z', ['2026-10-26 09:00 Mon', '2026-11-02 09:00 Mon']],
    ['Europe/London', '2026-10-20T00:00:00Z', ['2026-10-26 09:00 Mon', '2026-11-02 09:00 Mon']],
    ['Australia/Sydney', '2026-09-29T00:00:00Z', ['2026-10-05 09:00 Mon', '2026-10-12 09:00 Mon']],
  ])('weekly on Monday at 09:00 local across the change in %s', (zone, from, expected) => {
    expect(walk('weekly', zone, from, 2)).toEqual(expected);
  });

  it('finds the slot a late starter still owes: 11:00 on a Monday owes 09:00 today', () => {
    const team = { timeZone: 'Asia/Shanghai', workdayStartMinute: 540 };
    const { slot } = latestSlot('daily', team, new Date('2026-11-23T03:00:00Z'));
    expect(localWall(slot, 'Asia/Shanghai')).toBe('2026-11-23 09:00 Mon');
    const sunday = latestSlot('daily', team, new Date('2026-11-22T03:00:00Z'));
    expect(localWall(sunday.slot, 'Asia/Shanghai')).toBe('2026-11-20 09:00 Fri');
  });
});
