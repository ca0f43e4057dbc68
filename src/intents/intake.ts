// Durable intake: a request whose answer goes through the outbox (a Slack command or click with a
// response_url, a Feishu message or menu click) is stored on arrival and acknowledged at once, then
// run behind the limiter. The ack no longer waits for the command's commit, so it costs one short
// write, not the command; and an acknowledged request is never lost: the stored request is deleted
// in the command's own transaction, so one left behind by a replica killed after the ack is resumed
// by a replica (any, on PostgreSQL; the restarted process, on PGlite), whose answer goes out
// through the outbox once. A redelivery of a key already taken gets the HTTP ack only.
import type { IntakeStore } from '../domain/intake/store.ts';
import { decodeMessage } from '../domain/outbox/store.ts';
import type { Logger } from '../logger.ts';
import type { Invocation, Progress } from './invocation.ts';
import type { Reply } from './reply.ts';

/** A stored request while its command runs; `finished` once the command's transaction committed. */
export interface Held {
  key: string;
  finished: boolean;
}

/**
 * An acknowledged request may wait longer for its turn than one whose ack waits for it (2 s): the
 * person already knows it arrived. The queue's length still bounds memory.
 */
export const TAKEN_MAX_WAIT_MS = 10_000;

/** After this many starts a stored request is no longer resumed: it is what kills its replica. */
export const MAX_ATTEMPTS = 3;

/**
 * Only a request that a door acknowledges (progress), that the platform will not send again
 * unasked (a delivery key), and whose answer can go through the outbox (replyTo). A file's
 * download cannot be stored, so uploads keep the ack-at-commit path.
 */
export function takesIn(inv: Invocation, progress?: Progress): boolean {
  return Boolean(progress?.accepted && inv.deliveryKey && inv.replyTo && inv.input.kind !== 'file');
}

/** Resumes stored requests nobody holds (their replica died, or this process restarted). */
export function intakeSweep(o: { store: IntakeStore; log: Logger; run: (inv: Invocation, key: string) => Promise<Reply> }) {
  let running: Promise<number> | undefined;
  let sweeps = 0;
  const once = (): Promise<number> =>
    (running ??= (async () => {
      try {
        // Kept as long as delivery keys are (src/domain/outbox/store.ts pruneDeliveries): about hourly.
        if (sweeps++ % 1800 === 0) await o.store.prune(24);
        const due = await o.store.due(20, MAX_ATTEMPTS);
        if (due.length) o.log.info({ count: due.length }, 'resuming requests acknowledged by a replica that stopped');
        await Promise.all(due.map((row) => o.run(decodeMessage<Invocation>(row.invocation), row.key)));
        return due.length;
      } finally {
        running = undefined;
      }
    })());
  return {
    once,
    every(ms: number): () => void {
      const tick = () => void once().catch((err) => o.log.warn({ err }, 'intake sweep failed'));
      tick();
      const timer = setInterval(tick, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
