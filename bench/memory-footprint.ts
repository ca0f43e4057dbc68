// Fixed footprint by module: a fresh node process imports the first k steps (bench/memory/step-*.ts,
// each loading one package and touching it the way the CRM does), runs two full GCs, and reports RSS,
// anonymous and file-backed RSS, and V8 heap used/total; median of 3 processes per row. Steps are bundled
// with esbuild (packages external) into node_modules/.cache/memsteps, so no TypeScript loader sits in
// the figures. Prisma's step opens a client on PostgreSQL and runs one query (its WASM compiles then).
// Run: npx tsx bench/memory-footprint.ts   (DB=postgresql://… a migrated database; default: a fresh one)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { freshStore, root } from './support/servers.ts';

const out = path.join(root, 'node_modules/.cache/memsteps');
const rows: Array<[string, string[], string[]]> = [
  ['bare node', [], []],
  ['+ pino', ['pino'], []],
  ['+ prom-client (default metrics)', ['pino', 'prom'], []],
  ['+ zod', ['pino', 'prom', 'zod'], []],
  ['+ Prisma client + pg, one query', ['pino', 'prom', 'zod', 'prisma'], []],
  ['  same, --liftoff-only', ['pino', 'prom', 'zod', 'prisma'], ['--liftoff-only']],
  ['+ chrono-node (root: every locale)', ['pino', 'prom', 'zod', 'prisma', 'chrono'], ['--liftoff-only']],
  ['+ chrono-node en + zh/hans only', ['pino', 'prom', 'zod', 'prisma', 'chronosub'], ['--liftoff-only']],
  ['+ @slack/bolt App', ['pino', 'prom', 'zod', 'prisma', 'chronosub', 'bolt'], ['--liftoff-only']],
  ['+ node-schedule', ['pino', 'prom', 'zod', 'prisma', 'chronosub', 'bolt', 'schedule'], ['--liftoff-only']],
  ['+ @resvg/resvg-js (now loaded on first chart)', ['pino', 'prom', 'zod', 'prisma', 'chronosub', 'bolt', 'schedule', 'resvg'], ['--liftoff-only']],
];
const steps = [...new Set(rows.flatMap((r) => r[1]))];
await build({ entryPoints: steps.map((s) => path.join(root, `bench/memory/step-${s}.ts`)), bundle: true, format: 'esm', platform: 'node', packages: 'external', outdir: out, outExtension: { '.js': '.mjs' }, logLevel: 'error' });
let store: Awaited<ReturnType<typeof freshStore>> | undefined;
let db = process.env.DB;
if (!db) {
  store = await freshStore('postgres');
  db = store.env.DATABASE_URL!;
  spawnSync(process.execPath, [path.join(root, 'bin/crm.js'), 'migrate'], { env: { ...process.env, DATABASE_URL: db }, stdio: 'ignore' });
}
try {
  console.log('| step | RSS MB | anon | file | heap used | heap total |\n|---|---|---|---|---|---|');
  for (const [label, use, flags] of rows) {
    const runs = [0, 1, 2].map(() => {
      const r = spawnSync(process.execPath, ['--expose-gc', ...flags, path.join(root, 'bench/memory/measure.mjs'), use.map((s) => path.join(out, `step-${s}.mjs`)).join(',')], { env: { ...process.env, DB: db }, encoding: 'utf8' });
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
    });
    const med = (k: string) => runs.map((r) => r[k]!).sort((a, b) => a - b)[1]!.toFixed(1);
    console.log(`| ${label} | ${med('rss')} | ${med('anon')} | ${med('file')} | ${med('heapUsed')} | ${med('heapTotal')} |`);
  }
} finally {
  await store?.drop();
}
