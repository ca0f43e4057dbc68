// 公海 through Feishu (webhook mode, the real SDK client against the fake Open Platform): the hourly
// rule's reminder, manager note and return reach each person's DM in Chinese, the return card's
// 领取 button and a `/公海` card's button pressed at once give one owner (the other is told who),
// `/客户 分配` tells both owners, `/客户 退回公海` puts it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { sweepAndTell } from '../../../src/scheduler/pool.ts';
import { HOUR } from '../../support/fixtures.ts';
import { click, feishuWorld, message, until, type FeishuWorld } from './world.ts';

describe('公海 in Feishu', () => {
  let w: FeishuWorld;
  let fake: FeishuWorld['fake'];
  let db: FeishuWorld['db'];
  let ctx: FeishuWorld['ctx'];
  let clock: FeishuWorld['clock'];

  beforeAll(async () => {
    w = await feishuWorld({ ou_li: '李雷', ou_wang: '王芳', ou_boss: '张主管' });
    ({ fake, db, ctx, clock } = w);
  }, 60_000);
  afterAll(() => w?.close());

  // Feishu redelivers an event whose delivery failed; so does this, when the busy loopback drops a
  // connection (the door deduplicates on event_id, so a repeat changes nothing twice).
  const send = (body: object) => w.send(body, { tries: 3 });
  const text = (card: unknown) => JSON.stringify(card);
  const claimValue = (card: unknown) => {
    let found: Record<string, unknown> | undefined;
    JSON.stringify(card, (_k, v) => {
      if (v && typeof v === 'object' && (v as { action?: string }).action === 'customer.claim') found ??= v;
      return v;
    });
    return found;
  };

  it('提醒、主管提醒、退回、两人同时领取、分配、退回公海', async () => {
    const start = clock.now();
    for (const u of ['ou_li', 'ou_wang', 'ou_boss', 'ou_admin']) await send(message(u, '/crm 我是谁'));
    await until(async () => (await db.prisma.user.count()) === 4);
    // The ladder's steps fall at night in Shanghai; this is about the pool rule, not quiet hours.
    await db.prisma.user.updateMany({ data: { quietStartMinute: 0, quietEndMinute: 0 } });
    await send(message('ou_admin', '/crm 角色 张主管 经理'));
    await send(message('ou_li', '/客户 新建 华为技术 等级:A'));
    await until(async () => (await db.prisma.customer.count()) === 1 && (await db.prisma.user.count({ where: { role: 'manager' } })) === 1);
    await until(() => fake.sent.some((s) => text(s.card).includes('48 小时后退回公海')));
    const huawei = await db.prisma.customer.findFirstOrThrow();

    const sweepAt = async (h: number) => {
      clock.set(new Date(start.getTime() + h * HOUR));
      fake.sent.length = 0;
      await sweepAndTell({ db, clock, outbox: createOutbox({ db, notifier: ctx.notifier, log: silentLogger, now: () => clock.now() }), log: silentLogger });
      return fake.sent.map((s) => ({ to: s.receiveId, card: text(s.card), raw: s.card, messageId: s.messageId }));
    };
    const reminder = await sweepAt(25);
    expect(reminder.map((m) => m.to)).toEqual(['ou_li']);
    expect(reminder[0]!.card).toMatch(/华为技术（CUS\d{11}）自分配给你以来还没有跟进记录，23 小时后/);
    const note = await sweepAt(39);
    expect(note.map((m) => m.to)).toEqual(['ou_boss']);
    expect(note[0]!.card).toContain('李雷 尚未跟进 华为技术');
    const returned = await sweepAt(49);
    expect(returned.map((m) => m.to)).toEqual(['ou_li']);
    expect(returned[0]!.card).toContain('48 小时内没有跟进记录，已退回公海');
    expect(await sweepAt(50)).toEqual([]);

    await send(message('ou_wang', '/公海'));
    await until(() => fake.sent.some((s) => s.receiveId === 'oc_ou_wang' && claimValue(s.card) !== undefined));
    const listCard = fake.sent.find((s) => s.receiveId === 'oc_ou_wang' && claimValue(s.card))!;
    const [a, b] = await Promise.all([
      send(click('ou_wang', claimValue(listCard.card)!, listCard.messageId)),
      send(click('ou_li', claimValue(returned[0]!.raw)!, returned[0]!.messageId)),
    ]);
    const owner = (await db.prisma.customer.findUniqueOrThrow({ where: { id: huawei.id }, include: { owner: true } })).owner!;
    expect(['李雷', '王芳']).toContain(owner.displayName);
    expect([a.json.toast?.type, b.json.toast?.type].sort()).toEqual(['success', 'warning']);
    const loserOpenId = owner.displayName === '王芳' ? 'ou_li' : 'ou_wang';
    await until(() => fake.sent.some((s) => s.receiveId === `oc_${loserOpenId}` && text(s.card).includes(`华为技术 已被 ${owner.displayName} 抢先领取。`)));
    expect(await db.prisma.auditEvent.count({ where: { entity: 'customer', entityId: String(huawei.id), action: 'claim', door: 'feishu' } })).toBe(1);

    const next = owner.displayName === '王芳' ? '李雷' : '王芳';
    fake.sent.length = 0;
    await send(message('ou_boss', `/客户 分配 华为 @${next}`));
    await until(() => fake.sent.length >= 3);
    const byTo = Object.fromEntries(fake.sent.map((s) => [s.receiveId, text(s.card)]));
    expect(byTo['oc_ou_boss']).toContain(`已从 ${owner.displayName} 转给 ${next}`);
    expect(byTo[next === '王芳' ? 'ou_wang' : 'ou_li']).toContain('张主管 把 华为技术');
    expect(byTo[owner.displayName === '王芳' ? 'ou_wang' : 'ou_li']).toContain(`张主管 已将你的客户 华为技术`);

    await send(message(next === '王芳' ? 'ou_wang' : 'ou_li', '/客户 退回公海 华为'));
    await until(async () => (await db.prisma.customer.findUniqueOrThrow({ where: { id: huawei.id } })).ownerId === null);
  }, 90_000);
});
