// A database that stops answering must not hold a person for the driver's 9-second query timeout.
// While a command runs, the database is probed (on a fresh connection) every `checkAfterMs`; when it
// does not answer, the command is abandoned and the person told to try again. An abandoned command
// can no longer commit: the handler checks `abandoned` as the last step inside its transaction, so
// its writes roll back whenever the hung statement returns. Past that point (`committing`: the
// stored result and the COMMIT itself) nothing can be taken back, so a database that stops answering
// then gets the person an honest "not sure" within the same bound: if the commit lands, the answer
// it wrote to the outbox follows; if not, nothing changed. Once `committed`, nothing is probed.
import type { Database } from '../domain/db/database.ts';

export interface Watch {
  abandoned: boolean;
  committing: boolean;
  committed: boolean;
}

export class DatabaseStalled extends Error {
  // A connection-level code, so src/intents/unavailable.ts reads it as the database being down.
  readonly code = 'ETIMEDOUT';
  constructor() {
    super('the database did not answer in time; the command was abandoned and rolled back');
  }
}

/** The database stopped answering during the commit: the command may or may not have taken effect. */
export class CommitUnsure extends Error {
  constructor() {
    super('the database stopped answering during the commit; the outcome is not known yet');
  }
}

export interface StallOptions {
  /** How long a command runs before the database is probed. */
  checkAfterMs?: number;
  /**
   * Then, while it still runs, how long between probes: short, so a database that stops answering
   * mid-command (or mid-commit) is noticed within about this plus `pingMs`. A probe is one
   * `SELECT 1` on a connection kept for it.
   */
  recheckMs?: number;
  /** How long the probe waits for the server. */
  pingMs?: number;
}

export async function whileDatabaseAnswers<T>(db: Pick<Database, 'ping'>, work: (watch: Watch) => Promise<T>, o: StallOptions = {}): Promise<T> {
  const watch: Watch = { abandoned: false, committing: false, committed: false };
  const ping = db.ping?.bind(db);
  if (!ping) return work(watch);
  const running = work(watch);
  const checkAfter = o.checkAfterMs ?? 1_700;
  const pingMs = o.pingMs ?? 800;
  const recheck = o.recheckMs ?? 400;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const check = async () => {
      if (done || watch.committed) return;
      const alive = await ping(pingMs);
      if (done || watch.committed) return;
      if (alive) timer = setTimeout(check, recheck);
      else if (watch.committing) reject(new CommitUnsure());
      else {
        watch.abandoned = true;
        reject(new DatabaseStalled());
      }
    };
    timer = setTimeout(check, checkAfter);
  });
  try {
    return await Promise.race([running, stalled]);
  } finally {
    done = true;
    clearTimeout(timer);
    // The abandoned command ends (and rolls back) when its statement does; nobody waits for it.
    // One whose commit was in doubt ends on its own too: if it committed, it sends what it owes.
    running.catch(() => undefined);
  }
}
