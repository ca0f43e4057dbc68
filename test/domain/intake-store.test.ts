// The intake store under a burst: requests stored at once are all stored, each acknowledged as
// fresh exactly once (a redelivery racing its first gets false), and on PostgreSQL they share
// statements (group commit: one multi-row INSERT per lane turn) instead of queueing one by one
// on the lane's two connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/domain/db/database.ts';
import { migrate } from '../../src/domain/db/migrate.ts';
import { openIntake } from '../../src/domain/intake/open.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

describeEngines('intake store under a burst', (engine) => {
  const sent: string[] = [];
  let db: Database & { drop(): Promise<void> };
  let dir: string | undefined;

  beforeAll(async () => {
    if (engine === 'pglite') {
      // The journal lives beside PGlite's data: a folder, not memory.
      dir = mkdtempSync(path.join(tmpdir(), 'crm-intake-burst-'));
      const opened = await openDatabase({ dataDir: dir }, { onStatement: (sql) => void sent.push(sql) });
      await migrate(opened.raw);
      db = Object.assign(opened, { drop: () => opened.close() });
    } else db = await freshDatabase(engine, { onStatement: (sql) => void sent.push(sql) });
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores 60 requests taken at once, each fresh once; a redelivery in the same burst is not', async () => {
    const intake = openIntake(db, 'burst', 60_000);
    sent.length = 0;
    const keys = Array.from({ length: 60 }, (_, i) => `slack:burst-${i}`);
    const invocation = JSON.stringify({ door: 'slack', input: { kind: 'text', text: '/log Acme' } });
    const takes = keys.map((k) => intake.take(k, 'slack', invocation));
    // The same key again while its first is still being stored: one row, one fresh answer.
    const again = intake.take(keys[7]!, 'slack', invocation);
    const fresh = await Promise.all(takes);
    expect(fresh.every(Boolean)).toBe(true);
    expect(await again).toBe(false);
    // And once stored, a redelivery is refused too.
    expect(await intake.take(keys[3]!, 'slack', invocation)).toBe(false);
    if (engine === 'postgres') {
      const [row] = await db.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Intake" WHERE "key" LIKE 'slack:burst-%'`);
      expect(row?.n).toBe(60);
      // Two lanes: the first two go out alone, the rest wait together; far fewer statements than requests.
      const inserts = sent.filter((s) => /INSERT INTO "Intake"/.test(s));
      expect(inserts.length).toBeLessThanOrEqual(6);
    }
  });

  // PostgreSQL's rows have leases any replica may take over; PGlite's journal replays only at start (one process owns it).
  it.runIf(engine === 'postgres')('a request whose delivery key committed is finished: past its lease it is not resumed, and the sweep clears it', async () => {
    // A lease of 1 ms: both requests are past it at once, as if their replica had died.
    const intake = openIntake(db, 'ended', 1);
    const invocation = JSON.stringify({ door: 'slack', input: { kind: 'text', text: '/log Acme' } });
    expect(await intake.take('slack:ended-done', 'slack', invocation)).toBe(true);
    expect(await intake.take('slack:ended-open', 'slack', invocation)).toBe(true);
    // What the command's transaction commits with its effect (src/domain/deliveries.ts once).
    await db.raw.query(`INSERT INTO "ProcessedDelivery" ("key", "door", "result", "createdAt") VALUES ('slack:ended-done', 'slack', '{"value":1}', now())`);
    const due = async () => (await intake.due(20, 5)).map((t) => t.key).filter((k) => k.startsWith('slack:ended-'));
    await expect.poll(due, { timeout: 10_000 }).toEqual(['slack:ended-open']);
    const left = await db.raw.query<{ key: string }>(`SELECT "key" FROM "Intake" WHERE "key" LIKE 'slack:ended-%'`);
    expect(left.map((r) => r.key)).toEqual(['slack:ended-open']);
  });
});
