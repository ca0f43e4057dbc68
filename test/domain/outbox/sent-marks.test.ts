// Replies sent at once are marked sent at once: marks made while one is in flight share a statement
// (group commit), each caller answered after its row is marked, every row marked with its own ids.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue, markSentDirect } from '../../../src/domain/outbox/store.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';

describeEngines('sent marks under a burst', (engine) => {
  const sent: string[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine, { onStatement: (sql) => void sent.push(sql) });
  }, 120_000);
  afterAll(() => db?.drop());

  it('marks 40 rows sent together in a few statements, each with its own message id', async () => {
    const ids = await db.prisma.$transaction((tx) => enqueue(tx as never, Array.from({ length: 40 }, (_, i) => ({ key: `burst:${i}`, message: { n: i } })), 'me', 60_000));
    expect(ids).toHaveLength(40);
    sent.length = 0;
    await Promise.all(ids.map((id, i) => markSentDirect(db, id, `ext-${i}`, i % 2 ? [{ door: 'slack', messageId: `ext-${i}` }] : undefined)));
    const rows = await db.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.externalId, r.attempts, r.leasedBy])).toEqual(ids.map((_, i) => ['sent', `ext-${i}`, 1, null]));
    expect(rows[1]!.posted).toEqual([{ door: 'slack', messageId: 'ext-1' }]);
    expect(rows[0]!.posted).toBeNull();
    // The first goes out alone at once; the 39 that came while it was in flight, together.
    expect(sent.filter((s) => /UPDATE "OutboxMessage"/.test(s)).length).toBeLessThanOrEqual(3);
  });
});
