// Top frames of a V8 .cpuprofile (from `node --cpu-prof`, or BENCH_CPU_PROF=<dir> for the bench's
// server children): self time by function and by package, so a profile reads in a few lines.
// Run: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg) || 15;
const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  // bin/crm.js runs a bundle of src/ from node_modules/.cache/crm: that is our own code.
  if (m) return m[1] === '.cache' ? 'src (bundled by bin/crm.js)' : m[1]!;
  if (url.startsWith('node:')) return 'node';
  const s = /\/(src|bench|test)\/((?:(?!\/(?:src|bench|test)\/).)*)$/.exec(url);
  return s ? `${s[1]}/${s[2]!.split('/').slice(0, 2).join('/')}` : url.split('/').slice(-2).join('/');
}
const fnTime = new Map<string, number>();
const pkgTime = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const name = n.callFrame.functionName || '(anonymous)';
  const w = where(n.callFrame.url);
  const key = `${name}  ${w}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  fnTime.set(key, (fnTime.get(key) ?? 0) + t);
  pkgTime.set(w, (pkgTime.get(w) ?? 0) + t);
}
const pctOf = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log('top functions (self time):');
for (const [k, t] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pctOf(t)}  ${k}`);
console.log('by package / source area (self time):');
for (const [k, t] of [...pkgTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pctOf(t)}  ${k}`);
