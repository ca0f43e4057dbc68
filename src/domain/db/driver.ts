// Hand-written SQL sent straight to the driver adapter, under Prisma's client. Through the client a
// raw statement cost about 570 µs of CPU here against 190 µs through the pool (issue 16: /log sends
// eight of them, and the CPU per command bounds how many a 2-core server answers). The statements
// and their transactions stay the same: a command's transaction is still opened by Prisma, and its
// connection, which the adapter hands Prisma, is captured here so the hot statements run on it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ArgType, ColumnType, SqlDriverAdapterFactory, SqlQueryable, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

/** Runs a statement: its rows as $queryRaw would give them, or its affected-row count. */
export interface Sql {
  /** Which way the statements go: the driver adapter directly, or Prisma's client. */
  readonly via: 'driver' | 'client';
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  run(query: Prisma.Sql): Promise<number>;
  /** rows, for SQL text with $1… placeholders built by hand ($queryRawUnsafe's form). */
  rowsUnsafe<T>(text: string, ...values: unknown[]): Promise<T[]>;
  runUnsafe(text: string, ...values: unknown[]): Promise<number>;
}

/** Where a command's transaction view (transaction.ts nestable) keeps its driver handle. */
export const DRIVER = Symbol('the driver handle of this transaction');

// The ColumnTypeEnum codes of @prisma/driver-adapter-utils (a type-only import here: its module is
// not a dependency of ours at run time).
const INT32 = 0, INT64 = 1, NUMERIC = 4, BOOLEAN = 5, DATE = 8, TIME = 9, DATETIME = 10, JSON_ = 11, BYTES = 13;
const ARRAY = 64;

/** A value as Prisma's $queryRaw returns it for that column type (its client's deserialisation). */
function value(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type >= ARRAY && type < 128) return Array.isArray(v) ? v.map((x) => value(x, (type - ARRAY) as ColumnType)) : v;
  switch (type) {
    case INT32:
      return Math.trunc(Number(v));
    case INT64:
      return BigInt(typeof v === 'number' ? Math.trunc(v) : (v as string));
    case NUMERIC:
      return new Prisma.Decimal(v as string);
    case BOOLEAN:
      return typeof v === 'boolean' ? v : v === 'true' || v === '1' || v === 1;
    case DATE:
    case DATETIME:
      return new Date(v as string);
    case TIME:
      return new Date(`1970-01-01T${v as string}Z`);
    case JSON_:
      return typeof v === 'string' ? JSON.parse(v) : v;
    case BYTES:
      return v instanceof Uint8Array ? v : new Uint8Array(Buffer.from(v as string, 'base64'));
    default:
      return v;
  }
}

function objects<T>(set: SqlResultSet): T[] {
  const { columnNames: names, columnTypes: types } = set;
  return set.rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = value(row[i], types[i]!);
    return o as T;
  });
}

const SCALAR = (scalarType: ArgType['scalarType']): ArgType => ({ scalarType, arity: 'scalar' });
const TYPES = { datetime: SCALAR('datetime'), bigint: SCALAR('bigint'), bytes: SCALAR('bytes'), unknown: SCALAR('unknown') };

/** A parameter as Prisma's client would hand it to the adapter (dates as UTC timestamps, objects as JSON). */
function arg(v: unknown): { value: unknown; type: ArgType } {
  if (v instanceof Date) return { value: v, type: TYPES.datetime };
  if (typeof v === 'bigint') return { value: v.toString(), type: TYPES.bigint };
  if (v instanceof Uint8Array) return { value: v, type: TYPES.bytes };
  if (v instanceof Prisma.Decimal) return { value: v.toString(), type: TYPES.unknown };
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { value: JSON.stringify(v), type: TYPES.unknown };
  return { value: v ?? null, type: TYPES.unknown };
}

function driverSql(conn: SqlQueryable): Sql {
  const prepare = (text: string, values: readonly unknown[]) => {
    const args = values.map(arg);
    return { sql: text, args: args.map((a) => a.value), argTypes: args.map((a) => a.type) };
  };
  return {
    via: 'driver',
    rows: async <T>(query: Prisma.Sql) => objects<T>(await conn.queryRaw(prepare(query.text, query.values))),
    run: (query) => conn.executeRaw(prepare(query.text, query.values)),
    rowsUnsafe: async <T>(text: string, ...values: unknown[]) => objects<T>(await conn.queryRaw(prepare(text, values))),
    runUnsafe: (text, ...values) => conn.executeRaw(prepare(text, values)),
  };
}

/** The same statements through Prisma's client: outside a captured transaction, and where no driver is at hand. */
type Client = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | '$queryRawUnsafe' | '$executeRawUnsafe'>;

function clientSql(prisma: Client): Sql {
  return {
    via: 'client',
    rows: <T>(query: Prisma.Sql) => prisma.$queryRaw<T[]>(query),
    run: (query) => prisma.$executeRaw(query),
    rowsUnsafe: <T>(text: string, ...values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values),
    runUnsafe: (text, ...values) => prisma.$executeRawUnsafe(text, ...values),
  };
}

/** The transaction being opened: the first connection handed out under it is its own. */
interface Opening {
  tx?: Transaction;
  taken: boolean;
}

const opening = new AsyncLocalStorage<Opening>();

/**
 * The factory, telling a transaction opened under `driverTransaction` which connection it got.
 * Statements keep going through the factory's own adapters, so anything that wraps them (the
 * statement counter in statements.ts) sees these too.
 */
export function exposingTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver);
      return async () => {
        const adapter = await target.connect();
        return new Proxy(adapter, {
          get(a, p, r) {
            if (p !== 'startTransaction') {
              const v = Reflect.get(a, p, r);
              return typeof v === 'function' ? v.bind(a) : v;
            }
            return async (...args: Parameters<typeof a.startTransaction>) => {
              const tx = await a.startTransaction(...args);
              const slot = opening.getStore();
              if (slot && !slot.taken) {
                slot.tx = tx;
                slot.taken = true;
              }
              return tx;
            };
          },
        });
      };
    },
  });
}

/**
 * prisma.$transaction(fn, options), fn also given the driver's handle on the same transaction
 * (the client's, if the adapter was not opened through exposingTransactions).
 */
export function driverTransaction<T>(prisma: PrismaClient, fn: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0], sql: Sql) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  const slot: Opening = { taken: false };
  return opening.run(slot, () =>
    prisma.$transaction(async (tx) => {
      // Closed now: a transaction fn opens on another connection must not be mistaken for this one.
      slot.taken = true;
      return fn(tx, slot.tx ? driverSql(slot.tx) : clientSql(tx));
    }, options),
  );
}

/** The fastest way to send hand-written SQL on `prisma`: the command transaction's driver handle, or Prisma's client. */
export function sqlOf(prisma: Client): Sql {
  return ((prisma as unknown as Record<symbol, Sql | undefined>)[DRIVER]) ?? clientSql(prisma);
}

/** Hand-written SQL on the adapter outside any transaction (one pooled statement each). */
export async function outsideSql(factory: SqlDriverAdapterFactory): Promise<Sql> {
  return driverSql(await factory.connect());
}
