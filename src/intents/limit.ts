// Backpressure in front of the handler: a bounded number of commands run at once (fewer than the
// database pool's connections), a bounded queue waits behind them, and past either bound a request
// is refused at once so memory stays flat and nobody waits on a transaction that cannot start.

export class Busy extends Error {
  constructor(readonly why: 'full' | 'waited' | 'stopping') {
    super(`busy (${why})`);
  }
}

export interface LimitOptions {
  /** Commands running at once. */
  concurrency?: number;
  /** Commands waiting for a turn. */
  queue?: number;
  /** A command that waited this long is refused rather than started late. */
  maxWaitMs?: number;
}

export function createLimiter(o: LimitOptions = {}) {
  const concurrency = o.concurrency ?? 8;
  const queueMax = o.queue ?? 200;
  const maxWait = o.maxWaitMs ?? 2_000;
  let running = 0;
  let stopping = false;
  const waiting: Array<{ start: () => void; fail: (e: Busy) => void; timer: NodeJS.Timeout }> = [];
  const idle: Array<() => void> = [];

  const next = () => {
    const w = waiting.shift();
    if (w) {
      clearTimeout(w.timer);
      w.start();
    } else if (running === 0) idle.splice(0).forEach((f) => f());
  };

  /** `maxWaitMs`: this command's own bound on waiting (an acknowledged, stored one may wait longer). */
  async function run<T>(fn: () => Promise<T>, opts: { maxWaitMs?: number } = {}): Promise<T> {
    if (stopping) throw new Busy('stopping');
    if (running >= concurrency) {
      if (waiting.length >= queueMax) throw new Busy('full');
      await new Promise<void>((start, fail) => {
        const entry = {
          start,
          fail,
          timer: setTimeout(() => {
            const i = waiting.indexOf(entry);
            if (i >= 0) waiting.splice(i, 1);
            fail(new Busy('waited'));
          }, opts.maxWaitMs ?? maxWait),
        };
        waiting.push(entry);
      });
    }
    running++;
    try {
      // A command starts after the I/O already waiting (other requests to store and acknowledge):
      // its first statements are built synchronously, and an ack must not queue behind them.
      await new Promise<void>((r) => setImmediate(r));
      return await fn();
    } finally {
      running--;
      next();
    }
  }

  return {
    run,
    stats: () => ({ running, waiting: waiting.length }),
    /** Refuses new work and waits (at most ms) for what runs and waits; true when everything finished. */
    async drain(ms: number): Promise<boolean> {
      stopping = true;
      if (running === 0 && waiting.length === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([
        new Promise<true>((r) => idle.push(() => r(true))),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), ms))),
      ]);
      clearTimeout(timer);
      return done;
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
