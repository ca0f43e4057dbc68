// npm run soak [-- --minutes N]: three replicas (`crm start`, Slack over HTTP and Feishu's webhook on
// one port) on a scratch PostgreSQL database; mixed traffic from the fake Slack and the fake Feishu
// with redeliveries to other replicas, double clicks, injected 5xx, hangs and resets on both
// platforms, one replica killed with SIGKILL and restarted mid-run; then a consistency check. Not
// part of `npm test`: it runs for minutes.
//
// What counts as accepted: a request whose HTTP acknowledgement the client received. The doors
// acknowledge once the command is committed (src/bots/ack.ts), so a request cut by the kill was
// never acknowledged: Slack shows that person a failure (it does not retry commands) and Feishu
// delivers the event again (the soak does, as Feishu would). Those are counted as errors, not as
// accepted commands owed an answer.
//
// Answers: a response_url has no dedup key; when it processed a post and then dropped the
// connection, the answer is sent again (at least once on that one path, by design, see
// src/bots/slack/respond.ts). Such repeats are reported apart; any other repeat is a failure.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { FakeFeishu, type FeishuFault } from '../test/support/fake-feishu.ts';
import { FakeSlack, type FaultMode } from '../test/support/fake-slack.ts';
import { feishuClick, feishuEnv, feishuMessage, postFeishu } from '../test/fault/feishu.ts';
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
const NOTHING_CHANGED = /nothing was changed|没有做任何修改/;

const slack = new FakeSlack();
const feishu = new FakeFeishu();
await slack.start();
await feishu.start();
const db = await scratchDatabase();
const env = { DATABASE_URL: db.url, SLACK_API_URL: `${slack.url}/api/`, ...feishuEnv(feishu.url), CRM_OUTBOX_LEASE_MS: '3000', CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TZ: 'Asia/Shanghai' };
const users = ['UADMIN', 'UMGR', 'UREP1', 'UREP2', 'UREP3'];
for (const u of users) slack.users.set(u, { real_name: u, tz: 'Asia/Shanghai', locale: u === 'UREP2' ? 'zh-CN' : 'en-US' });
const feishuReps = ['ou_f1', 'ou_f2'];
feishu.users.set('ou_f1', { name: '李雷', time_zone: 'Asia/Shanghai' });
feishu.users.set('ou_f2', { name: '韩梅梅', time_zone: 'Asia/Shanghai' });

const replicas: Replica[] = [await startReplica(env), await startReplica(env), await startReplica(env)];
const rssStart = replicas.map(rss);
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();

const sent = new Map<string, { at: number; kind: string }>();
const feishuSent = new Map<string, { at: number; kind: string; chatId: string }>();
const acks: number[] = [];
let requests = 0;
let errors = 0;
let feishuRedelivered = 0;
const at = (url: string) => slack.responses.filter((r) => r.url === url);
const finalAt = (url: string) => at(url).filter((r) => !NOTHING_CHANGED.test(JSON.stringify(r.body)));
// The answer from the outbox carries the reply row's key as uuid; a "try again" sent by the door, the event's.
const replyTo = (eventId: string) => feishu.sent.filter((s) => s.uuid === `feishu:evt:${eventId}:reply` || s.uuid === `evt:${eventId}`);
const CUSTOMER: Record<string, string> = { ou_f1: '海天科技', ou_f2: '星河贸易' };
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
    errors++; // cut by the kill before the command committed: never acknowledged
  }
}

/** One Feishu event delivery; an unacknowledged one is delivered again, as Feishu does. */
async function deliverFeishu(m: { body: object; eventId: string; chatId?: string }, kind: string, to = pick(live())): Promise<boolean> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    requests++;
    const t0 = Date.now();
    try {
      const status = await postFeishu(to.port, m.body);
      acks.push(Date.now() - t0);
      if (status === 200) {
        if (m.chatId && !feishuSent.has(m.eventId)) feishuSent.set(m.eventId, { at: t0, kind, chatId: m.chatId });
        return true;
      }
      errors++;
    } catch {
      errors++;
    }
    feishuRedelivered++;
    await new Promise((r) => setTimeout(r, 500)); // Feishu waits 15 s before its first retry; the soak, less
    to = pick(live());
  }
  return false;
}

// Set-up: a manager and a customer on each door.
for (const u of users) await send(command(slack.url, u, '/crm', 'whoami'), 'setup');
await send(command(slack.url, 'UADMIN', '/crm', 'role <@UMGR|mgr> manager'), 'setup');
const SLACK_CUSTOMER: Record<string, string> = { UREP1: 'Globex', UREP2: 'Initech', UREP3: 'Umbrella' };
for (const [rep, name] of Object.entries(SLACK_CUSTOMER)) await send(command(slack.url, rep, '/customer', `add ${name} tier:B`), 'setup');
for (const f of feishuReps) await deliverFeishu(feishuMessage(f, `/customer add ${CUSTOMER[f]} 等级:A`), 'setup');
await waitFor('set-up answers', () => [...sent.keys()].every((u) => at(u).length > 0) && [...feishuSent.keys()].every((e) => replyTo(e).length > 0), 120_000);

const end = Date.now() + minutes * 60_000;
let killed = false;
let n = 0;
const recent: Array<{ body: string; responseUrl: string }> = [];
const recentFeishu: Array<ReturnType<typeof feishuMessage>> = [];
const clickedTasks = new Set<number>();
while (Date.now() < end) {
  n++;
  const roll = Math.random();
  if (roll < 0.3) {
    const f = pick(feishuReps);
    const kindRoll = Math.random();
    if (kindRoll < 0.6) {
      const m = feishuMessage(f, `/log ${CUSTOMER[f]} 电话：soak-f ${n}。下一步：明天回访`);
      recentFeishu.push(m);
      await deliverFeishu(m, 'feishu-log');
    } else if (kindRoll < 0.85 && recentFeishu.length) {
      await deliverFeishu(pick(recentFeishu.slice(-20)), 'feishu-redelivery'); // Feishu's retry, to any replica
    } else {
      // A double click on a card's Done button: two events, one action, at two replicas at once.
      const card = [...feishu.sent].reverse().find((s) => s.receiveId === `oc_${f}` && JSON.stringify(s.card).includes('"task.done"'));
      const value = card && findAction(card.card, 'task.done');
      if (card && value) {
        clickedTasks.add(Number(value.id));
        const [a, b] = live();
        await Promise.all([deliverFeishu(feishuClick(f, value, card.messageId), 'click', a), deliverFeishu(feishuClick(f, value, card.messageId), 'click', b ?? a)]);
      }
    }
  } else {
    const rep = pick(['UREP1', 'UREP2', 'UREP3']);
    const r = Math.random();
    if (r < 0.55) {
      const c = command(slack.url, rep, '/log', `${SLACK_CUSTOMER[rep]} call: soak ${n}`);
      recent.push(c);
      await send(c, 'log');
    } else if (r < 0.7 && recent.length) {
      await send(pick(recent.slice(-20)), 'duplicate'); // the same delivery twice, to any replica
    } else if (r < 0.8) {
      await send(command(slack.url, rep, '/quote', `new ${SLACK_CUSTOMER[rep]} ${1 + (n % 9)} x Widget @ 250`), 'quote');
    } else if (r < 0.9) {
      // Its author submits it.
      const [q] = (await sql.query(`SELECT q."id", i."externalId" AS rep FROM "Quote" q JOIN "Identity" i ON i."userId" = q."authorId" AND i."platform" = 'slack' WHERE q."status" = 'draft' ORDER BY random() LIMIT 1`)).rows;
      if (q) await send(command(slack.url, q.rep, '/quote', `submit ${q.id}`), 'submit');
    } else {
      const [q] = (await sql.query(`SELECT "id" FROM "Quote" WHERE "status" = 'pending' ORDER BY random() LIMIT 1`)).rows;
      // Two managers' clicks at once on different replicas: one decision.
      if (q) await Promise.all([send(command(slack.url, 'UMGR', '/quote', `approve ${q.id}`), 'decide', replicas[0]), send(command(slack.url, 'UADMIN', '/quote', `reject ${q.id} too low`), 'decide', live().at(-1))]);
    }
  }
  if (n % 40 === 0) slack.fail(pick(['chat.postMessage', 'respond']), pick<FaultMode>(['status500', 'reset', 'processed-reset', 'hang']), 1 + (n % 3));
  if (n % 40 === 20) feishu.fail(pick<FeishuFault>(['status500', 'reset', 'processed-reset', 'hang']), 1 + (n % 3));
  if (!killed && Date.now() > end - (minutes * 60_000) / 2) {
    killed = true;
    // Killed with requests in flight on both doors: the ones it acknowledged were committed, and
    // their answers are left in the outbox for the other replicas; the rest were never acknowledged.
    const victim = replicas[1]!;
    const inFlight = [
      ...Array.from({ length: 4 }, (_, i) => send(command(slack.url, 'UREP1', '/log', `Globex call: soak ${n}-kill-${i}`), 'log', victim)),
      ...feishuReps.map((f) => deliverFeishu(feishuMessage(f, `/log ${CUSTOMER[f]} 电话：soak-f ${n}${f.slice(-1)}99。下一步：明天回访`), 'feishu-log', victim)),
    ];
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 80));
    victim.child.kill('SIGKILL');
    await victim.exited;
    await Promise.all(inFlight);
    replicas[1] = await startReplica(env);
  }
  await new Promise((r) => setTimeout(r, 25));
}

const settleStart = Date.now();
await waitFor('every accepted command answered', () => [...sent.keys()].every((u) => at(u).length > 0) && [...feishuSent.keys()].every((e) => replyTo(e).length > 0), 180_000).catch((e) => console.log(String(e)));
// Owed messages still in their retry backoff (a hang or 5xx injected late) go out within minutes.
// A notice put off to its recipient's working hours (quiet hours: nights and days off by default)
// is owed later, not lost: untried, unleased, due after now; counted apart.
const DEFERRED = `"status" = 'pending' AND "attempts" = 0 AND "leasedBy" IS NULL AND "dueAt" > now() AT TIME ZONE 'UTC'`;
await waitFor('every owed message sent', async () => Number((await sql.query(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent' AND NOT (${DEFERRED})`)).rows[0].n) === 0, 240_000).catch((e) => console.log(String(e)));
const replies: number[] = [];
for (const [url, s] of sent) {
  const first = slack.responses.find((r) => r.url === url);
  if (first?.at) replies.push(first.at - s.at);
}
for (const [eventId, s] of feishuSent) {
  const first = replyTo(eventId)[0];
  if (first?.at) replies.push(first.at - s.at);
}
const rssEnd = replicas.map(rss);
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
for (const r of live()) r.child.kill('SIGTERM');
await Promise.all(replicas.map((r) => r.exited));

const q = async (text: string, params: unknown[] = []) => Number((await sql.query(text, params)).rows[0]!.n);
const logs = [...sent.entries()].filter(([, s]) => s.kind === 'log');
const interactions = await q(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE 'soak %'`);
const distinctSummaries = await q(`SELECT count(DISTINCT "summary") AS n FROM "Interaction" WHERE "summary" LIKE 'soak %'`);
const feishuLogs = [...feishuSent.values()].filter((s) => s.kind === 'feishu-log').length;
const feishuInteractions = await q(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%soak-f %'`);
const feishuDistinct = await q(`SELECT count(DISTINCT substring("summary" from 'soak-f [0-9]+')) AS n FROM "Interaction" WHERE "summary" LIKE '%soak-f %'`);
const repeated = [...sent.keys()].filter((u) => finalAt(u).length > 1);
const repeatedAmbiguous = repeated.filter((u) => slack.ambiguous.has(u)).length;
const answeredTwice = repeated.length - repeatedAmbiguous;
const unanswered = [...sent.keys()].filter((u) => at(u).length === 0).length;
const feishuUnanswered = [...feishuSent.keys()].filter((e) => replyTo(e).length === 0).length;
const feishuRepeated = [...feishuSent.keys()].filter((e) => replyTo(e).filter((s) => !NOTHING_CHANGED.test(JSON.stringify(s.card))).length > 1).length;
const unsent = await q(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent' AND NOT (${DEFERRED})`);
const deferred = await q(`SELECT count(*) AS n FROM "OutboxMessage" WHERE ${DEFERRED}`);
const twoDecisions = await q(`SELECT count(*) AS n FROM (SELECT "entityId" FROM "AuditEvent" WHERE "entity" = 'quote' AND "action" IN ('approve', 'reject', 'approved', 'rejected', 'decide') GROUP BY "entityId" HAVING count(*) > 1) d`);
const tasksDoneTwice = await q(`SELECT count(*) AS n FROM (SELECT "entityId" FROM "AuditEvent" WHERE "entity" = 'task' AND "action" = 'complete' GROUP BY "entityId" HAVING count(*) > 1) d`);
const clickedNotDone = clickedTasks.size ? await q(`SELECT count(*) AS n FROM "Task" WHERE "id" = ANY($1::int[]) AND "status" <> 'done'`, [[...clickedTasks]]) : 0;
const answers = new Map<string, number>();
for (const [url] of logs) {
  const text = JSON.stringify(finalAt(url)[0]?.body ?? at(url)[0]?.body ?? '');
  const kind = /Logged|已记录/.test(text) ? 'logged' : NOTHING_CHANGED.test(text) ? 'try again' : 'other';
  answers.set(kind, (answers.get(kind) ?? 0) + 1);
}
const stuck = (await sql.query(`SELECT "key", "status", "attempts", "lastError" FROM "OutboxMessage" WHERE "status" <> 'sent' AND NOT (${DEFERRED}) LIMIT 5`)).rows;
const admins = await q(`SELECT count(*) AS n FROM "User" WHERE "role" = 'admin' AND "active"`);
const cards = slack.posts().map((p) => JSON.stringify((p.args.metadata as { event_payload?: { dedup?: string } })?.event_payload?.dedup ?? p.args.ts));
const dupCards = cards.length - new Set(cards).size;

console.log(`soak: ${minutes} min, 3 replicas (Slack + Feishu), one SIGKILLed and restarted mid-run; load average at the end ${load}`);
console.log(`requests ${requests}, errors ${errors} (non-200, or cut by the kill before the commit); Feishu redeliveries after no ack ${feishuRedelivered}`);
console.log(`ack p50 ${pct(acks, 50)} ms, p99 ${pct(acks, 99)} ms; reply p50 ${pct(replies, 50)} ms, p99 ${pct(replies, 99)} ms; answers settled ${Date.now() - settleStart} ms after traffic stopped`);
console.log(`RSS per replica at start ${rssStart.join(', ')}; at end ${rssEnd.join(', ')}`);
console.log(`Slack: accepted /log ${logs.length} (answers: ${[...answers].map(([k, v]) => `${k} ${v}`).join(', ')}), interactions stored ${interactions} (distinct ${distinctSummaries})`);
console.log(`Slack: accepted commands ${sent.size}: answered twice ${answeredTwice} (+${repeatedAmbiguous} repeated after a response_url processed-then-reset: at least once by design), unanswered ${unanswered}`);
console.log(`Feishu: accepted events ${feishuSent.size} (/log ${feishuLogs}), interactions stored ${feishuInteractions} (distinct ${feishuDistinct}), unanswered ${feishuUnanswered}, answered twice ${feishuRepeated}; tasks double-clicked ${clickedTasks.size}, completed twice ${tasksDoneTwice}, not done ${clickedNotDone}`);
console.log(`outbox rows not sent ${unsent} (and ${deferred} put off to their recipient's working hours); Slack posts with a repeated dedup key ${dupCards}; quotes with two decisions ${twoDecisions}; admins ${admins}`);
if (stuck.length) console.log('unsent outbox rows:', JSON.stringify(stuck));
const ok =
  interactions === distinctSummaries && feishuInteractions === feishuDistinct && answeredTwice === 0 && unanswered === 0 && feishuUnanswered === 0 && feishuRepeated === 0 &&
  unsent === 0 && twoDecisions === 0 && tasksDoneTwice === 0 && clickedNotDone === 0 && admins >= 1 && dupCards === 0;
console.log(ok ? 'consistency: OK' : 'consistency: FAILED');
await sql.end();
await slack.stop();
await feishu.stop();
await db.drop();
process.exit(ok ? 0 : 1);

function findAction(card: unknown, action: string): { action: string; id: string; version?: number } | undefined {
  let found: { action: string; id: string; version?: number } | undefined;
  JSON.stringify(card, (_k, v) => {
    if (!found && v && typeof v === 'object' && (v as { action?: string }).action === action && typeof (v as { id?: unknown }).id === 'string') found = v;
    return v;
  });
  return found;
}
