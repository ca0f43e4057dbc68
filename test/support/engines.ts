// Runs a suite on the embedded engine and on the machine's PostgreSQL. Each suite gets an empty,
// migrated database of its own. CI sets CI=true, which makes an unreachable PostgreSQL a failure
// instead of a skip, so the PostgreSQL suite can never silently vanish.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type Database, type Engine, type OpenOptions } from '../../src/domain/db/database.ts';
import { migrate } from '../../src/domain/db/migrate.ts';

export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      if (process.env.CI) throw new Error(`PostgreSQL is required in CI but ${adminUrl} is unreachable`);
      return false;
    }
  })();
  return reachable;
}

function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database on the given engine with every migration applied; drop() removes it. */
export async function freshDatabase(engine: Engine, opts: OpenOptions = {}): Promise<Database & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ memory: true }, opts);
    await migrate(db.raw);
    return Object.assign(db, { drop: () => db.close() });
  }
  const name = `crm_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = await openDatabase({ url: urlFor(name) }, opts);
  await migrate(db.raw);
  return Object.assign(db, {
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  });
}

export const engines: Engine[] = ['pglite', 'postgres'];
const pgAvailable = await postgresReachable();

/** describe() once per engine; the PostgreSQL one is skipped only outside CI when no server answers. */
export function describeEngines(title: string, body: (engine: Engine) => void): void {
  for (const engine of engines) {
    const run = engine === 'postgres' && !pgAvailable ? describe.skip : describe;
    run(`${title} [${engine}]`, () => body(engine));
  }
}
