// The full Slack `/log` path under load: a signed slash command → our HTTP ack → the transaction →
// the reply at response_url, against a bare Bolt app that acks and responds, at 1, 20 and 100
// concurrent users, on PostgreSQL and on PGlite. Servers are child processes (`crm start`, the real
// entry, with Slack HTTP credentials pointing at a fake Slack on loopback); this process is only the
// load generator. Rounds interleave baseline and ours after a warm-up. Also: server CPU per command
// (from /proc/<pid>/stat) and RSS across three batches of /log at 100 concurrent.
// Run: npx tsx bench/slack.bench.ts [postgres|pglite]   (BENCH_QUICK=1 for the reduced run)
import { slackSignature } from '../src/bots/slack/verify.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { drive, post, responseSink, type Sink } from './support/load.ts';
import { emit, pct, quick, verdict } from './support/report.ts';
import { freshStore, startBare, startCrm, type Child, type Engine } from './support/servers.ts';

const SECRET = 'bench-signing-secret';
const CONCURRENCY = [1, 20, 100];
const ROUNDS = 2;
const BATCH: Record<number, number> = quick ? { 1: 25, 20: 100, 100: 200 } : { 1: 100, 20: 600, 100: 1000 };
const WARMUP = quick ? 60 : 300;
const RSS_TOTAL = quick ? 900 : 10_000;
const engines = (process.argv.slice(2).filter((a) => a === 'postgres' || a === 'pglite') as Engine[]).concat();
if (engines.length === 0) engines.push('postgres', 'pglite');

let seq = 0;
/** Why requests failed, by HTTP status (0: connection error, -1: timed out) or 'no reply'. */
const failures = new Map<string, number>();
const failureNote = () => (failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : '');
function signedCommand(sink: string, id: number, command: string, text: string) {
  const body = new URLSearchParams({
    token: 'legacy', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'sales', user_id: 'UREP', user_name: 'sam',
    command, text, api_app_id: 'A1', response_url: `${sink}/r/${id}`, trigger_id: `${id}.1.bench`,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) } };
}

interface Batch {
  ack: number[];
  reply: number[];
  failed: number;
  wallMs: number;
  cpuMs: number;
  n: number;
}

/** n `/log` commands at `concurrency`, each user waiting for its reply before the next. */
async function batch(server: Child, sink: Sink, n: number, concurrency: number): Promise<Batch> {
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  const ack: number[] = [];
  const reply: number[] = [];
  let failed = 0;
  const busy0 = sink.busy;
  const cpu0 = server.cpuMs();
  const wallMs = await drive(n, concurrency, async () => {
    const id = ++seq;
    const { body, headers } = signedCommand(sink.url, id, '/log', `Acme call: walked through pricing ${id}. next: send proposal Friday 3pm`);
    const replied = sink.next(String(id));
    const t0 = performance.now();
    const status = await post(url, body, headers);
    const t1 = performance.now();
    if (status !== 200) {
      failed++;
      failures.set(String(status), (failures.get(String(status)) ?? 0) + 1);
      return;
    }
    ack.push(t1 - t0);
    const at = await replied;
    if (Number.isNaN(at)) {
      failed++;
      failures.set('no reply', (failures.get('no reply') ?? 0) + 1);
    }
    else reply.push(at - t0);
  });
  // A reply saying "too busy, nothing changed" is a command that failed, however fast it came.
  const busy = sink.busy - busy0;
  if (busy) failures.set('busy', (failures.get('busy') ?? 0) + busy);
  return { ack, reply, failed: failed + busy, wallMs, cpuMs: server.cpuMs() - cpu0, n };
}

const merge = (bs: Batch[]): Batch => ({
  ack: bs.flatMap((b) => b.ack),
  reply: bs.flatMap((b) => b.reply),
  failed: bs.reduce((a, b) => a + b.failed, 0),
  wallMs: bs.reduce((a, b) => a + b.wallMs, 0),
  cpuMs: bs.reduce((a, b) => a + b.cpuMs, 0),
  n: bs.reduce((a, b) => a + b.n, 0),
});

async function onEngine(engine: Engine): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  const sink = await responseSink();
  const store = await freshStore(engine);
  const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.url}/api/` };
  const ours = await startCrm({ ...slackEnv, ...store.env }, `crm-slack-${engine}`);
  const bare = await startBare('bare-bolt.mjs', slackEnv);
  try {
    // The customer every /log names, created through the same door.
    const add = signedCommand(sink.url, ++seq, '/customer', 'add Acme Robotics tier:A');
    const added = sink.next(String(seq));
    if ((await post(`http://127.0.0.1:${ours.port}/slack/events`, add.body, add.headers)) !== 200 || Number.isNaN(await added)) throw new Error('could not add the customer');
    await batch(bare, sink, WARMUP, 20);
    await batch(ours, sink, WARMUP, 20);
    failures.clear();

    const cpu: { ours: Batch[]; bare: Batch[] } = { ours: [], bare: [] };
    for (const c of CONCURRENCY) {
      const o: Batch[] = [];
      const b: Batch[] = [];
      // Interleaved rounds: drift (GC, the tables growing, other load) touches both sides alike.
      for (let r = 0; r < ROUNDS; r++) {
        b.push(await batch(bare, sink, BATCH[c]!, c));
        o.push(await batch(ours, sink, BATCH[c]!, c));
      }
      const mo = merge(o);
      const mb = merge(b);
      cpu.ours.push(mo);
      cpu.bare.push(mb);
      const ackRatio = pct(mo.ack, 99) / pct(mb.ack, 99);
      const failNote = `${mo.failed}/${mo.n} failed, bare ${mb.failed}${failureNote()}`;
      failures.clear();
      emit({
        scenario: `slack /log ack [${engine}]`, concurrency: c, unit: 'ms',
        ours: { p50: pct(mo.ack, 50), p99: pct(mo.ack, 99), tput: (mo.n * 1000) / mo.wallMs },
        baseline: { name: 'bare Bolt', p50: pct(mb.ack, 50), p99: pct(mb.ack, 99), tput: (mb.n * 1000) / mb.wallMs },
        ratio: ackRatio, target: 'p99 ≤ 1.5× bare, 0 failed', verdict: verdict(ackRatio <= 1.5 && mo.failed === 0), note: failNote,
      });
      const tput = (mo.n * 1000) / mo.wallMs;
      const target = engine === 'postgres' && c === 20 ? '≥ 1000/s' : engine === 'postgres' && c === 100 ? 'p99 < 300 ms' : '-';
      const ok = target === '≥ 1000/s' ? tput >= 1000 : target === 'p99 < 300 ms' ? pct(mo.reply, 99) < 300 : undefined;
      emit({
        scenario: `slack /log reply [${engine}]`, concurrency: c, unit: 'ms',
        ours: { p50: pct(mo.reply, 50), p99: pct(mo.reply, 99), tput },
        baseline: { name: 'bare Bolt', p50: pct(mb.reply, 50), p99: pct(mb.reply, 99), tput: (mb.n * 1000) / mb.wallMs },
        ratio: target === '≥ 1000/s' ? (mb.n * 1000) / mb.wallMs / tput : pct(mo.reply, 99) / pct(mb.reply, 99),
        target, verdict: ok === undefined ? 'info' : verdict(ok), note: target === '≥ 1000/s' ? 'ratio: bare throughput / ours' : failNote,
      });
    }
    const co = merge(cpu.ours);
    const cb = merge(cpu.bare);
    const perOurs = co.cpuMs / co.n;
    const perBare = cb.cpuMs / cb.n;
    emit({
      scenario: `server CPU per /log [${engine}]`, concurrency: 'all', unit: 'ms CPU',
      ours: { p50: perOurs }, baseline: { name: 'bare Bolt', p50: perBare }, ratio: perOurs / perBare,
      target: engine === 'postgres' ? '≤ 1.5 ms' : '-', verdict: engine === 'postgres' ? verdict(perOurs <= 1.5) : 'info',
      note: `utime+stime of the server process over ${co.n} commands`,
    });

    // Memory: three equal batches at 100 concurrent; RSS after each must stay flat.
    const per = Math.ceil(RSS_TOTAL / 3);
    const rss: number[] = [];
    const bareRss: number[] = [];
    let failed = 0;
    for (let k = 0; k < 3; k++) {
      failed += (await batch(bare, sink, per, 100)).failed;
      bareRss.push(bare.rssMb());
      failed += (await batch(ours, sink, per, 100)).failed;
      rss.push(ours.rssMb());
    }
    const flat = Math.max(...rss) - rss[0]! <= Math.max(20, rss[0]! * 0.1);
    emit({
      scenario: `RSS after ${per * 3} /log [${engine}]`, concurrency: 100, unit: 'MB',
      ours: { p50: rss[2] }, baseline: { name: 'bare Bolt', p50: bareRss[2] }, ratio: rss[2]! / bareRss[2]!,
      target: engine === 'postgres' ? '< 200 MB, flat' : 'flat', verdict: verdict(flat && (engine !== 'postgres' || rss[2]! < 200)),
      note: `after each batch: ${rss.map((r) => r.toFixed(0)).join(' / ')} MB (bare ${bareRss.map((r) => r.toFixed(0)).join(' / ')}); ${failed} failed`,
    });
  } finally {
    await ours.stop();
    await bare.stop();
    await sink.close();
    await fake.stop();
    await store.drop();
  }
}

for (const engine of engines) await onEngine(engine);
