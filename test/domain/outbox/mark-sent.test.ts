// Marking a row sent needs no flush to disk before it returns (a lost mark only sends the row again
// under its key, which the platform de-duplicates), so its commit must not make the durable writes
// that hold acknowledgements wait behind one more WAL flush; and the relaxed commit must stay its
// own, never the setting of the pooled connection that a command's transaction uses next.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { enqueue, markSent, markSentDirect } from '../../../src/domain/outbox/store.ts';
import type { PrismaClient } from '../../../src/generated/prisma/client.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';

describeEngines('marking an outbox row sent', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  }, 120_000);
  afterAll(() => db?.drop());

  const message = { to: { userId: 1 }, reply: { tone: 'info', text: 'hi', visibility: 'private' } };
  const setting = async (q: (sql: string) => Promise<Array<{ synchronous_commit: string }>>) => (await q('SHOW synchronous_commit'))[0]!.synchronous_commit;

  it('commits without waiting for the WAL flush (Prisma and driver paths)', async () => {
    const [a, b] = await enqueue(db.prisma, [{ key: 'mark:a', message }, { key: 'mark:b', message }], 'me', 30_000);
    // Seen from inside a transaction, since an autocommitted statement's own setting is gone once it returns.
    const inside = await db.prisma.$transaction(async (tx) => {
      await markSent(tx as unknown as PrismaClient, a!, 'om_1');
      return setting((sql) => tx.$queryRawUnsafe(sql));
    });
    expect(inside).toBe('off');
    await markSentDirect(db, b!, 'om_2');
    const rows = await db.prisma.outboxMessage.findMany({ where: { key: { in: ['mark:a', 'mark:b'] } }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.status, r.externalId, r.leasedBy])).toEqual([
      ['sent', 'om_1', null],
      ['sent', 'om_2', null],
    ]);
  });

  it('leaves the connection it ran on committing durably', async () => {
    const [id] = await enqueue(db.prisma, [{ key: 'mark:c', message }], 'me', 30_000);
    // One connection held for both statements, so the second sees what the first left behind.
    const after = await db.raw.withLock(7_700_001, async (conn) => {
      await markSentDirect({ ...db, raw: conn }, id!, 'om_3');
      return setting((sql) => conn.query(sql));
    });
    expect(after).toBe('on');
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('sent');
  });
});
