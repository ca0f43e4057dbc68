// Reports every statement a Prisma driver adapter sends, the same way on both engines, so a test can
// count a command's round trips and a regression (one more read) shows as a number, not a feeling.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export type StatementListener = (sql: string, args?: unknown[]) => void;

function queryable<T extends object>(target: T, listen: StatementListener, extra: Record<string, unknown> = {}): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop in extra) return extra[prop as string];
      const value = Reflect.get(t, prop, receiver);
      if ((prop === 'queryRaw' || prop === 'executeRaw') && typeof value === 'function') {
        return (query: SqlQuery) => {
          listen(query.sql, query.args);
          return (value as (q: SqlQuery) => unknown).call(t, query);
        };
      }
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

function transaction(tx: Transaction, listen: StatementListener): Transaction {
  // Without phantom queries Prisma sends COMMIT/ROLLBACK itself (seen as a query); with them
  // (PGlite's adapter) the driver sends them inside commit()/rollback().
  if (!tx.options.usePhantomQuery) return queryable(tx, listen);
  return queryable(tx, listen, {
    commit: () => (listen('COMMIT'), tx.commit()),
    rollback: () => (listen('ROLLBACK'), tx.rollback()),
  });
}

function adapter(conn: SqlDriverAdapter, listen: StatementListener): SqlDriverAdapter {
  return queryable(conn, listen, {
    executeScript: (script: string) => (listen(script), conn.executeScript(script)),
    startTransaction: async (isolation?: Parameters<SqlDriverAdapter['startTransaction']>[0]) => {
      listen('BEGIN');
      return transaction(await conn.startTransaction(isolation), listen);
    },
  });
}

/** The factory `factory`, telling `listen` each statement (BEGIN and COMMIT included) before it is sent. */
export function reportingStatements<F extends SqlDriverAdapterFactory>(factory: F, listen: StatementListener): F {
  return queryable(factory, listen, {
    connect: async () => adapter(await factory.connect(), listen),
  });
}
