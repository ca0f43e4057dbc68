import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { serveOperations } from '../http/health.ts';
import { createLogger } from '../logger.ts';
import { bootApp } from './boot.ts';
import type { AppContext } from './context.ts';

type Door = { name: string; configured: (c: Config) => boolean; module: string; start: string };

// Doors start only when their credentials are set; each lives in its own module, loaded on demand.
const doors: Door[] = [
  { name: 'slack', configured: (c) => Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)), module: '../bots/slack/start.ts', start: 'startSlack' },
  { name: 'feishu', configured: (c) => Boolean(c.FEISHU_APP_ID && c.FEISHU_APP_SECRET), module: '../bots/feishu/start.ts', start: 'startFeishu' },
];

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
  const app = await bootApp(config, log);
  const running: Array<{ stop(): Promise<void> }> = [];
  for (const door of [...wanted, { name: 'scheduler', configured: () => true, module: '../scheduler/start.ts', start: 'startScheduler' }]) {
    const file = new URL(door.module, import.meta.url);
    if (!existsSync(file)) {
      log.error({ door: door.name }, 'this build has no such door');
      continue;
    }
    const mod = (await import(file.href)) as Record<string, (app: AppContext) => Promise<{ stop(): Promise<void> }>>;
    running.push(await mod[door.start]!(app));
    log.info({ door: door.name }, 'started');
  }
  // One server for every door's HTTP path and the operator's checks, in every mode.
  serveOperations(app.http, app.db);
  const port = await app.http.listen(config.PORT);
  log.info({ port }, 'http listening (/healthz, /readyz, /metrics and the doors\' paths)');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info('stopping');
  await app.http.close();
  for (const r of running.reverse()) await r.stop().catch((err) => log.warn({ err }, 'stop failed'));
  await app.db.close();
  return 0;
}
