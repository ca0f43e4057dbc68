// A team's workdays decide which days get a due list, and the week's first workday gets the summary.
import { describe, expect, it } from 'vitest';
import { localWall } from '../../src/intents/dates/describe.ts';
import { latestSlot, nextSlot } from '../../src/scheduler/slots.ts';

function walk(kind: 'daily' | 'weekly', team: { timeZone: string; workdayStartMinute: number; workdays?: number[] }, fromIso: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(fromIso);
  for (let i = 0; i < count; i++) {
    at = nextSlot(kind, team, at);
    out.push(localWall(at, team.timeZone));
  }
  return out;
}

describe('digest slots on the team’s workdays', () => {
  it('sends Monday to Saturday for a six-day team, and never on Sunday', () => {
    const team = { timeZone: 'Asia/Shanghai', workdayStartMinute: 540, workdays: [1, 2, 3, 4, 5, 6] };
    expect(walk('daily', team, '2026-11-26T00:00:00Z', 4)).toEqual(['2026-11-26 09:00 Thu', '2026-11-27 09:00 Fri', '2026-11-28 09:00 Sat', '2026-11-30 09:00 Mon']);
  });

  it('follows a Sunday-to-Thursday week, the summary on its first workday (Monday by ISO order)', () => {
    const team = { timeZone: 'Asia/Dubai', workdayStartMinute: 8 * 60, workdays: [7, 1, 2, 3, 4] };
    expect(walk('daily', team, '2026-11-26T00:00:00Z', 4)).toEqual(['2026-11-26 08:00 Thu', '2026-11-29 08:00 Sun', '2026-11-30 08:00 Mon', '2026-12-01 08:00 Tue']);
    expect(walk('weekly', team, '2026-11-26T00:00:00Z', 1)).toEqual(['2026-11-30 08:00 Mon']);
  });

  it('moves the weekly summary to the first workday when Monday is off', () => {
    const team = { timeZone: 'Europe/London', workdayStartMinute: 540, workdays: [2, 3, 4, 5] };
    expect(walk('weekly', team, '2026-11-23T00:00:00Z', 2)).toEqual(['2026-11-24 09:00 Tue', '2026-12-01 09:00 Tue']);
    // A Saturday owes nothing new: the latest due list was Friday's.
    expect(localWall(latestSlot('daily', team, new Date('2026-11-28T12:00:00Z')).slot, team.timeZone)).toBe('2026-11-27 09:00 Fri');
  });

  it('keeps Monday to Friday when a team has no workdays stored', () => {
    expect(walk('daily', { timeZone: 'UTC', workdayStartMinute: 540, workdays: [] }, '2026-11-27T10:00:00Z', 1)).toEqual(['2026-11-30 09:00 Mon']);
  });
});
