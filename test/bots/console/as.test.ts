// `:as` switches person in the console without handing the first person's --tz and --locale to the
// next: each person keeps the zone and language stored for them.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConsole } from '../../../src/bots/console/session.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

let db: Database & { drop(): Promise<void> };
beforeAll(async () => {
  db = await freshDatabase('pglite');
}, 120_000);
afterAll(() => db?.drop());

async function session(lines: string[], user: { name: string; timeZone?: string; locale?: 'en' | 'zh-CN' }): Promise<string> {
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const handler = createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } });
  let out = '';
  await runConsole({ handler, user, input: Readable.from([lines.join('\n') + '\n']), write: (t) => void (out += t), interactive: false, now: () => clock.now() });
  return out;
}

const stored = (name: string) => db.prisma.user.findFirstOrThrow({ where: { displayName: name }, select: { timeZone: true, locale: true } });

it('keeps Bob English and in the team zone after acting as him from a Chinese Shanghai session', async () => {
  const out = await session(['/crm whoami', ':as Bob', '/crm whoami', ':as Dana', '/crm whoami', ':as Bob', '/customers'], { name: 'Dana', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
  expect(await stored('Bob')).toEqual({ timeZone: null, locale: null });
  expect(await stored('Dana')).toEqual({ timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
  expect(out).toContain('Bob> /crm whoami\nBob\nYou are a rep in Sales. Time zone UTC, language English.');
  // Back as Dana, her own flags apply again.
  expect(out).toMatch(/Dana> \/crm whoami\nDana\n销售，所属团队：Sales。时区：Asia\/Shanghai；语言：中文。/);
  expect(out).toContain('Bob> /customers\nCustomers\nNone of your customers match.');
});

it('stores a language only when `:as` names one, and the console speaks it', async () => {
  const out = await session([':as 李雷 zh-CN', '/crm whoami', ':as Eve', '/crm whoami'], { name: 'Dana', timeZone: 'Asia/Shanghai' });
  expect(await stored('李雷')).toEqual({ timeZone: null, locale: 'zh-CN' });
  expect(await stored('Eve')).toEqual({ timeZone: null, locale: null });
  expect(out).toContain('李雷\n销售，所属团队：Sales。时区：UTC；语言：中文。');
});

it('ends the session at `:quit` (as after `:as`), `quit` or 退出: nothing after it runs', async () => {
  for (const end of [':quit', 'quit', ':q', '退出']) {
    const out = await session(['/crm whoami', end, '/customers'], { name: 'Dana' });
    expect(out, end).toContain('Dana> /crm whoami');
    expect(out, end).not.toContain('/customers');
  }
});
