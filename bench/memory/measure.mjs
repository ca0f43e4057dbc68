// One row of bench/memory-footprint.ts: imports the bundled steps given as a comma-separated list of
// files, runs each one's default export, GCs twice, prints the figures as one JSON line.
import { readFileSync } from 'node:fs';
for (const file of (process.argv[2] ?? '').split(',').filter(Boolean)) await (await import(file)).default();
await new Promise((r) => setTimeout(r, 100));
gc();
gc();
const mu = process.memoryUsage();
const st = readFileSync('/proc/self/status', 'utf8');
const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(st)[1]) / 1024;
const mb = (b) => b / 1048576;
console.log(JSON.stringify({ rss: mb(mu.rss), anon: kb('RssAnon'), file: kb('RssFile'), heapUsed: mb(mu.heapUsed), heapTotal: mb(mu.heapTotal) }));
process.exit(0);
