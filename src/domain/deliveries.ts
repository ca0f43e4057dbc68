// Exactly-once handling of chat deliveries (Slack retries, Feishu redeliveries, double clicks)
// across replicas: the database row, not process memory, decides who does the work.
import type { DoorName } from './context.ts';
import type { Database } from './db/database.ts';
import { COMMAND_TX, nestable, type Tx } from './db/transaction.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { driverTransaction } from './db/driver.ts';

// Results are stored wrapped, so a finished call whose result is null is told apart from a legacy
// claim row (result column NULL). BigInt and Date survive the round trip, so a retry answers the same.
function encode(value: unknown): string {
  return JSON.stringify({ value }, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (raw instanceof Date) return { $date: raw.toISOString() };
    return v;
  });
}

function decode<T>(stored: unknown): T {
  const text = typeof stored === 'string' ? stored : JSON.stringify(stored);
  return (JSON.parse(text, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$bigint') return BigInt(v.$bigint);
      if (keys.length === 1 && keys[0] === '$date') return new Date(v.$date);
    }
    return v;
  }) as { value: T }).value;
}

const DUPLICATE = Symbol('duplicate');

async function stored<T>(db: Database, key: string): Promise<{ found: true; result: T } | { found: false }> {
  const [row] = await db.raw.query<{ result: unknown }>(`SELECT "result" FROM "ProcessedDelivery" WHERE "key" = $1`, [key]);
  if (!row) return { found: false };
  // A NULL result is a claim written by an older release outside any transaction; under this one
  // the claim and the result commit together, so such a row means that work never finished.
  if (row.result === null) {
    await db.raw.query(`DELETE FROM "ProcessedDelivery" WHERE "key" = $1 AND "result" IS NULL`, [key]);
    return { found: false };
  }
  return { found: true, result: decode<T>(row.result) };
}

/** Whether a delivery already has its stored answer (a retry that will get it without running again). */
export async function answered(db: Database, key: string): Promise<boolean> {
  const [row] = await db.raw.query<{ done: boolean }>(`SELECT "result" IS NOT NULL AS "done" FROM "ProcessedDelivery" WHERE "key" = $1`, [key]);
  return row?.done === true;
}

/**
 * Where a command's stored answer goes. fn may write it itself, in a statement it sends anyway (the
 * outbox row of its answer, src/domain/outbox/store.ts enqueueRows), and say so with `written`;
 * otherwise once writes it after fn, a statement of its own.
 */
export interface AnswerSlot {
  key: string;
  /** The stored form of what fn is about to return (only `keep` of it). */
  encode(value: unknown): string;
  written: boolean;
}

/**
 * Runs fn once per key. The claim row, fn's writes (through the prisma it is given) and the stored
 * result are one transaction: a crash or an error anywhere leaves nothing behind, so a redelivery
 * does the work exactly once; a duplicate arriving while the first runs waits on the row's unique
 * index and then gets the stored result with duplicate: true. `keep` picks what of fn's result is
 * stored (a duplicate gets only that back).
 */
export async function once<T>(db: Database, key: string, door: DoorName, fn: (prisma: PrismaClient, answer: AnswerSlot) => Promise<T>, keep: (value: T) => unknown = (v) => v): Promise<{ result: T; duplicate: boolean }> {
  // The claim is tried first and the stored answer read only when the key is taken: a first
  // delivery (the common case) costs no read, a duplicate one extra statement.
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      const earlier = await stored<T>(db, key);
      if (earlier.found) return { result: earlier.result, duplicate: true };
    }
    try {
      const result = await driverTransaction(db.prisma, async (tx: Tx, sql) => {
        const claimed = await sql.rows(Prisma.sql`INSERT INTO "ProcessedDelivery" ("key", "door", "result", "createdAt") VALUES (${key}, ${door}::"Door", NULL, now() AT TIME ZONE 'UTC')
           ON CONFLICT ("key") DO NOTHING RETURNING "key"`);
        if (claimed.length === 0) throw DUPLICATE;
        const slot: AnswerSlot = { key, encode: (v) => encode(v), written: false };
        const value = await fn(nestable(tx, sql), slot);
        if (!slot.written) await sql.run(Prisma.sql`UPDATE "ProcessedDelivery" SET "result" = ${encode(keep(value))}::jsonb WHERE "key" = ${key}`);
        return value;
      }, COMMAND_TX);
      return { result, duplicate: false };
    } catch (err) {
      // The key is taken (maybe by an attempt that committed while we waited on its row): answer
      // with what it stored, or claim again if it was a legacy claim that never finished.
      if (err !== DUPLICATE || attempt >= 4) throw err;
    }
  }
}
