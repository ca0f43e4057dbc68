import { isZone } from '../../config.ts';
import { findDateIn } from './index.ts';

/** "2026-11-27 15:00 Fri": how a resolved instant reads on the user's wall clock. */
const wallFormats = new Map<string, Intl.DateTimeFormat>();

export function localWall(instant: Date, timeZone: string): string {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    wallFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.weekday}`;
}

export interface DateQuery {
  text: string;
  tz: string;
  now: string;
  locale?: 'en' | 'zh-CN';
}

/** What `crm parse-date` prints for one query; throws a readable Error for a bad zone or instant. */
export function describeDate(q: DateQuery) {
  if (typeof q.text !== 'string') throw new Error('"text" must be a string');
  if (typeof q.tz !== 'string' || !isZone(q.tz)) throw new Error(`unknown time zone: ${String(q.tz)} (use an IANA name such as Asia/Shanghai)`);
  const now = new Date(q.now);
  if (typeof q.now !== 'string' || Number.isNaN(now.getTime())) throw new Error(`"now" must be an ISO instant such as 2026-11-22T09:00:00Z, got ${String(q.now)}`);
  const r = findDateIn(q.text, { timeZone: q.tz, now, locale: q.locale });
  return {
    text: q.text,
    tz: q.tz,
    now: now.toISOString(),
    start: r.start ? r.start.toISOString() : null,
    hasTime: r.hasTime,
    past: r.past ?? false,
    local: r.start ? localWall(r.start, q.tz) : null,
    matched: r.matched ?? null,
    rest: r.rest,
  };
}
