import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../domain/context.ts';
import { migrate } from '../domain/db/migrate.ts';
import { createHttpServer } from '../http/server.ts';
import { createHandler } from '../intents/handler.ts';
import type { Logger } from '../logger.ts';
import type { AppContext } from './context.ts';
import { openConfiguredDatabase } from './database.ts';
import { createOutbox } from '../scheduler/outbox.ts';
import { createNotifier } from './notifier.ts';
import { openIntake } from '../domain/intake/open.ts';

/** Opens the database, applies pending migrations and wires the handler and HTTP server every door shares. */
export async function bootApp(config: Config, log: Logger, clock: Clock = systemClock): Promise<AppContext> {
  const db = await openConfiguredDatabase(config);
  const migrated = await migrate(db.raw);
  for (const name of migrated.applied) log.info({ migration: name }, 'migration applied');
  for (const name of migrated.modified) log.warn({ migration: name }, 'migration changed after it was applied');
  log.info({ database: db.describe }, 'database ready');
  const notifier = createNotifier(db, log);
  const outbox = createOutbox({ db, notifier, log, leaseMs: config.CRM_OUTBOX_LEASE_MS, now: () => clock.now() });
  // Requests are stored and acknowledged on arrival, then run; this replica also resumes what a dead one left.
  const intake = openIntake(db, outbox.instanceId, config.CRM_INTAKE_LEASE_MS);
  const handler = createHandler({ db, clock, log, config, notifier, outbox, intake, resumeEveryMs: 2_000 });
  const http = createHttpServer(log, {
    maxBodyBytes: config.HTTP_MAX_BODY_BYTES,
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: config.HTTP_BODY_TIMEOUT_MS,
    maxConnections: config.HTTP_MAX_CONNECTIONS,
  });
  return { config, db, log, clock, handler, notifier, http, outbox, drain: handler.drain };
}
