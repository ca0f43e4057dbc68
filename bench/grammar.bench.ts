// Parse time per command line: parseCommand (sanitize, fold, grammar, zod check of the result)
// against a baseline that only trims and splits the same line on whitespace, interleaved line by
// line so both see the same load. Run: npx tsx bench/grammar.bench.ts
import { performance } from 'node:perf_hooks';
import { parseCommand } from '../src/intents/grammar/index.ts';
import { emit, quick } from './support/report.ts';

const ctx = { locale: 'en' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T10:00:00Z') };
const LINES = [
  '/customer add Acme Robotics tier:A industry:manufacturing source:expo phone:+1-415-555-0100',
  '/customer add 华为技术 等级：A 行业：通信 来源：展会',
  '/customer Acme',
  '/customer find robo',
  '/log Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm',
  '/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访',
  '/tasks pool',
  '/task snooze 12 next monday',
  '/quote new Acme 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%',
  '/报价 新建 华为 10 × 专业版 ＠ 1,200.50，2 × 实施 ＠ ¥3000 打88折',
  '/quote reject 5 too deep a discount',
  '/crm role @someone manager',
  '/custmer Acme',
];
const ROUNDS = Number(process.env.BENCH_N ?? (quick ? 500 : 2000));

const baseline = (s: string) => s.trim().split(/\s+/).length;
const ours: number[] = [];
const byLine = new Map<string, number[]>(LINES.map((l) => [l, []]));
const base: number[] = [];
let sink = 0;
for (let r = 0; r < ROUNDS + 100; r++) {
  for (const line of LINES) {
    let t0 = performance.now();
    sink += baseline(line);
    const b = performance.now() - t0;
    t0 = performance.now();
    sink += parseCommand(line, ctx).kind.length;
    const p = performance.now() - t0;
    if (r >= 100) {
      base.push(b);
      ours.push(p);
      byLine.get(line)!.push(p);
    }
  }
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const us = (ms: number) => (ms * 1000).toFixed(1).padStart(8);
console.log(`lines parsed: ${ours.length} (${LINES.length} phrases x ${ROUNDS} rounds), node ${process.version}`);
console.log('series                      median µs    p95 µs    p99 µs');
console.log(`baseline trim+split         ${us(pct(base, 0.5))}  ${us(pct(base, 0.95))}  ${us(pct(base, 0.99))}`);
console.log(`parseCommand                ${us(pct(ours, 0.5))}  ${us(pct(ours, 0.95))}  ${us(pct(ours, 0.99))}`);
console.log(`ratio (median)              ${(pct(ours, 0.5) / Math.max(pct(base, 0.5), 1e-6)).toFixed(0).padStart(8)}x`);
console.log('\nper phrase (median µs):');
for (const [line, xs] of byLine) console.log(`${us(pct(xs, 0.5))}  ${line.length > 70 ? line.slice(0, 70) + '…' : line}`);
if (sink < 0) console.log(sink);
emit({
  scenario: 'grammar: parseCommand per line', concurrency: '-', unit: 'µs',
  ours: { p50: pct(ours, 0.5) * 1000, p99: pct(ours, 0.99) * 1000 }, baseline: { name: 'trim + split', p50: pct(base, 0.5) * 1000, p99: pct(base, 0.99) * 1000 },
  ratio: pct(ours, 0.5) / Math.max(pct(base, 0.5), 1e-6), target: '-', verdict: 'info', note: 'ratio on medians',
});
