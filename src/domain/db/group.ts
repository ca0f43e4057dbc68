// Group commit for short single statements on a busy server: items that arrive while `lanes`
// statements are already in flight wait and go out together as one statement (one round trip, one
// commit, one WAL flush for all), each caller answered only once that statement has committed, as
// alone. A lone item goes out at once, never delayed. On this machine a round trip's write is the
// costliest part of a statement (issue 16), so under load this saves CPU as well as time.
export function grouped<T, R>(send: (batch: T[]) => Promise<R[]>, opts: { lanes: number; max: number }): (item: T) => Promise<R> {
  type Waiter = { item: T; done: (r: R) => void; fail: (err: unknown) => void };
  let pending: Waiter[] = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < opts.lanes && pending.length) {
      const batch = pending.slice(0, opts.max);
      pending = pending.slice(batch.length);
      inFlight++;
      void send(batch.map((w) => w.item))
        .then(
          (results) => batch.forEach((w, i) => w.done(results[i]!)),
          (err) => batch.forEach((w) => w.fail(err)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  return (item) =>
    new Promise<R>((done, fail) => {
      pending.push({ item, done, fail });
      pump();
    });
}
