// Where an acknowledged request waits for its command (durable intake, src/intents/intake.ts). On
// PostgreSQL: an "Intake" row written on the lane (connections no command holds). It ends when the
// command's transaction commits its delivery key (ProcessedDelivery), as the journal's lines do: no
// statement of its own in the command; the sweep deletes finished rows in bulk. A row past its lease
// without that key is a command whose replica died after the ack, and any replica may take it. Times come from the database's clock so replicas agree on leases.
import type { DoorName } from '../context.ts';
import { grouped } from '../db/group.ts';
import type { Database, RawSql } from '../db/database.ts';

export interface Taken {
  key: string;
  invocation: unknown;
  attempts: number;
}

export interface IntakeStore {
  /** Stores the request durably; false when its key is already taken (a redelivery). */
  take(key: string, door: DoorName, invocation: string): Promise<boolean>;
  /** After that commit, or after an answer that changed nothing (busy, try again) or a duplicate. */
  forget(key: string, committed: boolean): Promise<void>;
  /** Unfinished intakes nobody holds, now held by this replica; each start counts an attempt. */
  due(limit: number, maxAttempts: number): Promise<Taken[]>;
  /** Intakes older than the delivery keys' retention (a command that never finished) go. */
  prune(keepHours: number): Promise<number>;
  /** A resumed request that did not finish here (busy, database trouble): try it again later. Leases do this on PostgreSQL. */
  unfinished?(key: string): void;
}

const NOW = `now() AT TIME ZONE 'UTC'`;
const LEASE = (p: string) => `${NOW} + make_interval(secs => ${p}::int / 1000.0)`;

/** Rows one INSERT carries at most (5 parameters each, far below PostgreSQL's 65535). */
const BATCH_ROWS = 500;

export function sqlIntake(db: Database, by: string, leaseMs: number, lanes = 2): IntakeStore {
  const lane: RawSql = db.lane ?? db.raw;
  // Group commit (group.ts): requests arriving while the lane's connections are busy go out as one
  // multi-row INSERT, each acknowledged only once it has committed.
  type Request = { key: string; door: DoorName; invocation: string };
  async function insert(batch: Request[]): Promise<boolean[]> {
    // A key twice in one batch (a redelivery racing its first) is one row: the later asker is the duplicate.
    const firstOf = new Map<string, number>();
    batch.forEach((r, i) => firstOf.has(r.key) || firstOf.set(r.key, i));
    const rows = [...firstOf.values()].map((i) => batch[i]!);
    const params: unknown[] = [];
    const values = rows.map((w, i) => {
      params.push(w.key, w.door, w.invocation);
      const p = i * 3;
      return `($${p + 1}, $${p + 2}::"Door", $${p + 3}::jsonb, $${rows.length * 3 + 1}, ${LEASE(`$${rows.length * 3 + 2}`)}, ${NOW})`;
    });
    params.push(by, leaseMs);
    const inserted = await lane.query<{ key: string }>(
      `INSERT INTO "Intake" ("key", "door", "invocation", "leasedBy", "leaseUntil", "createdAt")
       VALUES ${values.join(', ')} ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
      params,
    );
    const fresh = new Set(inserted.map((r) => r.key));
    return batch.map((r, i) => fresh.has(r.key) && firstOf.get(r.key) === i);
  }
  const store = grouped(insert, { lanes, max: BATCH_ROWS });
  return {
    take(key, door, invocation) {
      return store({ key, door, invocation });
    },
    async forget(key, committed) {
      if (!committed) await lane.query(`DELETE FROM "Intake" WHERE "key" = $1`, [key]);
    },
    async due(limit, maxAttempts) {
      // Finished rows (their delivery key committed) go; the rest past their lease are taken. The two
      // sets are disjoint, so one statement does both.
      const done = `EXISTS (SELECT 1 FROM "ProcessedDelivery" p WHERE p."key" = x."key" AND p."result" IS NOT NULL)`;
      return lane.query<Taken>(
        `WITH finished AS (DELETE FROM "Intake" x WHERE ${done})
         UPDATE "Intake" i SET "leasedBy" = $1, "leaseUntil" = ${LEASE('$2')}, "attempts" = i."attempts" + 1
         FROM (SELECT x."key" FROM "Intake" x WHERE x."leaseUntil" < ${NOW} AND x."attempts" < $3 AND NOT ${done}
               ORDER BY x."createdAt" LIMIT ${Math.max(1, Math.floor(limit))} FOR UPDATE SKIP LOCKED) picked
         WHERE i."key" = picked."key" RETURNING i."key", i."invocation", i."attempts"`,
        [by, leaseMs, maxAttempts],
      );
    },
    async prune(keepHours) {
      const rows = await lane.query(`DELETE FROM "Intake" WHERE "createdAt" < ${NOW} - make_interval(hours => $1::int) RETURNING "key"`, [keepHours]);
      return rows.length;
    },
  };
}
