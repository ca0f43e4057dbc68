// A card click answered after Feishu's callback deadline: the answer is written to the outbox with
// the click's effect and delivered from that row (the card patched, with the outbox's retries), not
// sent once from memory. Within the deadline the card rides on the HTTP response and the outbox
// sends nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNotifier } from '../../../src/app/notifier.ts';
import { feishuDoor } from '../../../src/bots/feishu/door.ts';
import { feishuClient, feishuSender } from '../../../src/bots/feishu/sender.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { freshDatabase } from '../../support/engines.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { TestClock } from '../../support/fixtures.ts';

const fake = new FakeFeishu();
let db: Database & { drop(): Promise<void> };
let outbox: ReturnType<typeof createOutbox>;
let handler: ReturnType<typeof createHandler>;
let inflight = 0;
let seq = 0;
const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));

beforeAll(async () => {
  await fake.start();
  fake.users.set('ou_li', { name: '李雷', time_zone: 'Asia/Shanghai' });
  db = await freshDatabase('pglite');
  const config = loadConfig({ CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TZ: 'Asia/Shanghai', PORT: '0' });
  const notifier = createNotifier(db, silentLogger);
  notifier.register(feishuSender(feishuClient('cli_test', 'secret', fake.url)));
  // No backoff, so sweep() retries at once; the real default is exponential.
  outbox = createOutbox({ db, notifier, log: silentLogger, backoffMs: () => 0, instanceId: 'card-test', now: () => clock.now() });
  handler = createHandler({ db, clock, log: silentLogger, config, notifier, outbox });
  for (const text of ['/customer add 华为技术 等级:A', '/log 华为 电话：沟通报价。下一步：明天下午3点回访', '/log 华为 微信：发了资料。下一步：后天上午10点回访'])
    await handler({ door: 'feishu', workspaceId: 'tk1', externalUserId: 'ou_li', channelId: 'oc_li', input: { kind: 'text', text }, receivedAt: clock.now() });
}, 120_000);

afterAll(async () => {
  await outbox?.idle();
  await fake.stop();
  await db?.drop();
});

const door = (cardDeadlineMs: number) =>
  feishuDoor({
    handler: async (inv, progress) => {
      inflight++;
      try {
        return await handler(inv, progress);
      } finally {
        inflight--;
      }
    },
    sender: feishuSender(feishuClient('cli_test', 'secret', fake.url)),
    log: silentLogger,
    now: () => clock.now(),
    cardDeadlineMs,
  });

const click = (taskId: number, messageId: string) =>
  [
    { event_id: `ev_card_${++seq}`, event_type: 'card.action.trigger', tenant_key: 'tk1', token: 't', app_id: 'cli_test', create_time: String(Date.now()) },
    { operator: { open_id: 'ou_li', tenant_key: 'tk1' }, action: { value: { action: 'task.done', id: String(taskId) } }, context: { open_message_id: messageId, open_chat_id: 'oc_li' } },
  ] as const;

async function until(ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('past the deadline: a toast now, and the card patched from the outbox row even though every quick try of the patch fails', async () => {
  const task = await db.prisma.task.findFirstOrThrow({ where: { status: 'open' }, orderBy: { id: 'asc' } });
  fake.failPatch('status500', 4); // the sender's own quick tries, all refused
  const answer = (await door(0).onCardAction(...click(task.id, 'om_card_late'))) as { toast: { type: string }; card?: unknown };
  expect(answer.toast.type).toBe('info');
  expect(answer.card).toBeUndefined();
  await until(async () => inflight === 0 && (await db.prisma.outboxMessage.count({ where: { status: 'failed' } })) === 1);
  await outbox.idle();
  expect(fake.patched).toHaveLength(0);
  expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('done');
  await outbox.sweep();
  expect(fake.patched.map((p) => p.messageId)).toEqual(['om_card_late']);
  expect(JSON.stringify(fake.patched[0]!.card)).toMatch(/完成/);
  await outbox.sweep();
  expect(fake.patched).toHaveLength(1);
  expect(await db.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);
});

it('within the deadline: the new card rides on the HTTP answer and the outbox sends nothing', async () => {
  const task = await db.prisma.task.findFirstOrThrow({ where: { status: 'open' }, orderBy: { id: 'asc' } });
  const before = fake.patched.length;
  const answer = (await door(60_000).onCardAction(...click(task.id, 'om_card_now'))) as { toast: { type: string }; card?: unknown };
  expect(answer.toast.type).toBe('success');
  expect(answer.card).toBeDefined();
  await until(async () => (await db.prisma.outboxMessage.count({ where: { externalId: 'inline' } })) === 1);
  await outbox.idle();
  await outbox.sweep();
  expect(fake.patched).toHaveLength(before);
  expect(fake.sent.filter((s) => s.receiveId === 'oc_li')).toHaveLength(0);
});
