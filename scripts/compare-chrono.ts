// chrono-node's own converted cases (test/intents/dates/chrono-cases.ts) through bare chrono-node and
// through the project, both scored against the project's policy answer, per chrono test file.
//   TZ=UTC npx tsx scripts/compare-chrono.ts
// Bare chrono is read the kindest way: its calendar fields, 09:00 when it implies the hour.
import * as chrono from 'chrono-node';
import { chronoRows } from '../test/intents/dates/chrono-cases.ts';
import { describeDate } from '../src/intents/dates/describe.ts';
import { wallOf } from '../src/intents/dates/wall.ts';

const p2 = (n: number) => String(n).padStart(2, '0');
const stats = new Map<string, { n: number; chronoOwn: number; bare: number; project: number }>();
for (const row of chronoRows) {
  const cls = row.origin.split('/').at(-1)!.replace('.test.ts', '');
  const s = stats.get(cls) ?? { n: 0, chronoOwn: 0, bare: 0, project: 0 };
  stats.set(cls, s);
  const w = wallOf(new Date(row.now), row.tz);
  const parser = /[\u3400-\u9fff]/.test(row.text) ? chrono.zh.hans : chrono.casual;
  const r = parser.parse(row.text, new Date(w.year, w.month - 1, w.day, w.hour, w.minute))[0];
  const bare = r ? `${r.start.get('year')}-${p2(r.start.get('month')!)}-${p2(r.start.get('day')!)} ${r.start.isCertain('hour') ? `${p2(r.start.get('hour')!)}:${p2(r.start.get('minute') ?? 0)}` : '09:00'}` : null;
  const mine = describeDate({ text: row.text, tz: row.tz, now: row.now }).local?.slice(0, 16) ?? null;
  s.n++;
  if (bare === row.at) s.bare++;
  if (mine === row.at) s.project++;
  // chrono against its own expectation: the `chrono` column where the policy differs, else the policy answer.
  if (bare === ('chrono' in row ? row.chrono : row.at) || (row.known && bare === row.at)) s.chronoOwn++;
}
const total = { n: 0, chronoOwn: 0, bare: 0, project: 0 };
console.log('class'.padEnd(32), 'cases  chrono-vs-its-own  bare-chrono-vs-policy  project-vs-policy');
for (const [cls, s] of stats) {
  console.log(cls.padEnd(32), String(s.n).padStart(5), String(s.chronoOwn).padStart(18), String(s.bare).padStart(22), String(s.project).padStart(18));
  for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += s[k];
}
console.log('total'.padEnd(32), String(total.n).padStart(5), String(total.chronoOwn).padStart(18), String(total.bare).padStart(22), String(total.project).padStart(18));
