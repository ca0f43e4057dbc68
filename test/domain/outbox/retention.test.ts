// Processed-delivery keys (each holding a whole reply) do not grow forever: kept 24 hours, past every
// platform's retry window (Feishu retries for about 7 hours), then pruned; sent outbox rows are kept
// 7 days for inspection, and nothing still owed is ever pruned.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { pruneDeliveries } from '../../../src/domain/outbox/store.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';

describeEngines('delivery retention', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('prunes keys older than 24 hours and sent messages older than 7 days, keeps the rest and everything unsent', async () => {
    const ago = (h: number) => new Date(Date.now() - h * 3600_000);
    await db.prisma.processedDelivery.createMany({
      data: [
        { key: 'feishu:evt:old', door: 'feishu', result: { value: {} }, createdAt: ago(25) },
        { key: 'feishu:evt:within-retries', door: 'feishu', result: { value: {} }, createdAt: ago(8) },
      ],
    });
    await db.prisma.outboxMessage.createMany({
      data: [
        { key: 'sent-old', message: {}, status: 'sent', sentAt: ago(8 * 24) },
        { key: 'sent-recent', message: {}, status: 'sent', sentAt: ago(6 * 24) },
        { key: 'failed-old', message: {}, status: 'failed', createdAt: ago(30 * 24), dueAt: ago(29 * 24) },
        { key: 'pending-old', message: {}, status: 'pending', createdAt: ago(30 * 24) },
      ],
    });
    expect(await pruneDeliveries(db.prisma)).toEqual({ keys: 1, sent: 1 });
    expect((await db.prisma.processedDelivery.findMany()).map((r) => r.key)).toEqual(['feishu:evt:within-retries']);
    expect((await db.prisma.outboxMessage.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual(['failed-old', 'pending-old', 'sent-recent']);
    expect(await pruneDeliveries(db.prisma)).toEqual({ keys: 0, sent: 0 });
  });
});
