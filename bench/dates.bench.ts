// Parse time per date phrase: our findDateIn (zone-correct, English and Chinese) over the test
// table, next to chrono.parseDate alone on the same English phrases, same run.
import * as chrono from 'chrono-node';
import { findDateIn } from '../src/intents/dates/index.ts';
import { rows } from '../test/intents/dates/table.ts';
import { emit, quick } from './support/report.ts';

const ROUNDS = quick ? 100 : 300;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const english = rows.filter((r) => !/[\u4e00-\u9fff]/.test(r.text));
const chinese = rows.filter((r) => /[\u4e00-\u9fff]/.test(r.text));

function time(list: typeof rows, fn: (r: (typeof rows)[number]) => unknown): number[] {
  const out: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    for (const r of list) {
      const t = performance.now();
      fn(r);
      out.push((performance.now() - t) * 1000);
    }
  }
  return out;
}

// Warm up both.
time(rows, (r) => findDateIn(r.text, { timeZone: r.tz, now: new Date(r.now) }));
time(english, (r) => chrono.parseDate(r.text, new Date(r.now)));
const chronoEn = time(english, (r) => chrono.parseDate(r.text, new Date(r.now)));
const oursEn = time(english, (r) => findDateIn(r.text, { timeZone: r.tz, now: new Date(r.now) }));
const oursZh = time(chinese, (r) => findDateIn(r.text, { timeZone: r.tz, now: new Date(r.now) }));
console.log(`${english.length} English and ${chinese.length} Chinese phrases × ${ROUNDS} rounds`);
console.log('| parser | median µs | p95 µs | median vs chrono |');
console.log('|---|---|---|---|');
for (const [name, xs] of [['chrono.parseDate (English, host zone)', chronoEn], ['findDateIn English (user zone)', oursEn], ['findDateIn Chinese (user zone)', oursZh]] as const) {
  console.log(`| ${name} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${(pct(xs, 50) / pct(chronoEn, 50)).toFixed(2)} |`);
}
for (const [name, xs] of [['findDateIn English', oursEn], ['findDateIn Chinese', oursZh]] as const) {
  emit({
    scenario: `dates: ${name}`, concurrency: '-', unit: 'µs',
    ours: { p50: pct(xs, 50), p99: pct(xs, 99) }, baseline: { name: 'chrono.parseDate (English)', p50: pct(chronoEn, 50), p99: pct(chronoEn, 99) },
    ratio: pct(xs, 50) / pct(chronoEn, 50), target: '-', verdict: 'info', note: 'ratio on medians; ours resolves in the user\'s zone, chrono in the host\'s',
  });
}
