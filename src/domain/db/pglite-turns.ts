// PGlite is PostgreSQL compiled to WASM running on this process's only event loop: while a statement
// runs, nothing else does, and PGlite's own queue runs one waiting statement after another without
// ever returning to the loop. Under a burst that starved the HTTP server: Slack's and Feishu's
// acks (3-second rule) waited behind seconds of queued SQL. Here every statement waits for its own
// turn of the event loop (setImmediate, one turn each, in arrival order), so between two statements
// the loop's poll phase reads the requests that came in and sends their acks first.
import type { PGlite, Transaction } from '@electric-sql/pglite';

type Queryable = Pick<PGlite, 'query' | 'exec'>;

/** One event-loop turn per statement, first come first served. */
export function turnTaker(): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    // Only the start of a statement is queued here, never its completion: a statement inside an
    // open transaction must not wait behind one that PGlite holds until that transaction ends.
    const mine = last.then(() => new Promise<void>((r) => setImmediate(r)));
    last = mine;
    return mine;
  };
}

function taking<T extends Queryable>(target: T, turn: () => Promise<void>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'query' || prop === 'exec') {
        const fn = Reflect.get(t, prop, t) as (...a: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await turn();
          return fn.apply(t, args);
        };
      }
      const v = Reflect.get(t, prop, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

/** One event-loop turn, queued behind nobody. */
const yieldOnce = () => new Promise<void>((r) => setImmediate(r));

/**
 * The same PGlite (query, exec, transaction and the rest), each statement taking its turn. A
 * transaction's own statements yield the loop too but skip the queue: PGlite holds every other
 * statement until that transaction ends, so making it wait behind them would only stretch the time
 * it holds them (and Prisma gives a waiting transaction 2 s to start).
 */
export function withTurns(lite: PGlite, turn = turnTaker()): PGlite {
  const outer = taking(lite, turn);
  return new Proxy(outer, {
    get(t, prop) {
      if (prop === 'transaction') {
        return async <R>(fn: (tx: Transaction) => Promise<R>) => {
          await turn();
          return lite.transaction((tx) => fn(taking(tx, yieldOnce)));
        };
      }
      return Reflect.get(t, prop, t);
    },
  });
}
