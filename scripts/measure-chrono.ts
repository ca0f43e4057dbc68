// Measures bare chrono-node and the project on chrono's own converted cases (scripts/chrono-cases.mjs):
//   TZ=UTC npx tsx scripts/measure-chrono.ts cases.json measured.json
// The policy expectation here is mechanical (chrono's fields, 09:00 when chrono's hour is implied);
// test/intents/dates/chrono-cases.ts holds the reviewed one.
import { readFileSync, writeFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { findDateIn } from '../src/intents/dates/index.ts';
import { localWall } from '../src/intents/dates/describe.ts';
import { wallToInstant } from '../src/intents/dates/wall.ts';

const cases = JSON.parse(readFileSync(process.argv[2] ?? 'cases.json', 'utf8'));
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney'];
const parsers: Record<string, any> = { casual: chrono.casual, strict: chrono.strict, en: chrono.en, 'zh.hans': chrono.zh.hans };
const p2 = (n: number) => String(n).padStart(2, '0');
const fmt = (y: number, mo: number, d: number, h: number, mi: number) => `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}`;
const PAST = /\bago\b|\blast\b|yesterday|\bpast\b|before|昨|前天|上(个|周|星期|礼拜)|以前|之前|前$/i;

const stats: Record<string, { n: number; own: number; bare: number; proj: number }> = {};
const out: any[] = [];
let i = 0;
for (const c of cases) {
  const cls = `${c.source.split('/').at(-1).replace('.test.ts', '')}`;
  let skip: string | null = null;
  if (!parsers[c.parser]) skip = `parser ${c.parser}`;
  else if (c.ref === 'non-date') skip = 'reference with an explicit zone';
  else if (c.option.includes('timezones')) skip = 'custom zone abbreviations';
  else if (c.source.includes('timezone_exp')) skip = 'zone abbreviations in the text';
  else if (c.expect && Object.keys(c.expect).filter((k) => k !== 'matched').length === 0) skip = 'no date expectation in the case';
  else if (!c.ref && c.expect && !('year' in c.expect)) skip = 'reference is the run time';
  if (skip) continue;
  const ref = c.ref ?? { year: 2012, month: 8, day: 10, hour: 12, minute: 0 };
  const refHost = new Date(ref.year, ref.month - 1, ref.day, ref.hour, ref.minute);
  const opt = c.option.includes('forwardDate') ? { forwardDate: true } : {};
  const r = parsers[c.parser].parse(c.text, refHost, opt)[0];
  // chrono on its own expectations
  let own = false;
  if (c.expect === null) own = !r;
  else if (r) own = ['year', 'month', 'day', 'hour', 'minute'].every((k) => !(k in c.expect) || r.start.get(k) === c.expect[k]);
  // policy expectation
  let at: string | null = null;
  let hasTime = false;
  if (c.expect) {
    const e = c.expect;
    const y = e.year ?? r?.start.get('year') ?? ref.year;
    const mo = e.month ?? r?.start.get('month') ?? ref.month;
    const d = e.day ?? r?.start.get('day') ?? ref.day;
    hasTime = !!r && r.start.isCertain('hour');
    at = hasTime ? fmt(y, mo, d, e.hour ?? r.start.get('hour'), e.minute ?? r.start.get('minute') ?? 0) : fmt(y, mo, d, 9, 0);
  }
  const tz = ZONES[i++ % 4]!;
  const now = wallToInstant({ year: ref.year, month: ref.month, day: ref.day }, ref.hour * 60 + ref.minute, tz);
  const f = findDateIn(c.text, { timeZone: tz, now });
  const got = f.start ? localWall(f.start, tz).slice(0, 16) : null;
  const bareAt = r ? fmt(r.start.get('year'), r.start.get('month'), r.start.get('day'), r.start.isCertain('hour') ? r.start.get('hour') : 9, r.start.isCertain('hour') ? r.start.get('minute') : 0) : null;
  const refS = fmt(ref.year, ref.month, ref.day, ref.hour, ref.minute);
  const forward = at !== null && at < refS && !PAST.test(c.text);
  const s = (stats[cls] ??= { n: 0, own: 0, bare: 0, proj: 0 });
  s.n++;
  if (own) s.own++;
  if (bareAt === at) s.bare++;
  if (got === at) s.proj++;
  out.push({ cls, source: c.source, now: now.toISOString(), text: c.text, tz, ref: refS, at, got, bareAt, own, forward, hasTime, chrono: c.expect ? fmt(c.expect.year ?? 0, c.expect.month ?? 0, c.expect.day ?? 0, c.expect.hour ?? 12, c.expect.minute ?? 0) : null });
}
writeFileSync(process.argv[3] ?? 'measured.json', JSON.stringify(out, null, 1));
let t = { n: 0, own: 0, bare: 0, proj: 0 };
for (const [k, s] of Object.entries(stats)) {
  console.log(k.padEnd(36), s.n, 'chrono-own', s.own, 'chrono-policy', s.bare, 'project', s.proj);
  t = { n: t.n + s.n, own: t.own + s.own, bare: t.bare + s.bare, proj: t.proj + s.proj };
}
console.log('total', t);
