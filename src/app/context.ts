import type { Config } from '../config.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import type { Notifier, PlatformSender } from '../intents/delivery.ts';
import type { Invocation, Progress } from '../intents/invocation.ts';
import type { Reply } from '../intents/reply.ts';
import type { Logger } from '../logger.ts';
import type { createOutbox } from '../scheduler/outbox.ts';

/** What every door and the scheduler get from the composition root. */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  clock: Clock;
  handler: (inv: Invocation, progress?: Progress) => Promise<Reply>;
  notifier: Notifier & { register(sender: PlatformSender): void };
  /** The one HTTP server of the process; doors add their paths, start.ts listens on PORT. */
  http: HttpServer;
  /** Owed messages written with their commands' effects (src/scheduler/outbox.ts); the handler and the scheduler share it. */
  outbox?: ReturnType<typeof createOutbox>;
  /** Refuses new commands and waits (at most ms) for those in flight; true when they all finished. */
  drain?: (ms: number) => Promise<boolean>;
}
