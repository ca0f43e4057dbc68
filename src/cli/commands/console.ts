import { parseArgs } from 'node:util';
import { bootApp } from '../../app/boot.ts';
import { consoleSender, type ConsoleInbox } from '../../bots/console/sender.ts';
import { runConsole } from '../../bots/console/session.ts';
import { isZone, loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { as: { type: 'string' }, tz: { type: 'string' }, locale: { type: 'string' } } });
  const config = loadConfig();
  if (values.tz && !isZone(values.tz)) {
    console.error(`crm console: unknown time zone ${values.tz} (use an IANA name such as Asia/Shanghai)`);
    return 2;
  }
  if (values.locale && values.locale !== 'en' && values.locale !== 'zh-CN') {
    console.error('crm console: --locale is en or zh-CN');
    return 2;
  }
  const name = values.as?.trim() || firstConsoleAdmin(config.CRM_ADMINS) || 'Console User';
  return consoleSessionOn(config, { name, timeZone: values.tz, locale: values.locale as 'en' | 'zh-CN' | undefined });
}

export function firstConsoleAdmin(admins: string): string | undefined {
  return admins
    .split(',')
    .map((s) => s.trim())
    .find((s) => s.startsWith('console:'))
    ?.slice('console:'.length)
    .trim();
}

export async function consoleSessionOn(config: ReturnType<typeof loadConfig>, user: { name: string; timeZone?: string; locale?: 'en' | 'zh-CN' }, banner?: string, opts: { poolSweep?: boolean } = {}): Promise<number> {
  // Logs go to stderr at warn level so they never interleave with the conversation on stdout.
  const app = await bootApp(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  const write = (text: string) => void process.stdout.write(text);
  const inbox: ConsoleInbox = new Map();
  // An export lands in CRM_EXPORT_DIR, else the folder the console was started in.
  app.notifier.register(consoleSender(write, inbox, { fileDir: process.env.CRM_EXPORT_DIR || process.cwd() }));
  // `crm start` on the console still runs the pool rule hourly; a plain `crm console` leaves it to the running assistant.
  const scheduler = opts.poolSweep ? await (await import('../../scheduler/start.ts')).startScheduler(app, { digests: false }) : undefined;
  const interactive = Boolean(process.stdin.isTTY);
  // A scripted session keeps stdout for the conversation; the banner still reaches the operator.
  if (banner) (interactive ? write : (text: string) => void process.stderr.write(text))(banner + '\n');
  try {
    await runConsole({ handler: app.handler, user, input: process.stdin, write, interactive, now: () => app.clock.now(), inbox, imageDir: app.config.dataDir });
  } finally {
    await scheduler?.stop();
    await app.db.close();
  }
  return 0;
}
