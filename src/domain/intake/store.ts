// Where an acknowledged request waits for its command (durable intake, src/intents/intake.ts). On
// PostgreSQL: an "Intake" row written on the lane (connections no command holds), deleted in the
// command's own transaction, so a row past its lease is a command whose replica died after the ack,
// and any replica may take it. Times come from the database's clock so replicas agree on leases.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DoorName } from '../context.ts';
import type { Database, RawSql } from '../db/database.ts';

export interface Taken {
  key: string;
  invocation: unknown;
  attempts: number;
}

export interface IntakeStore {
  /** Stores the request durably; false when its key is already taken (a redelivery). */
  take(key: string, door: DoorName, invocation: string): Promise<boolean>;
  /** Inside the command's transaction: the intake ends with the command's commit. */
  finishIn(prisma: PrismaClient, key: string): Promise<void>;
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

export function sqlIntake(db: Database, by: string, leaseMs: number): IntakeStore {
  const lane: RawSql = db.lane ?? db.raw;
  return {
    async take(key, door, invocation) {
      const rows = await lane.query(
        `INSERT INTO "Intake" ("key", "door", "invocation", "leasedBy", "leaseUntil", "createdAt")
         VALUES ($1, $2::"Door", $3::jsonb, $4, ${LEASE('$5')}, ${NOW}) ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
        [key, door, invocation, by, leaseMs],
      );
      return rows.length === 1;
    },
    async finishIn(prisma, key) {
      await prisma.$executeRawUnsafe(`DELETE FROM "Intake" WHERE "key" = $1`, key);
    },
    async forget(key, committed) {
      if (!committed) await lane.query(`DELETE FROM "Intake" WHERE "key" = $1`, [key]);
    },
    async due(limit, maxAttempts) {
      return lane.query<Taken>(
        `UPDATE "Intake" i SET "leasedBy" = $1, "leaseUntil" = ${LEASE('$2')}, "attempts" = i."attempts" + 1
         FROM (SELECT "key" FROM "Intake" WHERE "leaseUntil" < ${NOW} AND "attempts" < $3 ORDER BY "createdAt" LIMIT ${Math.max(1, Math.floor(limit))} FOR UPDATE SKIP LOCKED) picked
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
