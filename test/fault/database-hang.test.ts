// The database stops answering under a running replica (a frozen TCP forwarder between the replica
// and PostgreSQL): the person hears "try again" in their language within 3 s, nothing the command
// began is left written, and once the database answers again the replica serves without a restart.
// Frozen at the COMMIT itself the outcome is not known yet: the person is told so within 3 s, and
// the answer the commit wrote follows once it lands.
// A replica killed after it acknowledged a request leaves it stored; the next replica runs it once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { FakeSlack } from '../support/fake-slack.ts';
import { adminUrl, postgresReachable } from '../support/engines.ts';
import { FreezableProxy } from './proxy.ts';
import { command, scratchDatabase, startReplica, waitFor, type Replica } from './replicas.ts';

const up = await postgresReachable();
const maybe = up ? it : it.skip;

const fake = new FakeSlack();
const pgAt = new URL(adminUrl);
const proxy = new FreezableProxy({ host: pgAt.hostname, port: Number(pgAt.port || 5432) });
let db: Awaited<ReturnType<typeof scratchDatabase>>;
let sql: pg.Client;
let replica: Replica;
const at = (url: string) => fake.responses.filter((r) => r.url === url);
const count = async (q: string) => Number((await sql.query(q)).rows[0]!.n);

beforeAll(async () => {
  if (!up) return;
  await fake.start();
  await proxy.start();
  db = await scratchDatabase();
  fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  fake.users.set('UZH', { real_name: '李雷', tz: 'Asia/Shanghai', locale: 'zh-CN' });
  replica = await startReplica({ DATABASE_URL: proxy.through(db.url), SLACK_API_URL: `${fake.url}/api/`, CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_SHUTDOWN_MS: '3000' });
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  for (const [user, text] of [['UREP', 'add Globex tier:B'], ['UZH', 'add 华为技术 等级:A']] as const) {
    const c = command(fake.url, user, '/customer', text);
    await replica.post(c.body);
    await waitFor('the customer', () => at(c.responseUrl).length === 1);
  }
}, 180_000);

afterAll(async () => {
  if (replica?.child.exitCode === null) replica.child.kill('SIGKILL');
  await proxy.stop();
  await sql?.end();
  await fake.stop();
  await db?.drop();
});

maybe('PostgreSQL stops answering: "try again" within 3 s in each person\'s language, nothing half-written, served again once it answers', async () => {
  proxy.freeze();
  const en = command(fake.url, 'UREP', '/log', 'Globex call: during the freeze');
  const zh = command(fake.url, 'UZH', '/log', '华为 电话：数据库卡住的时候');
  const sentAt = Date.now();
  expect(await Promise.all([replica.post(en.body), replica.post(zh.body)])).toEqual([200, 200]);
  await waitFor('both told to try again', () => at(en.responseUrl).length > 0 && at(zh.responseUrl).length > 0, 20_000);
  const answeredIn = Math.max(...[en, zh].map((c) => at(c.responseUrl)[0]!.at! - sentAt));
  expect(answeredIn).toBeLessThanOrEqual(3_000);
  expect(JSON.stringify(at(en.responseUrl)[0]!.body)).toMatch(/try again/);
  expect(JSON.stringify(at(zh.responseUrl)[0]!.body)).toMatch(/[\u4e00-\u9fff].*(稍后再试|再试)/);

  proxy.thaw();
  // The database answers again: the replica serves the next command without a restart.
  const after = command(fake.url, 'UREP', '/log', 'Globex call: after the freeze');
  await waitFor('a command served after the thaw', async () => {
    await replica.post(command(fake.url, 'UREP', '/crm', 'whoami').body);
    if (!at(after.responseUrl).length) await replica.post(after.body);
    return (await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%after the freeze%'`)) === 1;
  }, 60_000);
  await waitFor('the answer after the thaw', () => at(after.responseUrl).some((r) => /Logged/.test(JSON.stringify(r.body))), 30_000);
  // What was begun during the freeze is not there: the people were told nothing changed.
  await waitFor('no transaction left open', async () => (await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)) === 0, 30_000);
  expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%freeze的时候%' OR "summary" LIKE '%during the freeze%' OR "summary" LIKE '%卡住的时候%'`)).toBe(0);
  expect(await count(`SELECT count(*) AS n FROM "ProcessedDelivery" WHERE "result" IS NULL`)).toBe(0);
  for (const c of [en, zh]) expect(at(c.responseUrl)).toHaveLength(1);
}, 180_000);

maybe('PostgreSQL stops answering in the middle of a command\'s transaction: "try again" within 3 s, and the statements that arrive late do not commit', async () => {
  proxy.freezeOn('INSERT INTO "Interaction"');
  const c = command(fake.url, 'UREP', '/log', 'Globex visit: frozen mid-transaction');
  const sentAt = Date.now();
  expect(await replica.post(c.body)).toBe(200);
  await waitFor('told to try again', () => at(c.responseUrl).length > 0, 20_000);
  expect(at(c.responseUrl)[0]!.at! - sentAt).toBeLessThanOrEqual(3_000);
  expect(JSON.stringify(at(c.responseUrl)[0]!.body)).toMatch(/try again/);
  proxy.thaw();
  await waitFor('no transaction left open', async () => (await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)) === 0, 30_000);
  // The abandoned transaction saw its insert answered after the thaw and rolled back instead of committing.
  await waitFor('the replica serving again', async () => {
    const probe = command(fake.url, 'UREP', '/crm', 'whoami');
    await replica.post(probe.body);
    await waitFor('its answer', () => at(probe.responseUrl).length > 0, 10_000);
    return /Sam Carter/.test(JSON.stringify(at(probe.responseUrl)[0]!.body));
  }, 60_000);
  expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%frozen mid-transaction%'`)).toBe(0);
  // Nor its delivery key: a retry of the same delivery would do the work.
  const key = `slack:cmd:${new URLSearchParams(c.body).get('trigger_id')}`;
  expect(Number((await sql.query(`SELECT count(*) AS n FROM "ProcessedDelivery" WHERE "key" = $1`, [key])).rows[0]!.n)).toBe(0);
  // Nor the stored request: the person was told nothing changed, so no replica may resume it.
  await waitFor('the stored request dropped', async () => Number((await sql.query(`SELECT count(*) AS n FROM "Intake" WHERE "key" = $1`, [key])).rows[0]!.n) === 0, 30_000);
  expect(at(c.responseUrl)).toHaveLength(1);
}, 180_000);

maybe('PostgreSQL stops answering at a command\'s COMMIT: told within 3 s that it may not be saved, then the commit lands and its one answer follows, and the replica serves again', async () => {
  proxy.freezeOn('INSERT INTO "Interaction"', 'COMMIT');
  const c = command(fake.url, 'UREP', '/log', 'Globex call: frozen at the commit');
  const sentAt = Date.now();
  expect(await replica.post(c.body)).toBe(200);
  await waitFor('told it may not be saved', () => at(c.responseUrl).length > 0, 20_000);
  expect(at(c.responseUrl)[0]!.at! - sentAt).toBeLessThanOrEqual(3_000);
  expect(JSON.stringify(at(c.responseUrl)[0]!.body)).toMatch(/If it was saved.*try again/);
  expect(proxy.isFrozen).toBe(true);
  proxy.thaw();
  // The COMMIT that waited lands: the effect once, and the answer it wrote to the outbox follows once.
  await waitFor('the answer after the thaw', () => at(c.responseUrl).some((r) => /Logged/.test(JSON.stringify(r.body))), 30_000);
  expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%frozen at the commit%'`)).toBe(1);
  const probe = command(fake.url, 'UREP', '/crm', 'whoami');
  await replica.post(probe.body);
  await waitFor('the replica serving again', () => at(probe.responseUrl).some((r) => /Sam Carter/.test(JSON.stringify(r.body))), 30_000);
  await waitFor('nothing left owed', async () => (await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent'`)) === 0, 30_000);
  expect(at(c.responseUrl)).toHaveLength(2);
}, 180_000);

maybe('killed with SIGKILL after the ack, before its command committed: a replica started after it runs the command once and answers once; a redelivery does nothing twice', async () => {
  proxy.freezeOn('INSERT INTO "Interaction"');
  const c = command(fake.url, 'UREP', '/log', 'Globex call: killed after the ack');
  const key = `slack:cmd:${new URLSearchParams(c.body).get('trigger_id')}`;
  // Acknowledged once stored, before the command's transaction (held at its first insert) commits.
  expect(await replica.post(c.body)).toBe(200);
  await waitFor('the command inside its transaction', () => proxy.isFrozen, 20_000);
  replica.child.kill('SIGKILL');
  await replica.exited;
  proxy.thaw();
  expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%killed after the ack%'`)).toBe(0);
  expect(Number((await sql.query(`SELECT count(*) AS n FROM "Intake" WHERE "key" = $1`, [key])).rows[0]!.n)).toBe(1);
  expect(at(c.responseUrl)).toHaveLength(0);

  replica = await startReplica({ DATABASE_URL: db.url, SLACK_API_URL: `${fake.url}/api/`, CRM_DEFAULT_TZ: 'Asia/Shanghai' });
  await waitFor('the answer from the replica that resumed it', () => at(c.responseUrl).length > 0, 60_000);
  expect(JSON.stringify(at(c.responseUrl)[0]!.body)).toMatch(/Logged/);
  // Slack sends the same request again: acknowledged, and nothing else.
  expect(await replica.post(c.body)).toBe(200);
  await waitFor('the redelivery settled', async () => Number((await sql.query(`SELECT count(*) AS n FROM "Intake"`)).rows[0]!.n) === 0, 30_000);
  const probe = command(fake.url, 'UREP', '/crm', 'whoami');
  await replica.post(probe.body);
  await waitFor('a later command answered', () => at(probe.responseUrl).length > 0, 30_000);
  expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%killed after the ack%'`)).toBe(1);
  expect(at(c.responseUrl)).toHaveLength(1);
}, 180_000);
