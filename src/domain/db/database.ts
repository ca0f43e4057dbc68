import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { watchDbPool } from '../../observe/metrics.ts';
import { withTurns } from './pglite-turns.ts';
import { PrismaClient } from '../../generated/prisma/client.ts';

export type Engine = 'pglite' | 'postgres';

/** Plain SQL access beside Prisma: migrations and the few statements Prisma cannot express. */
export interface RawSql {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn holding a session-wide lock, so two processes never do the same one-off work at once. */
  withLock<T>(key: number, fn: (sql: RawSql) => Promise<T>): Promise<T>;
}

export interface Database {
  engine: Engine;
  prisma: PrismaClient;
  raw: RawSql;
  describe: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite('dataDir' in target ? target.dataDir : undefined);
}

async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const engine = new PGlite(dataDir);
  await engine.waitReady;
  // Every statement yields the event loop first, so acks are never held up by queued SQL (pglite-turns.ts).
  const lite = withTurns(engine);
  // One PGlite instance is one connection owned by this process: an in-process queue is the lock.
  let queue: Promise<unknown> = Promise.resolve();
  const raw: RawSql = {
    async exec(sql) {
      await lite.exec(sql);
    },
    async query(sql, params) {
      return (await lite.query(sql, params)).rows as never[];
    },
    withLock(_key, fn) {
      const run = queue.then(() => fn(raw));
      queue = run.catch(() => undefined);
      return run;
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    engine: 'pglite',
    prisma,
    raw,
    describe: dataDir ? `embedded PostgreSQL (PGlite) in ${dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
    async close() {
      await prisma.$disconnect();
      await engine.close();
    },
  };
}

/**
 * A connection that runs its queries one after another. Prisma's query interpreter issues some of a
 * transaction's statements at once (a nested create's children, via Array.map) on the one
 * connection the transaction holds; pg 8 queues them but deprecates doing so (pg 9 refuses), which
 * printed "client.query() while executing" on every PostgreSQL run. Queuing here is the same order
 * the connection would have used, without the deprecated path.
 */
export class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();
  override query(...args: unknown[]): never {
    const callback = typeof args.at(-1) === 'function' || (args[0] && typeof (args[0] as { submit?: unknown }).submit === 'function');
    const run = (super.query as (...a: unknown[]) => unknown).bind(this);
    if (callback) return run(...args) as never;
    const next = this.#tail.then(() => run(...args));
    this.#tail = next.catch(() => undefined);
    return next as never;
  }
}

/** Client-side bound for one-off work under the advisory lock (migrations), instead of a command's. */
const LONG = 60 * 60_000;

async function openPostgres(url: string): Promise<Database> {
  // Bounded waits: a server that stops answering fails a request in seconds (and the person is told
  // to try again) instead of holding it; the server itself ends statements and idle transactions
  // a frozen client left open, so their locks do not block everyone else.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    Client: SerialClient,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 8_000,
    query_timeout: 9_000,
    idle_in_transaction_session_timeout: 15_000,
    keepAlive: true,
  });
  // An idle connection the server drops (restart, failover) is discarded and replaced on the next
  // checkout; without a listener pg would crash the process over it.
  pool.on('error', () => undefined);
  watchDbPool(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
  const raw: RawSql = {
    async exec(sql) {
      await pool.query(sql);
    },
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        // One-off work under the lock (migrations) may take longer than a command's statement bound.
        await client.query('SET statement_timeout = 0');
        await client.query({ text: 'SELECT pg_advisory_lock($1)', values: [key], query_timeout: LONG } as never);
        const locked: RawSql = {
          async exec(sql) {
            await client.query({ text: sql, query_timeout: LONG } as never);
          },
          async query(sql, params) {
            return ((await client.query({ text: sql, values: params as unknown[], query_timeout: LONG } as never)) as unknown as { rows: never[] }).rows;
          },
          withLock: (_k, inner) => inner(locked),
        };
        return await fn(locked);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        await client.query('RESET statement_timeout').catch(() => undefined);
        client.release();
      }
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    engine: 'postgres',
    prisma,
    raw,
    describe: `PostgreSQL at ${safe}`,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
