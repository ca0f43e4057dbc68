import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { RawSql } from './database.ts';

/** prisma/migrations of the package this file belongs to, whether it runs from src/ or from bin/crm.js's bundle. */
export const defaultMigrationsDir = path.join(packageRoot(path.dirname(new URL(import.meta.url).pathname)), 'prisma/migrations');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

// Any constant works; it only has to be the same for every process of this app.
const MIGRATION_LOCK_KEY = 727_366_001;

// The same table Prisma's `migrate deploy` keeps, so either tool sees the other's history.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations whose file changed since: worth a warning, never silently re-run. */
  modified: string[];
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies pending migrations in order, each in its own transaction, under a lock shared by all processes. */
export async function migrate(raw: RawSql, migrations = readMigrations()): Promise<MigrateResult> {
  return raw.withLock(MIGRATION_LOCK_KEY, async (sql) => {
    await sql.exec(HISTORY_TABLE);
    const done = await sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedChecksums = new Map(done.map((r) => [r.migration_name, r.checksum]));
    const result: MigrateResult = { applied: [], alreadyApplied: 0, modified: [] };
    for (const m of migrations) {
      const known = appliedChecksums.get(m.name);
      if (known !== undefined) {
        result.alreadyApplied++;
        if (known !== m.checksum) result.modified.push(m.name);
        continue;
      }
      await sql.exec('BEGIN');
      try {
        await sql.exec(m.sql);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await sql.exec('COMMIT');
      } catch (err) {
        await sql.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      result.applied.push(m.name);
    }
    return result;
  });
}

/** Migrations this build ships that the database has not finished applying (a readiness check). */
export async function pendingMigrations(raw: RawSql, migrations = readMigrations()): Promise<string[]> {
  const exists = await raw.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists[0]?.t) return migrations.map((m) => m.name);
  const done = new Set((await raw.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
