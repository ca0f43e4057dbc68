// The fault suite: replicas as real processes on one PostgreSQL, a fake Slack that fails, hangs
// and resets, replicas stopped with SIGTERM and killed with SIGKILL mid-request. Each scenario
// ends with every effect once and every owed answer once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { FakeSlack } from '../support/fake-slack.ts';
import { postgresReachable } from '../support/engines.ts';
import { command, scratchDatabase, startReplica, waitFor, type Replica } from './replicas.ts';

const up = await postgresReachable();
const suite = up ? describe : describe.skip;

suite('replicas under faults', () => {
  const fake = new FakeSlack();
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let sql: pg.Client;
  const replicas: Replica[] = [];
  let env: Record<string, string>;
  const count = async (q: string, params: unknown[] = []) => Number((await sql.query(q, params)).rows[0]!.n);
  const at = (url: string) => fake.responses.filter((r) => r.url === url);

  beforeAll(async () => {
    await fake.start();
    db = await scratchDatabase();
    env = { DATABASE_URL: db.url, SLACK_API_URL: `${fake.url}/api/`, CRM_OUTBOX_LEASE_MS: '1500', CRM_SHUTDOWN_MS: '10000', CRM_DEFAULT_TZ: 'Asia/Shanghai' };
    fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
    replicas.push(await startReplica(env), await startReplica(env));
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const first = command(fake.url, 'UREP', '/customer', 'add Globex tier:B');
    await replicas[0]!.post(first.body);
    await waitFor('the customer', () => at(first.responseUrl).length === 1);
  }, 180_000);

  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await sql?.end();
    await fake.stop();
    await db?.drop();
  });

  it('the same command sent to both replicas: one interaction, one answer', async () => {
    const cmds = Array.from({ length: 5 }, (_, i) => command(fake.url, 'UREP', '/log', `Globex call: dup round ${i}`));
    await Promise.all(cmds.flatMap((c) => replicas.map((r) => r.post(c.body))));
    await waitFor('five answers', () => cmds.every((c) => at(c.responseUrl).length >= 1));
    expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE 'dup round %'`)).toBe(5);
    for (const c of cmds) expect(at(c.responseUrl)).toHaveLength(1);
  }, 120_000);

  it('killed with SIGKILL while answering (response_url hangs): another replica sends the answer once', async () => {
    fake.fail('respond', 'hang', 1);
    const victim = replicas[0]!;
    const c = command(fake.url, 'UREP', '/log', 'Globex visit: killed mid-answer');
    await victim.post(c.body);
    await waitFor('the effect committed', async () => (await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%killed mid-answer%'`)) === 1);
    victim.child.kill('SIGKILL');
    await victim.exited;
    await waitFor('the answer from the other replica', () => at(c.responseUrl).length >= 1, 60_000);
    expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE '%killed mid-answer%'`)).toBe(1);
    expect(at(c.responseUrl)).toHaveLength(1);
    replicas[0] = await startReplica(env);
  }, 180_000);

  it('SIGTERM with commands in flight: they finish, each answered once, then the process exits 0', async () => {
    const victim = replicas[1]!;
    const cmds = Array.from({ length: 3 }, (_, i) => command(fake.url, 'UREP', '/log', `Globex call: in flight ${i}`));
    await Promise.all(cmds.map((c) => victim.post(c.body)));
    victim.child.kill('SIGTERM');
    expect(await victim.exited).toBe(0);
    await waitFor('three answers', () => cmds.every((c) => at(c.responseUrl).length >= 1), 30_000);
    expect(await count(`SELECT count(*) AS n FROM "Interaction" WHERE "summary" LIKE 'in flight %'`)).toBe(3);
    for (const c of cmds) expect(at(c.responseUrl)).toHaveLength(1);
    expect(await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" <> 'sent'`)).toBe(0);
  }, 120_000);
});
