// `npm run bench [-- --quick] [-- --json out.json] [name …]`: runs each bench file in its own
// process, one after the other (so one benchmark's heap and timers never disturb another's), collects
// the rows they print (`BENCH_ROW {json}`, bench/support/report.ts) and prints one table.
// A file that prints no rows (or is not there yet) still runs or is skipped; its own output follows
// the table, so nothing it measured is lost.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { ROW_PREFIX, type Row } from './support/report.ts';

// Order: the servers' scenarios first (they are the slowest and most sensitive to the machine's
// state), then the per-unit ones. Names missing from this checkout are skipped, so files from other
// branches (find, due-list) join by being merged in.
const FILES = ['start', 'slack', 'feishu', 'dates', 'grammar', 'domain', 'import', 'digest', 'reports', 'monthly', 'find', 'due-list'];

const dir = path.dirname(new URL(import.meta.url).pathname);
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) {
  console.error('--json needs a file name');
  process.exit(2);
}
const wanted = argv.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const files = FILES.filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

const rows: Row[] = [];
const other: Array<{ file: string; text: string }> = [];
const load = [loadavg()];
const started = Date.now();
let failed = 0;

function runFile(file: string): Promise<{ code: number; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, `${file}.bench.ts`)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent', BENCH_QUICK: quick ? '1' : '0' },
    });
    let text = '';
    let partial = '';
    child.stdout.on('data', (c: Buffer) => {
      const lines = (partial + c.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(ROW_PREFIX)) {
          const row = JSON.parse(line.slice(ROW_PREFIX.length)) as Row;
          rows.push(row);
          process.stderr.write(`  ${row.scenario} @${row.concurrency}: ${row.verdict}\n`);
        } else text += line + '\n';
      }
    });
    child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.on('exit', (code) => resolve({ code: code ?? 1, text: text + partial }));
  });
}

for (const file of files) {
  if (!existsSync(path.join(dir, `${file}.bench.ts`))) {
    process.stderr.write(`=== ${file}: not in this checkout, skipped\n`);
    continue;
  }
  const t0 = Date.now();
  process.stderr.write(`=== ${file} (load average ${loadavg()[0]!.toFixed(2)})\n`);
  const before = rows.length;
  const { code, text } = await runFile(file);
  process.stderr.write(`=== ${file}: ${((Date.now() - t0) / 1000).toFixed(1)} s${code ? `, exit ${code}` : ''}\n`);
  if (code) failed++;
  if (code || rows.length === before) other.push({ file, text: text.trim() });
  load.push(loadavg());
}

const num = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(d));
const head = ['scenario', 'conc', 'unit', 'ours p50', 'ours p99', 'ours /s', 'base p50', 'base p99', 'base /s', 'ratio', 'target', 'verdict'];
const body = rows.map((r) => [
  r.scenario, String(r.concurrency), r.unit, num(r.ours.p50), num(r.ours.p99), num(r.ours.tput, 0),
  num(r.baseline?.p50), num(r.baseline?.p99), num(r.baseline?.tput, 0), r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`, r.target, r.verdict,
]);
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 3 || i >= 10 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
const peak = Math.max(...load.map((l) => l[0]!));
console.log(`\nnpm run bench${quick ? ' --quick' : ''}: ${new Date(started).toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s, load average (1 min) ${load[0]![0]!.toFixed(2)} at start, peak ${peak.toFixed(2)} between files`);
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const b of body) console.log(line(b));
const notes = rows.map((r, i) => (r.note ? `  [${i + 1}] ${r.scenario} @${r.concurrency}: ${r.note}` : '')).filter(Boolean);
if (notes.length) console.log('notes (row number, top row is 1):\n' + notes.join('\n'));
for (const o of other) console.log(`\n--- ${o.file} (printed no rows${failed ? ' or failed' : ''}):\n${o.text}`);
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ started: new Date(started).toISOString(), quick, seconds: (Date.now() - started) / 1000, loadavg: load, rows, other }, null, 2));
  console.log(`\nwritten: ${jsonFile}`);
}
process.exit(failed ? 1 : 0);
