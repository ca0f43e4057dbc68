// A statement, however long it runs, must not hold up this process's event loop: that loop acks
// Slack and Feishu, and on the embedded engine a statement used to be a synchronous WebAssembly
// call on it. Also what the embedded engine's thread must keep as it was in-process: Prisma's
// unique-violation error, rollback of a failed transaction, statements waiting for an open one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

/** The longest this loop went without running a 5 ms timer while `run` ran (its last gap included). */
async function longestStall(run: () => Promise<unknown>): Promise<{ stallMs: number; tookMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    timer = setTimeout(tick, 5);
  };
  timer = setTimeout(tick, 5);
  const t0 = performance.now();
  try {
    await run();
  } finally {
    clearTimeout(timer);
  }
  const tookMs = performance.now() - t0;
  // A loop held until the statement ended runs no timer before it: count that last gap too.
  await new Promise<void>((r) => setImmediate(r));
  stallMs = Math.max(stallMs, performance.now() - last);
  return { stallMs, tookMs };
}

describeEngines('a slow statement and the event loop', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    // Prisma's first query compiles its query engine (WebAssembly, on this thread, once): not a statement's stall.
    await db.prisma.team.count();
  }, 120_000);
  afterAll(() => db?.drop());

  it('keeps timers running while a 1-second statement runs (raw and through Prisma)', async () => {
    const raw = await longestStall(() => db.raw.query('SELECT pg_sleep(1)'));
    expect(raw.tookMs).toBeGreaterThanOrEqual(950);
    expect(raw.stallMs).toBeLessThan(400);
    const prisma = await longestStall(() => db.prisma.$transaction((tx) => tx.$executeRawUnsafe('SELECT pg_sleep(1)')));
    expect(prisma.tookMs).toBeGreaterThanOrEqual(950);
    expect(prisma.stallMs).toBeLessThan(400);
  });

  it('reports a unique violation as Prisma P2002 naming the field, and rolls the transaction back', async () => {
    await db.prisma.team.create({ data: { name: 'Twice' } });
    const err = await db.prisma
      .$transaction(async (tx) => {
        await tx.team.create({ data: { name: 'Only if committed' } });
        await tx.team.create({ data: { name: 'Twice' } });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((err as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
    expect(JSON.stringify((err as Prisma.PrismaClientKnownRequestError).meta)).toContain('name');
    expect(await db.prisma.team.count({ where: { name: 'Only if committed' } })).toBe(0);
    const rawErr = await db.raw.query(`INSERT INTO "Team" (name, "updatedAt") VALUES ('Twice', now())`).catch((e: unknown) => e);
    expect(rawErr).toMatchObject({ code: '23505' });
  });

  it('keeps values typed as Prisma reads them (dates, big integers, JSON, numbers, bytes)', async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ at: Date; big: bigint; doc: unknown; n: number; dec: Prisma.Decimal; bin: Uint8Array }[]>(
      `SELECT timestamptz '2026-11-29 10:00:00+08' AS at, 9007199254740993::int8 AS big, '{"a":[1,2]}'::jsonb AS doc, 42::int4 AS n, 1.25::numeric AS dec, '\\x0102ff'::bytea AS bin`,
    );
    expect([...row!.bin]).toEqual([1, 2, 255]);
    expect(row!.at).toEqual(new Date('2026-11-29T02:00:00Z'));
    expect(row!.big).toBe(9007199254740993n);
    expect(row!.doc).toEqual({ a: [1, 2] });
    expect(row!.n).toBe(42);
    expect(String(row!.dec)).toBe('1.25');
  });

  it('commits an interactive transaction whole, and one statement outside waits for it rather than joining it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const begun = new Promise<void>((r) => (inside = r));
    const tx = db.prisma.$transaction(async (t) => {
      await t.team.create({ data: { name: 'Held' } });
      inside();
      await held;
      await t.team.create({ data: { name: 'Held too' } });
    });
    await begun;
    // Sent (posted to PGlite's thread) before the transaction's second write is. PostgreSQL: another
    // connection sees nothing uncommitted. PGlite: it waits for the commit; run inside the open
    // transaction it would see the first write alone.
    const outside = db.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Team" WHERE name LIKE 'Held%'`);
    release();
    await tx;
    expect([0, 2]).toContain((await outside)[0]!.n);
    expect(await db.prisma.team.count({ where: { name: { startsWith: 'Held' } } })).toBe(2);
  });
});
