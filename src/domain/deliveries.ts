// Exactly-once handling of chat deliveries (Slack retries, Feishu redeliveries, double clicks)
// across replicas: the database row, not process memory, decides who does the work.
import type { DoorName } from './context.ts';
import type { Database } from './db/database.ts';
import { conflict } from './errors.ts';

/** How long a duplicate waits for the first attempt to finish before giving up. */
const WAIT_MS = 30_000;
/** A claim with no result this old belongs to a process that died mid-work; a retry may take it over. */
const ABANDONED_SECONDS = 300;

// Results are stored wrapped, so a finished call whose result is null is told apart from one still
// running (result column NULL). BigInt and Date survive the round trip, so a retry answers the same.
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs fn once per key. The first caller claims the key (INSERT … ON CONFLICT DO NOTHING), runs fn
 * and stores its result; a duplicate gets that stored result with duplicate: true, waiting while the
 * first is still running. If fn throws, the claim is removed so a retry can do the work.
 */
export async function once<T>(db: Database, key: string, door: DoorName, fn: () => Promise<T>): Promise<{ result: T; duplicate: boolean }> {
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    const claimed = await db.raw.query(
      `INSERT INTO "ProcessedDelivery" ("key", "door", "result", "createdAt") VALUES ($1, $2::"Door", NULL, now() AT TIME ZONE 'UTC')
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
      [key, door],
    );
    if (claimed.length === 1) return { result: await runClaimed(db, key, fn), duplicate: false };

    const [row] = await db.raw.query<{ result: unknown; age: number | string }>(
      `SELECT "result", EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - "createdAt") AS age FROM "ProcessedDelivery" WHERE "key" = $1`,
      [key],
    );
    if (row && row.result !== null) return { result: decode<T>(row.result), duplicate: true };
    if (row && Number(row.age) > ABANDONED_SECONDS) {
      await db.raw.query(`DELETE FROM "ProcessedDelivery" WHERE "key" = $1 AND "result" IS NULL`, [key]);
      continue;
    }
    // No row: the first attempt failed and let go; loop to claim it ourselves. NULL: still running.
    if (Date.now() > deadline) throw conflict('delivery.in_progress', { key });
    if (row) await sleep(delay);
  }
}

async function runClaimed<T>(db: Database, key: string, fn: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await db.raw.query(`DELETE FROM "ProcessedDelivery" WHERE "key" = $1 AND "result" IS NULL`, [key]);
    throw err;
  }
  await db.raw.query(`UPDATE "ProcessedDelivery" SET "result" = $2::jsonb WHERE "key" = $1`, [key, encode(result)]);
  return result;
}
