// A database that stops answering must not hold a person for the driver's 9-second query timeout.
// While a command runs, the database is probed (on a fresh connection) every `checkAfterMs`; when it
// does not answer, the command is abandoned and the person told to try again. An abandoned command
// can no longer commit: the handler checks `abandoned` as the last step inside its transaction, so
// its writes roll back whenever the hung statement returns. Once it has passed that point
// (`committing`) it is waited for, since its effect may already be in the database.
import type { Database } from '../domain/db/database.ts';

export interface Watch {
  abandoned: boolean;
  committing: boolean;
}

export class DatabaseStalled extends Error {
  // A connection-level code, so src/intents/unavailable.ts reads it as the database being down.
  readonly code = 'ETIMEDOUT';
  constructor() {
    super('the database did not answer in time; the command was abandoned and rolled back');
  }
}

export interface StallOptions {
  /** How long a command runs before the database is probed (and again after each answer). */
  checkAfterMs?: number;
  /** How long the probe waits for the server. */
  pingMs?: number;
}

export async function whileDatabaseAnswers<T>(db: Pick<Database, 'ping'>, work: (watch: Watch) => Promise<T>, o: StallOptions = {}): Promise<T> {
  const watch: Watch = { abandoned: false, committing: false };
  const ping = db.ping?.bind(db);
  if (!ping) return work(watch);
  const running = work(watch);
  const checkAfter = o.checkAfterMs ?? 1_700;
  const pingMs = o.pingMs ?? 800;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const check = async () => {
      if (done || watch.committing) return;
      const alive = await ping(pingMs);
      if (done || watch.committing) return;
      if (alive) timer = setTimeout(check, checkAfter);
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
    running.catch(() => undefined);
  }
}
