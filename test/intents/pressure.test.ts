// Past its bounds the handler refuses at once in the person's language, changes nothing, and a
// database that does not answer gets "try again" within 3 seconds instead of a hang or an internal error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/domain/db/database.ts';
import { createHandler } from '../../src/intents/handler.ts';
import type { Invocation } from '../../src/intents/invocation.ts';
import { silentLogger } from '../../src/logger.ts';
import { freshDatabase } from '../support/engines.ts';
import { TestClock } from '../support/fixtures.ts';

const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'zh-CN' as const };
const inv = (i: number, text: string, locale?: 'en' | 'zh-CN'): Invocation => ({
  door: 'feishu',
  workspaceId: 'T',
  externalUserId: `ou_${i}`,
  ...(locale ? { profile: { locale } } : {}),
  input: { kind: 'text', text },
  deliveryKey: `evt:p-${i}-${Math.random()}`,
  receivedAt: clock.now(),
});

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase('pglite');
}, 120_000);
afterAll(() => db?.drop());

it('past the concurrency and the queue, requests are told "busy, try again" in their language and change nothing', async () => {
  const handler = createHandler({ db, clock, log: silentLogger, config, limits: { concurrency: 1, queue: 1, maxWaitMs: 60_000 } });
  const replies = await Promise.all([
    handler(inv(1, '/customer add 华为技术 等级:A')),
    handler(inv(2, '/customer add 小米科技 等级:B')),
    handler(inv(3, '/customer add Acme Robotics tier:A', 'en')),
    handler(inv(4, '/customer add 腾讯 等级:A')),
  ]);
  expect(replies.slice(0, 2).map((r) => r.tone)).toEqual(['success', 'success']);
  expect(replies[2]!.text).toMatch(/try again in a moment/);
  expect(replies[3]!.text).toMatch(/请稍后再试/);
  expect(await db.prisma.customer.count()).toBe(2);
});

it('a database that refuses connections: "try again" in the person’s language within 3 s', async () => {
  const down = await openDatabase({ url: 'postgresql://postgres@127.0.0.1:9/none' });
  const handler = createHandler({ db: down, clock, log: silentLogger, config });
  const started = Date.now();
  const [zh, en] = await Promise.all([handler(inv(5, '/tasks')), handler(inv(6, '/tasks', 'en'))]);
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(zh.text).toMatch(/连不上.*请稍后再试/);
  expect(en.text).toMatch(/can’t reach the CRM’s database.*try again/);
  await down.close();
});
