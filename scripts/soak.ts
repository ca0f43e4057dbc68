// npm run soak [-- --minutes N]: three replicas (`crm start`, Slack over HTTP) on a scratch
// PostgreSQL database, mixed traffic from the fake Slack with duplicates to other replicas,
// injected 5xx, hangs and resets, one replica killed with SIGKILL and restarted mid-run; then a
// consistency check. Not part of `npm test`: it runs for minutes.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { command, scratchDatabase, startReplica, waitFor, type Replica } from '../test/fault/replicas.ts';

const arg = process.argv.indexOf('--minutes');
const minutes = arg > 0 ? Number(process.argv[arg + 1]) : 10;
if (!(minutes > 0)) throw new Error('--minutes must be a positive number');

const rss = (r: Replica) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${r.child.pid}/status`, 'utf8'));
    return m ? `${Math.round(Number(m[1]) / 1024)} MB` : '?';
  } catch {
    return 'gone';
  }
};
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

const fake = new FakeSlack();
await fake.start();
const db = await scratchDatabase();
const env = { DATABASE_URL: db.url, SLACK_API_URL: `${fake.url}/api/`, CRM_OUTBOX_LEASE_MS: '3000', CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TZ: 'Asia/Shanghai' };
const users = ['UADMIN', 'UMGR', 'UREP1', 'UREP2', 'UREP3'];
for (const u of users) fake.users.set(u, { real_name: u, tz: 'Asia/Shanghai', locale: u === 'UREP2' ? 'zh-CN' : 'en-US' });

const replicas: Replica[] = [await startReplica(env), await startReplica(env), await startReplica(env)];
const rssStart = replicas.map(rss);
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();

const sent = new Map<string, { at: number; kind: string }>();
const acks: number[] = [];
let requests = 0;
let errors = 0;
const at = (url: string) => fake.responses.filter((r) => r.url === url);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const live = () => replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);

async function send(c: { body: string; responseUrl: string }, kind: string, to = pick(live())) {
  requests++;
  const t0 = Date.now();
  try {
    const status = await to.post(c.body);
    acks.push(Date.now() - t0);
    if (status !== 200) errors++;
    else if (!sent.has(c.responseUrl)) sent.set(c.responseUrl, { at: t0, kind });
  } catch {
    errors++; // the replica was killed under this request: Slack would show the user a timeout
  }
}

// Set-up: a manager and a customer.
for (const u of users) await send(command(fake.url, u, '/crm', 'whoami'), 'setup');
await send(command(fake.url, 'UADMIN', '/crm', 'role <@UMGR|mgr> manager'), 'setup');
await send(command(fake.url, 'UREP1', '/customer', 'add Globex tier:B'), 'setup');
await waitFor('set-up answers', () => [...sent.keys()].every((u) => at(u).length > 0), 120_000);

const end = Date.now() + minutes * 60_000;
let killed = false;
let n = 0;
const recent: Array<{ body: string; responseUrl: string }> = [];
while (Date.now() < end) {
  n++;
  const rep = pick(['UREP1', 'UREP2', 'UREP3']);
  const roll = Math.random();
  if (roll < 0.55) {
    const c = command(fake.url, rep, '/log', `Globex call: soak ${n}`);
    recent.push(c);
    await send(c, 'log');
  } else if (roll < 0.7 && recent.length) {
    await send(pick(recent.slice(-20)), 'duplicate'); // a retry or double click, to any replica
  } else if (roll < 0.8) {
    await send(command(fake.url, rep, '/quote', `new Globex ${1 + (n % 9)} x Widget @ 250`), 'quote');
  } else if (roll < 0.9) {
    const [q] = (await sql.query(`SELECT "id" FROM "Quote" WHERE "status" = 'draft' ORDER BY random() LIMIT 1`)).rows;
    if (q) await send(command(fake.url, 'UREP1', '/quote', `submit ${q.id}`), 'submit');
  } else {
    const [q] = (await sql.query(`SELECT "id" FROM "Quote" WHERE "status" = 'pending' ORDER BY random() LIMIT 1`)).rows;
    // Two managers' clicks at once on different replicas: one decision.
    if (q) await Promise.all([send(command(fake.url, 'UMGR', '/quote', `approve ${q.id}`), 'decide', replicas[0]), send(command(fake.url, 'UADMIN', '/quote', `reject ${q.id} too low`), 'decide', live().at(-1))]);
  }
  if (n % 40 === 0) fake.fail(pick(['chat.postMessage', 'respond']), pick(['status500', 'reset', 'processed-reset', 'hang']), 1 + (n % 3));
  if (!killed && Date.now() > end - (minutes * 60_000) / 2) {
    killed = true;
    const victim = replicas[1]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    replicas[1] = await startReplica(env);
  }
  await new Promise((r) => setTimeout(r, 25));
}

const settleStart = Date.now();
await waitFor('every accepted command answered', () => [...sent.keys()].every((u) => at(u).length > 0), 180_000).catch((e) => console.log(String(e)));
const replies: number[] = [];
for (const [url, s] of sent) {
  const first = fake.responses.find((r) => r.url === url);
  if (first?.at) replies.push(first.at - s.at);
}
const rssEnd = replicas.map(rss);
for (const r of live()) r.child.kill('SIGTERM');
await Promise.all(replicas.map((r) => r.exited));

const q = async (text: string) => Number((await sql.query(text)).rows[0]!.n);
const logs = [...sent.entries()].filter(([, s]) => s.kind === 'log');
const interactions = await q(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE 'soak %'`);
const distinctSummaries = await q(`SELECT count(DISTINCT "summary") AS n FROM "Interaction" WHERE "summary" LIKE 'soak %'`);
const answeredTwice = [...sent.keys()].filter((u) => at(u).length > 1).length;
const unanswered = [...sent.keys()].filter((u) => at(u).length === 0).length;
const unsent = await q(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent'`);
const twoDecisions = await q(`SELECT count(*) AS n FROM (SELECT "entityId" FROM "AuditEvent" WHERE "entity" = 'quote' AND "action" IN ('approve', 'reject', 'approved', 'rejected', 'decide') GROUP BY "entityId" HAVING count(*) > 1) d`);
const admins = await q(`SELECT count(*) AS n FROM "User" WHERE "role" = 'admin' AND "active"`);
const cards = fake.posts().map((p) => JSON.stringify((p.args.metadata as { event_payload?: { dedup?: string } })?.event_payload?.dedup ?? p.args.ts));
const dupCards = cards.length - new Set(cards).size;

console.log(`soak: ${minutes} min, 3 replicas, one SIGKILLed and restarted mid-run`);
console.log(`requests ${requests}, errors ${errors} (non-200 or connection cut by the kill)`);
console.log(`ack p50 ${pct(acks, 50)} ms, p99 ${pct(acks, 99)} ms; reply p50 ${pct(replies, 50)} ms, p99 ${pct(replies, 99)} ms; answers settled ${Date.now() - settleStart} ms after traffic stopped`);
console.log(`RSS per replica at start ${rssStart.join(', ')}; at end ${rssEnd.join(', ')}`);
console.log(`accepted /log commands ${logs.length}, interactions stored ${interactions} (distinct ${distinctSummaries})`);
console.log(`accepted commands ${sent.size}: answered twice ${answeredTwice}, unanswered ${unanswered}; outbox rows not sent ${unsent}; posts with a repeated dedup key ${dupCards}`);
console.log(`quotes with two decisions ${twoDecisions}; admins ${admins}`);
const ok = interactions === distinctSummaries && answeredTwice === 0 && unanswered === 0 && unsent === 0 && twoDecisions === 0 && admins >= 1 && dupCards === 0;
console.log(ok ? 'consistency: OK' : 'consistency: FAILED');
await sql.end();
await fake.stop();
await db.drop();
process.exit(ok ? 0 : 1);
