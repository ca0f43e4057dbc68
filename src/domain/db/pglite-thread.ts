// PGlite is PostgreSQL compiled to WebAssembly, and a statement's run is one synchronous call: on the
// event loop that answers Slack and Feishu, every statement (and the collection of its garbage)
// delayed the acks queued behind it; the closed-loop bench's next ack always came due while the
// previous command's statements ran. Here PGlite lives on a worker thread of its own and this side
// is a stand-in with the part of PGlite's interface our code and pglite-prisma-adapter use (query,
// exec, transaction with query/exec/rollback, waitReady, close), so the main loop only posts
// statements and reads answers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

type Parser = (text: string, typeId: number) => unknown;

interface WireError {
  database: boolean;
  name?: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Request =
  | { op: 'open'; dataDir?: string }
  | { op: 'query'; tx?: number; sql: string; params?: unknown[]; options?: WireOptions }
  | { op: 'exec'; tx?: number; sql: string; options?: WireOptions }
  | { op: 'begin' | 'rollback'; tx: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type WireOptions = Omit<QueryOptions, 'parsers'> & { keepText?: number[] };

/** The worker's file, beside this one in src/, or found from the package root when this runs from bin/crm.js's bundle. */
function workerFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'pglite-worker.mjs');
  if (existsSync(beside)) return beside;
  for (let dir = here; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'src/domain/db/pglite-worker.mjs');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
  }
  throw new Error(`pglite-worker.mjs not found above ${here}`);
}

/** Options without functions (they cannot be posted): parsers become the oids whose values come back as text. */
function wireOptions(options?: QueryOptions): WireOptions | undefined {
  if (!options) return undefined;
  const { parsers, ...rest } = options;
  for (const [k, v] of Object.entries(rest)) {
    if (typeof v === 'function' || (v && typeof v === 'object' && !Array.isArray(v))) throw new Error(`PGlite option ${k} cannot reach the database thread`);
  }
  return parsers ? { ...rest, keepText: Object.keys(parsers).map(Number) } : rest;
}

/** Applies the caller's parsers to the values the worker left as text, as PGlite would have. */
function parsed<T>(result: Results<T>, options?: QueryOptions): Results<T> {
  const parsers = options?.parsers as Record<number, Parser> | undefined;
  if (!parsers || !result.fields?.length) return result;
  const array = options?.rowMode === 'array';
  result.fields.forEach((field, i) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    // Two columns of one name leave one value per row in object mode: parse it once.
    if (!array && result.fields.findIndex((f) => f.name === field.name) !== i) return;
    const key = array ? i : field.name;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const v = row[key];
      if (v !== null && v !== undefined) row[key] = parse(v as string, field.dataTypeID);
    }
  });
  return result;
}

export interface ThreadedPglite {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  readonly waitReady: Promise<void>;
  close(): Promise<void>;
  /** The same object typed as PGlite, for pglite-prisma-adapter (it uses only the methods above). */
  asPglite(): PGlite;
}

/** PGlite on a worker thread: `dataDir` absent keeps the data in memory. */
export async function openPgliteThread(dataDir?: string): Promise<ThreadedPglite> {
  // Started first: the thread loads and compiles PGlite while this one loads the rest.
  const worker = new Worker(workerFile());
  const opening = import('@electric-sql/pglite');
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; site: Error }>();
  let ids = 0;
  let txIds = 0;
  let stopped: Error | undefined;

  const revive = (w: WireError): Error => {
    const err: Error = w.database && messages ? new messages.DatabaseError(w.message, Number(w.fields.length ?? 0), (w.name ?? 'error') as never) : new Error(w.message);
    Object.assign(err, w.fields);
    if (!w.database && w.name) err.name = w.name;
    return err;
  };
  // Idle, the thread does not keep the process alive (an in-process PGlite never did); a statement
  // on its way does, so a script awaiting its answer is not cut short.
  worker.unref();
  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return p;
  };
  worker.on('message', (m: { id: number; result?: unknown; error?: WireError }) => {
    const p = settle(m.id);
    if (!p) return;
    if (m.error) {
      const err = revive(m.error);
      // Where the statement was sent from, on this thread, says more than the worker's stack.
      err.stack = `${err.name}: ${err.message}\n${p.site.stack?.split('\n').slice(2).join('\n') ?? ''}`;
      p.reject(err);
    } else p.resolve(m.result);
  });
  const stop = (err: Error) => {
    stopped ??= err;
    for (const id of [...pending.keys()]) settle(id)?.reject(stopped);
  };
  worker.on('error', (err) => stop(new Error(`the embedded database thread failed: ${err.message}`, { cause: err })));
  worker.on('exit', (code) => stop(new Error(`the embedded database thread exited (code ${code})`)));

  const call = <T>(req: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++ids;
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, site: new Error() });
      worker.postMessage({ ...req, id });
    });
  };

  const query = async <T>(sql: string, params?: unknown[], options?: QueryOptions, tx?: number) =>
    parsed(await call<Results<T>>({ op: 'query', tx, sql, params, options: wireOptions(options) }), options);
  const exec = async (sql: string, options?: QueryOptions, tx?: number) => {
    const results = await call<Results[]>({ op: 'exec', tx, sql, options: wireOptions(options) });
    return results.map((r) => parsed(r, options));
  };

  const ready = call<void>({ op: 'open', ...(dataDir ? { dataDir } : {}) });
  // Main-side errors must be PGlite's own DatabaseError: the adapter maps a unique violation by
  // checking `instanceof pglite.messages.DatabaseError`.
  let messages!: typeof import('@electric-sql/pglite').messages;
  const thread: ThreadedPglite = {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql, options) => exec(sql, options),
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = ++txIds;
      // The worker holds PGlite's transaction open between our statements; every statement
      // outside it waits in the worker until it ends, as it would on PGlite's one connection.
      await call({ op: 'begin', tx: id });
      let closed = false;
      const check = () => {
        if (closed) throw new Error('Transaction is closed');
      };
      const tx = {
        query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (check(), query<R>(sql, params, options, id)),
        exec: async (sql: string, options?: QueryOptions) => (check(), exec(sql, options, id)),
        async rollback() {
          check();
          await call({ op: 'rollback', tx: id });
          closed = true;
        },
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        closed = true;
        await call({ op: 'end', tx: id, commit: false }).catch(() => undefined);
        throw err;
      }
      closed = true;
      await call({ op: 'end', tx: id, commit: true });
      return result;
    },
    waitReady: ready,
    async close() {
      if (!stopped) await call({ op: 'close' }).catch(() => undefined);
      stop(new Error('PGlite is closed'));
      await worker.terminate();
    },
    asPglite: () => thread as unknown as PGlite,
  };
  try {
    [{ messages }] = await Promise.all([opening, ready]);
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return thread;
}
