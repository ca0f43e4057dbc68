// The command's hand-written statements go to the driver adapter on the transaction's own
// connection (src/domain/db/driver.ts): same transaction, same rows, typed as Prisma's $queryRaw
// types them, so a domain function reads the same whichever way its statement went.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { driverTransaction, sqlOf } from '../../src/domain/db/driver.ts';
import { nestable } from '../../src/domain/db/transaction.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

describeEngines('SQL through the driver in a command', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  }, 120_000);
  afterAll(() => db?.drop());

  const typed = Prisma.sql`SELECT '2026-11-23 02:00:00.123'::timestamp(3) AS at, '2026-11-23'::date AS day, 9007199254740993::bigint AS big, 7::int AS small,
    12.50::numeric(12,2) AS amount, true AS yes, '{"a":[1,"x"]}'::jsonb AS doc, json_build_array(1, 2) AS list, ARRAY['a','b'] AS words,
    ${new Date('2026-11-23T08:30:00.5Z')}::timestamp(3) AS given, ${'它'}::text AS text, NULL::int AS nothing`;

  it('types rows as $queryRaw does, and passes parameters as Prisma does', async () => {
    const [viaClient] = await db.prisma.$queryRaw<unknown[]>(typed);
    const [viaDriver, via] = await driverTransaction(db.prisma, async (_tx, sql) => [(await sql.rows(typed))[0], sql.via] as const);
    expect(via).toBe('driver');
    expect(viaDriver).toEqual(viaClient);
    expect((viaDriver as { big: unknown }).big).toBe(9007199254740993n);
    expect((viaDriver as { given: Date }).given.toISOString()).toBe('2026-11-23T08:30:00.500Z');
  });

  it('runs on the command transaction: what it writes is seen by Prisma in it and undone with it', async () => {
    const key = `driver-test-${engine}`;
    await expect(
      driverTransaction(db.prisma, async (tx, sql) => {
        const view = nestable(tx, sql);
        expect(sqlOf(view).via).toBe('driver');
        await sqlOf(view).run(Prisma.sql`INSERT INTO "ProcessedDelivery" ("key", "door", "result", "createdAt") VALUES (${key}, 'console', NULL, now())`);
        expect(await view.processedDelivery.count({ where: { key } })).toBe(1);
        throw new Error('refused after the write');
      }),
    ).rejects.toThrow('refused after the write');
    expect(await db.prisma.processedDelivery.count({ where: { key } })).toBe(0);
    // Outside a command, the same call goes through Prisma's client.
    expect(sqlOf(db.prisma).via).toBe('client');
  });
});
