// Command statements' results come back one per event-loop turn, after the I/O already waiting.
// A command's continuation after each statement (Prisma turning rows into objects, the domain
// deciding, the next statement built, a card rendered) runs synchronously, and with several
// commands in flight a turn of the loop was all of their continuations back to back: an HTTP
// request waiting to be stored and acknowledged, or the intake INSERT's answer that releases its
// ack, waited behind every one of them, at each of its two steps. Handed back in turns, at most
// one command's continuation runs between two looks at the sockets, so an ack waits for one
// slice of command work, not for all of them. The intake's own connections (the lane) do not
// take turns: their answers are what the acks wait for.
import type pg from 'pg';

const waiting: Array<() => void> = [];
let scheduled = false;

function next(): void {
  const run = waiting.shift();
  // Scheduled from inside the check phase, the next one runs on the loop's next turn, after its poll.
  scheduled = waiting.length > 0;
  if (scheduled) setImmediate(next);
  run?.();
}

/** Runs `fn` on a later turn of the event loop, one queued result per turn, in order. */
export function inTurn(fn: () => void): void {
  waiting.push(fn);
  if (!scheduled) {
    scheduled = true;
    setImmediate(next);
  }
}

type ClientClass = new (...args: never[]) => pg.Client;

/** A pg Client class whose query results (promise or callback) are delivered through inTurn. */
export function takingTurns<C extends ClientClass>(Base: C): C {
  return class extends (Base as ClientClass) {
    override query(...args: unknown[]): never {
      const last = args.at(-1);
      const run = (super.query as (...a: unknown[]) => unknown).bind(this);
      if (typeof last === 'function') {
        args[args.length - 1] = (err: unknown, res: unknown) => inTurn(() => (last as (e: unknown, r: unknown) => void)(err, res));
        return run(...args) as never;
      }
      // A Submittable (a cursor, a stream) delivers through its own events: left as it is.
      if (args[0] && typeof (args[0] as { submit?: unknown }).submit === 'function') return run(...args) as never;
      return (run(...args) as Promise<unknown>).then(
        (r) => new Promise((resolve) => inTurn(() => resolve(r))),
        (e) => new Promise((_, reject) => inTurn(() => reject(e))),
      ) as never;
    }
  } as unknown as C;
}
