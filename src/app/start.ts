import type { Config } from '../config.ts';
import { serveOperations } from '../http/health.ts';
import { createLogger } from '../logger.ts';
import { bootApp } from './boot.ts';
import { applyMemoryFlags } from './memory.ts';
import type { AppContext } from './context.ts';

type Started = { stop(): Promise<void> };
type Door = { name: string; configured: (c: Config) => boolean; load: () => Promise<(app: AppContext) => Promise<Started>> };

// Doors start only when their credentials are set; each lives in its own module, loaded on demand
// (a literal import(), so bin/crm.js's bundle keeps each door a chunk of its own, loaded only when used).
const doors: Door[] = [
  { name: 'slack', configured: (c) => Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)), load: async () => (await import('../bots/slack/start.ts')).startSlack },
  { name: 'feishu', configured: (c) => Boolean(c.FEISHU_APP_ID && c.FEISHU_APP_SECRET), load: async () => (await import('../bots/feishu/start.ts')).startFeishu },
];
const schedulerDoor: Door = { name: 'scheduler', configured: () => true, load: async () => (await import('../scheduler/start.ts')).startScheduler };

const CONNECT = `No Slack or Feishu credentials are set, so this is the local console (type /crm help to begin).
To connect a chat platform, stop here and start again with:
  Slack:  SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events)
  Feishu: FEISHU_APP_ID and FEISHU_APP_SECRET
README.md ("Connect Slack", "Connect Feishu / Lark") lists the app scopes and events to enable.`;

export async function startApp(config: Config, _args: string[]): Promise<number> {
  const wanted = doors.filter((d) => d.configured(config));
  if (wanted.length === 0) {
    const { consoleSessionOn, firstConsoleAdmin } = await import('../cli/commands/console.ts');
    return consoleSessionOn(config, { name: firstConsoleAdmin(config.CRM_ADMINS) ?? 'Console User' }, CONNECT, { poolSweep: true });
  }
  const log = createLogger(config.LOG_LEVEL);
  // Before the database client compiles its WebAssembly (src/app/memory.ts).
  const v8Flags = applyMemoryFlags(config.DATABASE_URL ? 'postgres' : 'pglite');
  if (v8Flags.length) log.debug({ v8Flags }, 'memory settings');
  const app = await bootApp(config, log);
  const doorsRunning: Array<{ stop(): Promise<void> }> = [];
  let scheduler: { stop(): Promise<void> } | undefined;
  for (const door of [...wanted, schedulerDoor]) {
    let start: (app: AppContext) => Promise<Started>;
    try {
      start = await door.load();
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
      log.error({ door: door.name }, 'this build has no such door');
      continue;
    }
    const started = await start(app);
    if (door.name === 'scheduler') scheduler = started;
    else doorsRunning.push(started);
    log.info({ door: door.name }, 'started');
  }
  // One server for every door's HTTP path and the operator's checks, in every mode.
  serveOperations(app.http, app.db);
  const port = await app.http.listen(config.PORT);
  log.info({ port }, 'http listening (/healthz, /readyz, /metrics and the doors\' paths)');
  await new Promise<void>((resolve) => {
    const stop = () => {
      // A second signal means now: the first one's graceful stop is not waited for.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await shutdown(app, doorsRunning, scheduler, config.CRM_SHUTDOWN_MS);
  return 0;
}

/**
 * Stops taking requests, lets the ones in flight finish (new ones are told to try again), sends
 * the owed messages it can, hands the rest back to the other replicas, then closes the database;
 * all within `bound` ms.
 */
export async function shutdown(app: AppContext, doors: Array<{ stop(): Promise<void> }>, scheduler: { stop(): Promise<void> } | undefined, bound: number): Promise<void> {
  const log = app.log;
  const deadline = Date.now() + bound;
  const left = () => Math.max(0, deadline - Date.now());
  const within = <T>(p: Promise<T>) => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([p.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), left())))]).finally(() => clearTimeout(timer));
  };
  log.info({ boundMs: bound }, 'stopping: no new requests');
  // The HTTP server stops accepting first; requests already read still get their answers.
  const doorsStopped = Promise.all([
    app.http.close().catch((err) => log.warn({ err }, 'http close failed')),
    ...doors.map((d) => d.stop().catch((err) => log.warn({ err }, 'door stop failed'))),
  ]);
  const finished = app.drain ? await app.drain(left()) : true;
  await within(doorsStopped);
  if (scheduler) await within(scheduler.stop().catch((err) => log.warn({ err }, 'scheduler stop failed')));
  let flushed = true;
  if (app.outbox) {
    flushed = (await within(app.outbox.idle())) && (await within(app.outbox.sweep()));
    const released = await app.outbox.release().catch(() => 0);
    if (released) log.info({ released }, 'unsent messages handed to the other replicas');
  }
  await app.db.close().catch((err) => log.warn({ err }, 'database close failed'));
  log.info({ finished, flushed }, 'stopped');
}
