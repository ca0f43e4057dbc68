// Memory A/B: several `crm start` servers side by side (one per variant: environment and node flags),
// /log at 100 concurrent in batches interleaved across them, so machine load touches all alike; prints
// each one's RSS when ready and after each batch, V8 heap total/used (from /metrics) and CPU per /log.
// Run: VARIANTS='base|CRM_V8_FLAGS=|;ours||' [PER=300] [BATCHES=3] [ENGINE=postgres|pglite] npx tsx bench/memory-ab.ts
// (a variant is name|ENV=v ENV2=v|node flags; variants are separated by ';').
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slackSignature } from '../src/bots/slack/verify.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { drive, post, responseSink } from './support/load.ts';
import { freePort, freshStore, root, waitFor, type Engine } from './support/servers.ts';

const SECRET = 'bench-signing-secret';
const engine = (process.env.ENGINE ?? 'postgres') as Engine;
const per = Number(process.env.PER ?? 300);
const batches = Number(process.env.BATCHES ?? 3);
const variants = (process.env.VARIANTS ?? 'base||').split(';').map((v) => {
  const [name, envs, flags] = v.split('|');
  return { name: name!, env: Object.fromEntries((envs ?? '').split(' ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])), flags: (flags ?? '').split(' ').filter(Boolean) };
});
const fake = new FakeSlack();
await fake.start();
fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
const sink = await responseSink();
const base: Record<string, string> = {};
for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(DATABASE_URL|CRM_|SLACK_|FEISHU_|PORT$|NODE_OPTIONS$|VARIANTS|PER|BATCHES|ENGINE|MALLOC)/.test(k)) base[k] = v;
let seq = 0;
function cmd(command: string, text: string) {
  const id = ++seq;
  const body = new URLSearchParams({ token: 'l', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'sales', user_id: 'UREP', user_name: 'sam', command, text, api_app_id: 'A1', response_url: `${sink.url}/r/${id}`, trigger_id: `${id}.1.b` }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  return { id, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) } };
}
const servers = [];
for (const v of variants) {
  const store = await freshStore(engine);
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...v.flags, path.join(root, 'bin/crm.js'), 'start'], {
    cwd: root,
    env: { ...base, LOG_LEVEL: 'warn', CRM_DEFAULT_TZ: 'Asia/Shanghai', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.url}/api/`, ...store.env, ...v.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  proc.stdout!.resume();
  const readyMs = await waitFor(`http://127.0.0.1:${port}/readyz`, t0, proc);
  const s = { ...v, store, port, proc, readyMs, rss: [] as number[], heap: [] as string[], cpu: [] as number[], idle: 0, reply: [] as number[] };
  servers.push(s);
}
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const cpuOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
async function heap(port: number) {
  const m = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const g = (re: RegExp) => (Number(re.exec(m)?.[1] ?? NaN) / 1048576).toFixed(0);
  return `${g(/nodejs_heap_size_total_bytes (\d+)/)}/${g(/nodejs_heap_size_used_bytes (\d+)/)}`;
}
try {
  for (const s of servers) {
    s.idle = rssOf(s.proc.pid!);
    const url = `http://127.0.0.1:${s.port}/slack/events`;
    const add = cmd('/customer', 'add Acme Robotics tier:A');
    const added = sink.next(String(add.id));
    await post(url, add.body, add.headers);
    await added;
  }
  for (let k = 0; k < batches; k++) {
    for (const s of servers) {
      const url = `http://127.0.0.1:${s.port}/slack/events`;
      const c0 = cpuOf(s.proc.pid!);
      await drive(per, 100, async () => {
        const c = cmd('/log', `Acme call: walked through pricing ${seq}. next: send proposal Friday 3pm`);
        const replied = sink.next(String(c.id));
        const t = performance.now();
        const st = await post(url, c.body, c.headers);
        const at = await replied;
        if (st === 200 && !Number.isNaN(at)) s.reply.push(at - t);
      });
      s.cpu.push((cpuOf(s.proc.pid!) - c0) / per);
      s.rss.push(rssOf(s.proc.pid!));
      s.heap.push(await heap(s.port));
    }
  }
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const s of servers) {
    console.log(`${s.name.padEnd(14)} ready ${s.readyMs.toFixed(0).padStart(5)} ms idle ${s.idle.toFixed(0)} MB  rss ${s.rss.map((r) => r.toFixed(0)).join(' / ')}  heap tot/used ${s.heap.join(' ')}  cpu/log ${s.cpu.map((c) => c.toFixed(2)).join(' ')} (mean ${(s.cpu.reduce((a, b) => a + b) / s.cpu.length).toFixed(2)})  reply p50 ${p50(s.reply).toFixed(0)} ms  ok ${s.reply.length}/${per * batches}`);
  }
} finally {
  for (const s of servers) {
    s.proc.kill('SIGTERM');
    await new Promise((r) => s.proc.once('exit', r));
    await s.store.drop();
  }
  await sink.close();
  await fake.stop();
}
