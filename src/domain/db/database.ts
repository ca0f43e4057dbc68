import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { watchDbPool } from '../../observe/metrics.ts';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { reportingStatements, type StatementListener } from './statements.ts';
import { exposingTransactions, outsideSql, type Sql } from './driver.ts';
import { statementNames } from './prepared.ts';
import { takingTurns } from './result-turns.ts';

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
  /** Hand-written SQL outside transactions, typed as Prisma's $queryRaw types it, without its client's cost (driver.ts). */
  sql: Sql;
  describe: string;
  /**
   * Whether the server answers a fresh connection's `SELECT 1` within `ms`: tells a server that
   * stopped answering from a command that is merely slow. Absent for the embedded engine, which
   * lives in this process and cannot hang apart from it.
   */
  ping?(ms: number): Promise<boolean>;
  /**
   * PostgreSQL: a few connections of their own for short writes that must not wait behind the
   * commands' transactions for a pooled connection (a request's intake before its ack).
   */
  lane?: RawSql;
  /** PGlite: its data folder (absent in memory). */
  dataDir?: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export interface OpenOptions {
  /** Told every statement sent (Prisma's and raw), e.g. to count a command's round trips in a test. */
  onStatement?: StatementListener;
}

export async function openDatabase(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Database> {
  if ('url' in target) return openPostgres(target.url, opts);
  return openPglite('dataDir' in target ? target.dataDir : undefined, opts);
}

/** raw, telling `listen` each statement; unchanged without a listener. */
function reportingRaw(raw: RawSql, listen?: StatementListener): RawSql {
  if (!listen) return raw;
  const wrapped: RawSql = {
    exec: (sql) => (listen(sql), raw.exec(sql)),
    query: (sql, params) => (listen(sql, params), raw.query(sql, params)),
    withLock: (key, fn) => raw.withLock(key, (inner) => fn(reportingRaw(inner, listen))),
  };
  return wrapped;
}

async function openPglite(dataDir: string | undefined, opts: OpenOptions): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Loaded here, not at the top: on PostgreSQL the embedded engine's module alone cost 39 MB of RSS.
  const [{ openPgliteThread }, { PrismaPGlite }] = await Promise.all([import('./pglite-thread.ts'), import('pglite-prisma-adapter')]);
  // The engine runs on a thread of its own, so no statement's WebAssembly holds up an ack (pglite-thread.ts).
  const engine = await openPgliteThread(dataDir);
  // One PGlite instance is one connection owned by this process: an in-process queue is the lock.
  let queue: Promise<unknown> = Promise.resolve();
  const raw: RawSql = {
    async exec(sql) {
      await engine.exec(sql);
    },
    async query(sql, params) {
      return (await engine.query(sql, params)).rows as never[];
    },
    withLock(_key, fn) {
      const run = queue.then(() => fn(raw));
      queue = run.catch(() => undefined);
      return run;
    },
  };
  const factory = new PrismaPGlite(engine.asPglite());
  // One connection: transactions queue behind each other by design, so Prisma's 2 s deadline to start
  // one measured the queue, not a fault (20 creates at once failed on a loaded machine). How long a
  // person waits is bounded by the command limiter and the stall guard, not here.
  const adapter = exposingTransactions(opts.onStatement ? reportingStatements(factory, opts.onStatement) : factory);
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000 } });
  return {
    engine: 'pglite',
    prisma,
    sql: await outsideSql(adapter),
    raw: reportingRaw(raw, opts.onStatement),
    describe: dataDir ? `embedded PostgreSQL (PGlite) in ${dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
    ...(dataDir ? { dataDir } : {}),
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

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  // Bounded waits: a server that stops answering fails a request in seconds (and the person is told
  // to try again) instead of holding it; the server itself ends statements and idle transactions
  // a frozen client left open, so their locks do not block everyone else.
  const bounded = {
    connectionString: url,
    Client: SerialClient,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 8_000,
    query_timeout: 9_000,
    idle_in_transaction_session_timeout: 15_000,
    keepAlive: true,
  };
  // Commands' statements take turns with the acks (src/domain/db/result-turns.ts); the lane below does not.
  const pool = new pg.Pool({ ...bounded, Client: takingTurns(SerialClient), max: 10 });
  // The lane: two connections no command transaction ever holds, so an intake write before an ack
  // waits for nothing but the server. Its statements are single and short (no transactions).
  const lanePool = new pg.Pool({ ...bounded, max: 2 });
  // An idle connection the server drops (restart, failover) is discarded and replaced on the next
  // checkout; without a listener pg would crash the process over it.
  pool.on('error', () => undefined);
  lanePool.on('error', () => undefined);
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
  const factory = new PrismaPg(pool, { statementNameGenerator: statementNames() });
  const adapter = exposingTransactions(opts.onStatement ? reportingStatements(factory, opts.onStatement) : factory);
  const prisma = new PrismaClient({ adapter });
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  // Outside the pool on purpose: a pool whose connections all hang cannot answer for the server.
  // One connection kept open for it (a fresh one per probe costs a server process each time);
  // requests that ask at once share one probe; a probe that fails drops the connection.
  let probe: pg.Client | undefined;
  let probing: Promise<boolean> | undefined;
  const ping = (ms: number): Promise<boolean> =>
    (probing ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      // A late timer is read after the I/O phase (setImmediate): on a starved event loop the answer
      // and the timer come due together, and the answer must win.
      const late = new Promise<false>((r) => (timer = setTimeout(() => setImmediate(() => r(false)), ms)));
      const answered = (async () => {
        if (!probe) {
          const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: ms });
          c.on('error', () => {
            if (probe === c) probe = undefined;
          });
          await c.connect();
          probe = c;
        }
        await probe.query('SELECT 1');
        return true;
      })().catch(() => false);
      try {
        const ok = await Promise.race([answered, late]);
        if (!ok) dropProbe();
        return ok;
      } finally {
        clearTimeout(timer);
        probing = undefined;
      }
    })());
  const dropProbe = () => {
    const c = probe;
    probe = undefined;
    (c as unknown as { connection?: { stream?: { destroy(): void } } } | undefined)?.connection?.stream?.destroy();
    void c?.end().catch(() => undefined);
  };
  return {
    engine: 'postgres',
    prisma,
    sql: await outsideSql(adapter),
    raw: reportingRaw(raw, opts.onStatement),
    ping,
    lane: reportingRaw(
      {
        exec: async (sql) => void (await lanePool.query(sql)),
        query: async (sql, params) => (await lanePool.query(sql, params as unknown[])).rows,
        withLock: (key, fn) => raw.withLock(key, fn),
      },
      opts.onStatement,
    ),
    describe: `PostgreSQL at ${safe}`,
    async close() {
      dropProbe();
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
      await lanePool.end().catch(() => undefined);
    },
  };
}
