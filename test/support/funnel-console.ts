// A console door over a given database for the funnel's tests (issue 13): commands as typed, the
// messages other people get printed in the same transcript, and the hourly sweeps run on demand.
import { Readable } from 'node:stream';
import { createNotifier } from '../../src/app/notifier.ts';
import { consoleSender, type ConsoleInbox } from '../../src/bots/console/sender.ts';
import { runConsole, type ConsoleUser } from '../../src/bots/console/session.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/domain/db/database.ts';
import { createHandler } from '../../src/intents/handler.ts';
import { silentLogger } from '../../src/logger.ts';
import { TestClock } from './fixtures.ts';

export function funnelConsole(db: Database, locale: 'en' | 'zh-CN', admin: string, now = '2026-11-23T02:00:00Z', imageDir?: string) {
  const clock = new TestClock(new Date(now));
  const config = loadConfig({ CRM_ADMINS: `console:${admin}`, CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: locale, CRM_DEFAULT_TEAM: `Team ${locale}` });
  const notifier = createNotifier(db, silentLogger);
  let out = '';
  const write = (t: string) => void (out += t);
  const inbox: ConsoleInbox = new Map();
  notifier.register(consoleSender(write, inbox));
  const handler = createHandler({ db, clock, log: silentLogger, config, notifier });
  let user: ConsoleUser = { name: admin, locale };
  return {
    clock,
    notifier,
    /** Runs lines as the console would and returns what it printed; the session's person carries over. */
    async say(...lines: string[]): Promise<string> {
      const from = out.length;
      await runConsole({ handler, user, input: Readable.from(lines.map((l) => l + '\n')), write, interactive: false, now: () => clock.now(), inbox, imageDir });
      const last = [...lines].reverse().find((l) => l.startsWith(':as '));
      if (last) user = { name: last.slice(4).replace(/\s+(en|zh-CN)$/, '').trim(), locale };
      return out.slice(from);
    },
    /** What the transcript printed since `from` characters, for checks after a sweep. */
    printed: () => out,
  };
}
