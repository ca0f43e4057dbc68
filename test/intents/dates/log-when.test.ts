// Past and future in /log and snoozes: a time said before the channel is when the interaction
// happened; a next step or a snooze in the past is refused, never moved forward; nothing is written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };

describeEngines('when a logged interaction happened', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let handler: (inv: Invocation) => Promise<Reply>;
  // Monday 2026-11-23 10:00 in Shanghai; 21:00 on Sunday in New York.
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const as = (id: string, locale: 'en' | 'zh-CN', timeZone: string) => (text: string) =>
    handler({ door: 'console', workspaceId: 'local', externalUserId: id, profile: { displayName: id, locale, timeZone }, input: { kind: 'text', text }, receivedAt: clock.now() });
  const li = as('李雷', 'zh-CN', 'Asia/Shanghai');
  const sam = as('Sam', 'en', 'America/New_York');
  const interactions = () => db.prisma.interaction.findMany({ orderBy: { id: 'asc' } });

  beforeAll(async () => {
    db = await freshDatabase(engine);
    handler = createHandler({ db, clock, log: silentLogger, config, notifier: { deliver: async () => [] } });
    await li('/customer add 华为 等级：A');
    await sam('/customer add Acme tier:A');
  });
  afterAll(() => db?.drop());

  it('sets occurredAt from a past time before the channel, in the writer’s zone', async () => {
    const zh = await li('/记录 华为 昨天下午3点 电话：沟通了报价。下一步：月底前签合同');
    expect(zh.tone, zh.text).toBe('success');
    const en = await sam('/log Acme yesterday 3pm call: walked through pricing');
    expect(en.tone, en.text).toBe('success');
    const [a, b] = await interactions();
    // Sunday 2026-11-22 15:00 in Shanghai; Saturday 2026-11-21 15:00 in New York (EST, UTC-5).
    expect(a!.occurredAt.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(b!.occurredAt.toISOString()).toBe('2026-11-21T20:00:00.000Z');
    expect(a!.summary).toBe('沟通了报价。');
    const task = await db.prisma.task.findFirstOrThrow({ where: { sourceInteractionId: a!.id } });
    expect(task.title).toBe('签合同');
  });

  it('reads a past time right after the customer when no channel word is written', async () => {
    const r = await sam('/log Acme last Friday visited the plant');
    expect(r.tone, r.text).toBe('success');
    const last = (await interactions()).at(-1)!;
    // Friday 2026-11-20 09:00 in New York.
    expect(last.occurredAt.toISOString()).toBe('2026-11-20T14:00:00.000Z');
    expect(last.summary).toBe('visited the plant');
  });

  it('refuses a next step in the past and a log in the future, writing nothing', async () => {
    const before = (await interactions()).length;
    const zh = await li('/记录 华为 电话：再次确认。下一步：昨晚8点回访');
    expect(zh.tone).toBe('error');
    expect(zh.text).toContain('已经过去了');
    const en = await sam('/log Acme call: pricing. next: last Friday send contract');
    expect(en.tone).toBe('error');
    expect(en.text).toContain('already passed');
    const ahead = await li('/记录 华为 明天下午3点 电话：计划');
    expect(ahead.tone).toBe('error');
    expect(ahead.text).toContain('还没到');
    expect((await interactions()).length).toBe(before);
  });

  it('refuses a snooze to a past time instead of moving it to next week', async () => {
    await sam('/log Acme call: pricing. next: send contract Friday at 3');
    const task = await db.prisma.task.findFirstOrThrow({ where: { title: 'send contract' } });
    const r = await sam(`/task snooze ${task.id} last Friday`);
    expect(r.tone).toBe('error');
    expect(r.text).toContain('already passed');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt).toEqual(task.dueAt);
  });
});
