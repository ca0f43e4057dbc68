import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, localDateOf, startOfLocalDay } from '../../../src/domain/time/zone.ts';

describe('day boundaries in a zone', () => {
  it('finds local midnight east and west of UTC', () => {
    expect(dayBounds(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toEqual({ start: new Date('2026-11-22T16:00:00Z'), end: new Date('2026-11-23T16:00:00Z') });
    expect(dayBounds(new Date('2026-11-23T02:00:00Z'), 'America/Los_Angeles')).toEqual({ start: new Date('2026-11-22T08:00:00Z'), end: new Date('2026-11-23T08:00:00Z') });
    expect(dayBounds(new Date('2026-11-23T02:00:00Z'), 'Asia/Kathmandu').start).toEqual(new Date('2026-11-22T18:15:00Z'));
  });

  it('gives DST days their real length (25 h and 23 h)', () => {
    const fallBack = dayBounds(new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(fallBack.start).toEqual(new Date('2026-11-01T04:00:00Z'));
    expect(fallBack.end.getTime() - fallBack.start.getTime()).toBe(25 * 3_600_000);
    const springForward = dayBounds(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(springForward.end.getTime() - springForward.start.getTime()).toBe(23 * 3_600_000);
  });

  it('starts the day at 01:00 where DST skips midnight', () => {
    // Chile moves clocks from 00:00 to 01:00 on 2026-09-06.
    const start = startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
    expect(localDateOf(start, 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDateOf(new Date(start.getTime() - 1), 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 5 });
    expect(start).toEqual(new Date('2026-09-06T04:00:00Z')); // 01:00 -03
    const b = dayBounds(new Date('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(b.end.getTime() - b.start.getTime()).toBe(23 * 3_600_000);
  });

  it('rolls dates over months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
