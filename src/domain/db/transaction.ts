// One transaction around a whole command, so the idempotency record, the effect and the messages it
// owes commit together or not at all. Domain functions keep calling prisma.$transaction(fn): inside
// the outer transaction that becomes a savepoint, so a domain refusal thrown mid-way still undoes
// that function's own writes (and a unique violation does not poison the outer transaction).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { DRIVER, type Sql } from './driver.ts';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** How long a command may hold its transaction, and wait for a connection to start one. */
export const COMMAND_TX = { maxWait: 2_000, timeout: 10_000 } as const;

let savepoints = 0;

const IN_COMMAND = Symbol('inside a command transaction');

/** Whether `prisma` is a command's transaction (its $transaction makes savepoints on one connection). */
export function inCommand(prisma: PrismaClient): boolean {
  return Boolean((prisma as unknown as Record<symbol, unknown>)[IN_COMMAND]);
}

/**
 * Runs fn in a transaction of its own, or, inside a command's transaction, directly in it, without
 * the savepoint pair (two round trips) a nested $transaction costs. Only for fn that refuses before
 * its first write: then any error after a write is a failed statement or a bug, which fails the whole
 * command and rolls everything back anyway, so the savepoint had nothing to undo.
 */
export function refusingBeforeWrites<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if ((prisma as unknown as Record<symbol, unknown>)[IN_COMMAND]) return fn(prisma as unknown as Tx);
  return prisma.$transaction(fn);
}

/**
 * A PrismaClient-shaped view of `tx` whose $transaction(fn) runs fn inside a savepoint of tx; with
 * `sql`, the driver's handle on the same transaction (driver.ts sqlOf finds it).
 */
export function nestable(tx: Tx, sql?: Sql): PrismaClient {
  const nested = async (fn: unknown) => {
    if (typeof fn !== 'function') throw new Error('only interactive transactions can nest in a command');
    const name = `sp_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await (fn as (t: PrismaClient) => Promise<unknown>)(view);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  };
  const view = new Proxy(tx as object, {
    get(target, prop, receiver) {
      if (prop === '$transaction') return nested;
      if (prop === IN_COMMAND) return true;
      if (prop === DRIVER) return sql;
      return Reflect.get(target, prop, receiver);
    },
  }) as PrismaClient;
  return view;
}
