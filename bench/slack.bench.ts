// Slack door latency: a signed `/log` request through our receiver, the real Bolt App, the shared
// handler and an embedded database, timed to its HTTP ack and to its answer at response_url.
// Baseline in the same run: a bare Bolt App (its own HTTPReceiver) whose /log listener only acks.
// The servers run in a child process so the client's own event loop never delays what it measures
// (PGlite is in-process WASM: while the handler works, a same-process client could not read the ack).
// Run: npx tsx bench/slack.bench.ts [requests]
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import type { AppContext } from '../src/app/context.ts';
import { createNotifier } from '../src/app/notifier.ts';
import { createHttpServer } from '../src/http/server.ts';
import { startSlack } from '../src/bots/slack/start.ts';
import { slackSignature } from '../src/bots/slack/verify.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { createHandler } from '../src/intents/handler.ts';
import { silentLogger } from '../src/logger.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';

const N = Math.max(200, Number(process.argv[2]) || 200);
const WARMUP = 20;
const SECRET = 'bench-signing-secret';

/** A response_url endpoint that tells the bench the moment each answer arrives. */
async function responseSink(): Promise<{ url: string; next(id: string): Promise<number>; close(): Promise<void> }> {
  const waiting = new Map<string, (at: number) => void>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200).end('ok');
      waiting.get(req.url ?? '')?.(at);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    next: (id) => new Promise<number>((resolve) => waiting.set(`/r/${id}`, resolve)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function commandBody(sink: string, id: number, text: string): string {
  return new URLSearchParams({
    token: 'legacy', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'sales',
    user_id: 'UREP', user_name: 'sam', command: '/log', text, api_app_id: 'A1',
    response_url: `${sink}/r/${id}`, trigger_id: `${id}.1.bench`,
  }).toString();
}

async function signedPost(url: string, body: string): Promise<number> {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) },
    body,
  });
  await res.text();
  return res.status;
}

/** Sequential requests; returns ack and (when asked) response_url times in ms. */
async function measure(url: string, sink: Awaited<ReturnType<typeof responseSink>>, offset: number, count: number, withAnswer: boolean) {
  const ack: number[] = [];
  const answer: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = offset + i;
    const body = commandBody(sink.url, id, `Acme call: walked through pricing ${id}. next: send proposal Friday 3pm`);
    const answered = withAnswer ? sink.next(String(id)) : undefined;
    const t0 = performance.now();
    const status = await signedPost(url, body);
    const t1 = performance.now();
    if (status !== 200) throw new Error(`request ${id} answered ${status}`);
    ack.push(t1 - t0);
    if (answered) answer.push((await answered) - t0);
  }
  return { ack, answer };
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};

/** Child: the door (fake Web API, embedded database, real handler) and the bare Bolt app. */
async function serve() {
  const fake = new FakeSlack();
  await fake.start();
  fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  const db = await openDatabase({ memory: true });
  await migrate(db.raw);
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.url}/api/`, CRM_DEFAULT_TZ: 'Asia/Shanghai', PORT: '0' });
  const clock = { now: () => new Date() };
  const notifier = createNotifier(db, silentLogger);
  const ctx: AppContext = { config, db, log: silentLogger, clock, handler: createHandler({ db, clock, log: silentLogger, config, notifier }), notifier, http: createHttpServer(silentLogger) };
  const door = await startSlack(ctx, { paceMs: 0 });
  const doorPort = await ctx.http.listen(0, '127.0.0.1');
  const bare = new App({ signingSecret: SECRET, token: 'xoxb-bench', clientOptions: { slackApiUrl: `${fake.url}/api/` }, logLevel: LogLevel.ERROR });
  bare.command('/log', async ({ ack }) => ack());
  const bareServer = (await bare.start(0)) as Server;
  process.send!({ doorUrl: `http://127.0.0.1:${doorPort}/slack/events`, bareUrl: `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events` });
  process.once('message', async () => {
    const interactions = await db.prisma.interaction.count();
    await bare.stop();
    await door.stop();
    await ctx.http.close();
    await fake.stop();
    await db.close();
    process.send!({ interactions }, () => process.exit(0));
  });
}

async function main() {
  const sink = await responseSink();
  const child = fork(new URL(import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SLACK_BENCH_ROLE: 'server' } });
  const { doorUrl, bareUrl } = await new Promise<{ doorUrl: string; bareUrl: string }>((r) => child.once('message', (m) => r(m as never)));

  // The customer every /log names, created through the same door.
  const add = new URLSearchParams({ team_id: 'T1', channel_id: 'C1', user_id: 'UREP', command: '/customer', text: 'add Acme Robotics tier:A', response_url: `${sink.url}/r/add`, trigger_id: 'add.1' }).toString();
  const added = sink.next('add');
  await signedPost(doorUrl, add);
  await added;

  await measure(bareUrl, sink, 0, WARMUP, false);
  await measure(doorUrl, sink, 100_000, WARMUP, true);
  // Interleave halves so drift (GC, the database growing) touches both sides alike.
  const half = Math.ceil(N / 2);
  const b1 = await measure(bareUrl, sink, 1_000, half, false);
  const d1 = await measure(doorUrl, sink, 200_000, half, true);
  const b2 = await measure(bareUrl, sink, 2_000, N - half, false);
  const d2 = await measure(doorUrl, sink, 300_000, N - half, true);
  const bareAck = [...b1.ack, ...b2.ack];
  const doorAck = [...d1.ack, ...d2.ack];
  const doorAnswer = [...d1.answer, ...d2.answer];
  const done = new Promise<{ interactions: number }>((r) => child.once('message', (m) => r(m as never)));
  child.send('stop');
  const { interactions } = await done;

  const row = (name: string, xs: number[]) => `${name.padEnd(48)} ${q(xs, 0.5).toFixed(2).padStart(8)} ${q(xs, 0.99).toFixed(2).padStart(8)} ${(q(xs, 0.5) / q(bareAck, 0.5)).toFixed(1).padStart(7)}x`;
  console.log(`Slack /log over HTTP, ${N} sequential signed requests each (after ${WARMUP} warm-up), ms; servers in a child process`);
  console.log(`${'path'.padEnd(48)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'vs bare'.padStart(8)}`);
  console.log(row('bare Bolt app, ack only (baseline)', bareAck));
  console.log(row('our door: signed /log -> HTTP ack', doorAck));
  console.log(row('our door: signed /log -> reply at response_url', doorAnswer));
  console.log(`interactions stored: ${interactions} (expected ${N + WARMUP})`);
  if (interactions !== N + WARMUP) process.exitCode = 1;
  await sink.close();
}

if (process.env.SLACK_BENCH_ROLE === 'server') await serve();
else await main();
