// The outbox's rows: written inside a command's transaction, leased by the replica sending them,
// marked sent or failed (with the next try's time) after. Times come from the database's clock so
// replicas agree on when a lease has run out.
import { sqlOf } from '../db/driver.ts';
import { grouped } from '../db/group.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database } from '../db/database.ts';

export interface OutboxRow {
  id: number;
  key: string;
  message: unknown;
  attempts: number;
  maybeSent: boolean;
}

// JSON with the few types a Reply carries that JSON drops: PNG bytes (charts), BigInt, Date.
export function encodeMessage(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (raw instanceof Date) return { $date: raw.toISOString() };
    return v;
  });
}

export function decodeMessage<T>(stored: unknown): T {
  const text = typeof stored === 'string' ? stored : JSON.stringify(stored);
  return JSON.parse(text, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (typeof v.$bytes === 'string' && Object.keys(v).length === 1) return new Uint8Array(Buffer.from(v.$bytes, 'base64'));
      if (typeof v.$bigint === 'string' && Object.keys(v).length === 1) return BigInt(v.$bigint);
      if (typeof v.$date === 'string' && Object.keys(v).length === 1) return new Date(v.$date);
    }
    return v;
  }) as T;
}

/** A row this replica wrote, leased to itself: what it needs to send it right after commit without leasing it again. */
export interface WrittenRow {
  id: number;
  key: string;
  /** The message as stored (encodeMessage), so it is sent exactly as a later sweep would send it. */
  message: string;
}

/**
 * Writes the messages in the caller's transaction, leased to `leasedBy` for `leaseMs` so the
 * writer sends them right after commit and no other replica does unless the writer dies first.
 */
export async function enqueue(prisma: PrismaClient, rows: Array<{ key: string; message: unknown }>, leasedBy: string, leaseMs: number): Promise<number[]> {
  return (await enqueueRows(prisma, rows, leasedBy, leaseMs)).map((r) => r.id);
}

/**
 * enqueue, returning the rows as written. `answer` (a delivery key's stored answer, src/domain/deliveries.ts)
 * rides on the last row's INSERT as a data-modifying CTE: one statement, not two.
 */
export async function enqueueRows(prisma: PrismaClient, rows: Array<{ key: string; message: unknown }>, leasedBy: string, leaseMs: number, answer?: { key: string; result: string }): Promise<WrittenRow[]> {
  const out: WrittenRow[] = [];
  for (const [i, r] of rows.entries()) {
    const message = encodeMessage(r.message);
    const withAnswer = answer && i === rows.length - 1;
    const [row] = await sqlOf(prisma).rowsUnsafe<{ id: number }>(
      `${withAnswer ? `WITH answered AS (UPDATE "ProcessedDelivery" SET "result" = $6::jsonb WHERE "key" = $5) ` : ''}INSERT INTO "OutboxMessage" ("key", "message", "status", "dueAt", "leasedBy", "leaseUntil", "createdAt")
       VALUES ($1, $2::jsonb, 'pending', now() AT TIME ZONE 'UTC', $3, (now() AT TIME ZONE 'UTC') + make_interval(secs => $4::int / 1000.0), now() AT TIME ZONE 'UTC')
       ON CONFLICT ("key") DO NOTHING RETURNING "id"`,
      r.key,
      message,
      leasedBy,
      leaseMs,
      ...(withAnswer ? [answer.key, answer.result] : []),
    );
    if (row) out.push({ id: row.id, key: r.key, message });
  }
  return out;
}

/** Takes (leases) the given rows, or any due unsent rows whose lease ran out; one taker each. */
export async function lease(prisma: PrismaClient, by: string, leaseMs: number, opts: { ids?: number[]; limit?: number; maxAttempts: number }): Promise<OutboxRow[]> {
  const mine = opts.ids !== undefined;
  // Ids inline (integers checked), not as an array parameter: the PGlite adapter does not pass arrays.
  const ids = (opts.ids ?? []).filter((id) => Number.isSafeInteger(id));
  if (mine && !ids.length) return [];
  const rows = await prisma.$queryRawUnsafe<Array<OutboxRow & { previous: string | null }>>(
    `WITH picked AS (
       SELECT "id", "leasedBy" AS previous FROM "OutboxMessage"
       WHERE "status" IN ('pending', 'failed') AND "attempts" < $3
         AND ${mine ? `"id" IN (${ids.join(', ')}) AND ("leasedBy" = $1 OR "leaseUntil" IS NULL OR "leaseUntil" < now() AT TIME ZONE 'UTC')` : `"dueAt" <= now() AT TIME ZONE 'UTC' AND ("leaseUntil" IS NULL OR "leaseUntil" < now() AT TIME ZONE 'UTC')`}
       ORDER BY "id" LIMIT ${mine ? ids.length : Math.max(1, opts.limit ?? 20)}
       FOR UPDATE SKIP LOCKED)
     UPDATE "OutboxMessage" o SET "leasedBy" = $1, "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2::int / 1000.0)
     FROM picked WHERE o."id" = picked."id"
     RETURNING o."id", o."key", o."message", o."attempts", picked.previous`,
    by,
    leaseMs,
    opts.maxAttempts,
  );
  // A row tried before, or held by a replica that is gone, may already have reached the platform.
  return rows.map(({ previous, ...r }) => ({ ...r, maybeSent: r.attempts > 0 || (previous !== null && previous !== by) })).sort((a, b) => a.id - b.id);
}

/**
 * Keeps `by`'s lease on rows it is still sending (or about to send), so a send that waits on a
 * channel's pacing or a slow API is not taken over, and posted a second time, by another replica.
 */
export async function renewLeases(prisma: PrismaClient, by: string, ids: number[], leaseMs: number): Promise<number> {
  const safe = ids.filter((id) => Number.isSafeInteger(id));
  if (!safe.length) return 0;
  return prisma.$executeRawUnsafe(
    `UPDATE "OutboxMessage" SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2::int / 1000.0)
     WHERE "id" IN (${safe.join(', ')}) AND "leasedBy" = $1 AND "status" IN ('pending', 'failed')`,
    by,
    leaseMs,
  );
}

/**
 * Marking a row sent commits without waiting for the WAL flush (synchronous_commit off for this one
 * statement's transaction; visible to every replica at once all the same). Only a crash of the
 * database server itself within a fraction of a second could lose the mark, and a lost mark is the
 * crash-between-send-and-mark case the outbox already handles: the row is sent again under the same
 * key, which the platform de-duplicates. What it saves is a disk flush per answer, which the
 * durable writes that hold acknowledgements (intakes, commands) would otherwise queue behind.
 * Never inside a command's transaction: the setting would relax that transaction's commit too.
 */
const RELAXED = `(SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`;
const MARK_SENT = `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = now() AT TIME ZONE 'UTC', "attempts" = "attempts" + 1, "externalId" = $2, "posted" = $3::jsonb, "leasedBy" = NULL, "leaseUntil" = NULL
  FROM ${RELAXED} WHERE "id" = $1`;

/** `posted` keeps every door's ref of the message, for a notice a later one about the same record may edit. */
export async function markSent(prisma: PrismaClient, id: number, externalId?: string, posted?: unknown[]): Promise<void> {
  await prisma.$executeRawUnsafe(
    MARK_SENT,
    id,
    externalId ?? null,
    posted ? JSON.stringify(posted) : null,
  );
}

type Sent = { id: number; externalId: string | null; posted: string | null };
const sentMarks = new WeakMap<Database, (mark: Sent) => Promise<void>>();

/** Rows one UPDATE marks at most (3 parameters each). */
const MARKS_PER_STATEMENT = 500;

/**
 * markSent on the database's own driver, not through Prisma: a single statement after the commit
 * needs no transaction, and Prisma's layers cost more CPU than the statement (about 0.4 ms under
 * load). Marks made while one is in flight go out together (group.ts): under a burst of replies,
 * one UPDATE for many rows instead of a round trip each.
 */
export async function markSentDirect(db: Database, id: number, externalId?: string, posted?: unknown[]): Promise<void> {
  let mark = sentMarks.get(db);
  if (!mark) {
    const send = async (batch: Sent[]) => {
      const params: unknown[] = [];
      const rows = batch.map((m, i) => (params.push(m.id, m.externalId, m.posted), `($${i * 3 + 1}::int, $${i * 3 + 2}::text, $${i * 3 + 3}::jsonb)`));
      await db.raw.query(
        `UPDATE "OutboxMessage" o SET "status" = 'sent', "sentAt" = now() AT TIME ZONE 'UTC', "attempts" = o."attempts" + 1, "externalId" = v.ext, "posted" = v.posted, "leasedBy" = NULL, "leaseUntil" = NULL
         FROM (VALUES ${rows.join(', ')}) v(id, ext, posted), ${RELAXED} WHERE o."id" = v.id`,
        params,
      );
      return batch.map(() => undefined);
    };
    mark = grouped(send, { lanes: 1, max: MARKS_PER_STATEMENT });
    sentMarks.set(db, mark);
  }
  await mark({ id, externalId: externalId ?? null, posted: posted ? JSON.stringify(posted) : null });
}

/** A failure is tried again after `retryInMs`; `giveUp` marks one that will not change as used up. */
export async function markFailed(prisma: PrismaClient, id: number, error: string, retryInMs: number, giveUp: number | null): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE "OutboxMessage" SET "status" = 'failed', "attempts" = COALESCE($4::int, "attempts" + 1), "lastError" = $2,
       "dueAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $3::int / 1000.0), "leasedBy" = NULL, "leaseUntil" = NULL WHERE "id" = $1`,
    id,
    error.slice(0, 500),
    retryInMs,
    giveUp,
  );
}

/** Not now: the recipient's quiet hours. Due again at `until`, with no attempt used up. */
export async function defer(prisma: PrismaClient, id: number, until: Date): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { dueAt: until, leasedBy: null, leaseUntil: null } });
}

/** At shutdown: hand this replica's unsent rows back so another replica sends them now, not after the lease. */
export async function releaseLeases(prisma: PrismaClient, by: string): Promise<number> {
  return prisma.$executeRawUnsafe(`UPDATE "OutboxMessage" SET "leasedBy" = NULL, "leaseUntil" = NULL WHERE "leasedBy" = $1 AND "status" IN ('pending', 'failed')`, by);
}

/**
 * Retention: idempotency keys outlive every platform's retry window (Feishu retries for about
 * 7 hours, Slack for minutes) by keeping 24 hours; sent outbox rows are kept 7 days for inspection.
 */
export async function pruneDeliveries(prisma: PrismaClient, keepHours = 24, keepSentDays = 7): Promise<{ keys: number; sent: number }> {
  const keys = await prisma.$executeRawUnsafe(`DELETE FROM "ProcessedDelivery" WHERE "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(hours => $1::int)`, keepHours);
  const sent = await prisma.$executeRawUnsafe(`DELETE FROM "OutboxMessage" WHERE "status" = 'sent' AND "sentAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => $1::int)`, keepSentDays);
  return { keys, sent };
}
