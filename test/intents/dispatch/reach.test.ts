// One person across doors and a notification budget, through the handler as both doors call it:
// `/crm link` on Slack, the code typed on Feishu; `/crm notify`; quiet hours holding notices in the
// outbox until they end, except a decision the person is waiting for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { targetsOf } from '../../../src/domain/messages/posted.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { OutboundMessage, Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { HOUR, TestClock } from '../../support/fixtures.ts';

const CONFIG = { CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };

describeEngines('reach: link, notify and quiet hours', (engine) => {
  let db: Database & { drop(): Promise<void> };
  // Monday 2026-11-23 10:00 in Shanghai: inside the default workday (09:00–17:00).
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const delivered: OutboundMessage[] = [];
  let outbox: ReturnType<typeof createOutbox>;
  let n = 0;
  let handler: ReturnType<typeof createHandler>;
  const slack = (user: string) => (text: string): Promise<Reply> =>
    handler({ door: 'slack', workspaceId: 'T1', externalUserId: user, channelId: `D${user}`, input: { kind: 'text', text }, deliveryKey: `s${++n}`, receivedAt: clock.now() } satisfies Invocation);
  const feishu = (user: string) => (text: string): Promise<Reply> =>
    handler({ door: 'feishu', workspaceId: 'tenant', externalUserId: user, channelId: `oc_${user}`, input: { kind: 'text', text }, deliveryKey: `f${++n}`, receivedAt: clock.now() } satisfies Invocation);
  const codeIn = (reply: Reply) => /`\/crm (?:link|绑定) ([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(reply.text ?? '')?.[1];
  const counts = async () => ({
    customers: await db.prisma.customer.count(),
    interactions: await db.prisma.interaction.count(),
    tasks: await db.prisma.task.count(),
    users: await db.prisma.user.count(),
    identities: await db.prisma.identity.count(),
  });

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const notifier = { deliver: async (m: OutboundMessage) => (delivered.push(m), []) };
    outbox = createOutbox({ db, notifier, log: silentLogger, backoffMs: () => 0, instanceId: 'reach-test', now: () => clock.now() });
    handler = createHandler({ db, clock, log: silentLogger, notifier, outbox, config: CONFIG });
  });
  afterAll(() => db?.drop());

  describe('/crm link', () => {
    it('joins a Slack and a Feishu user into the one that asked for the code, keeping every row of both', async () => {
      await slack('UADMIN')('/crm whoami');
      await slack('URAY')('/customer add Acme Robotics');
      await slack('URAY')('/log Acme call: pricing. next: send proposal tomorrow 3pm');
      await feishu('ou_ray')('/客户 新增 华为技术');
      await feishu('ou_ray')('/记录 华为 电话：沟通了报价');
      const before = await counts();
      const rayOnSlack = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'URAY' } });
      const rayOnFeishu = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'ou_ray' } });
      expect(rayOnSlack.userId).not.toBe(rayOnFeishu.userId);

      const issued = await slack('URAY')('/crm link');
      expect(issued.visibility).toBe('private');
      const code = codeIn(issued);
      expect(code, issued.text).toBeTruthy();
      const linked = await feishu('ou_ray')(`/crm 绑定 ${code!.toLowerCase()}`);
      expect(linked.tone, linked.text).toBe('success');
      expect(linked.text).toContain('已从本账号转入：客户 1 个、跟进记录 1 条');

      // Nothing lost: the same rows, the Feishu identity and its rows now on the Slack user.
      expect(await counts()).toEqual(before);
      const ids = await db.prisma.identity.findMany({ where: { userId: rayOnSlack.userId } });
      expect(ids.map((i) => i.platform).sort()).toEqual(['feishu', 'slack']);
      const merged = await db.prisma.user.findUniqueOrThrow({ where: { id: rayOnFeishu.userId } });
      expect(merged).toMatchObject({ active: false, mergedIntoId: rayOnSlack.userId });
      expect(await db.prisma.customer.count({ where: { ownerId: rayOnSlack.userId } })).toBe(2);
      expect(await db.prisma.interaction.count({ where: { authorId: rayOnSlack.userId } })).toBe(2);
      expect(await db.prisma.customer.count({ where: { ownerId: rayOnFeishu.userId } })).toBe(0);
      const trail = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'user', action: 'link' } });
      expect(trail).toMatchObject({ door: 'feishu', entityId: String(rayOnSlack.userId), actorId: rayOnFeishu.userId });

      // Both doors are now one person: the Feishu door sees the Slack customer as theirs.
      const found = await feishu('ou_ray')('/客户 查看 Acme');
      expect(found.tone, found.text).not.toBe('error');
    });

    it('refuses a used, expired, mistyped or own code and writes nothing', async () => {
      const issued = await slack('UKIM')('/crm link');
      const code = codeIn(issued)!;
      await feishu('ou_kim')('/crm 我是谁');
      const before = await counts();
      const own = await slack('UKIM')(`/crm link ${code}`);
      expect(own.tone).toBe('error');
      expect(own.text).toContain('That code is yours');
      expect((await feishu('ou_kim')('/crm 绑定 12')).text).toContain('这不是有效的验证码');
      clock.advance(11 * 60_000);
      const late = await feishu('ou_kim')(`/crm 绑定 ${code}`);
      expect(late.text).toContain('已过期');
      expect(await counts()).toEqual(before);
      expect(await db.prisma.identity.count({ where: { externalId: 'ou_kim', user: { active: true } } })).toBe(1);
      clock.set('2026-11-23T02:00:00Z');

      // A code works once: the second typist (or a retried delivery) finds it used.
      const fresh = codeIn(await slack('UKIM')('/crm link'))!;
      expect((await feishu('ou_kim')(`/crm link ${fresh}`)).tone).toBe('success');
      await feishu('ou_lee')('/crm whoami');
      expect((await feishu('ou_lee')(`/crm link ${fresh}`)).text).toContain('used or expired');
    });
  });

  describe('/crm notify', () => {
    it('sends notices to the door chosen, else the one used last', async () => {
      const ray = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'URAY' } });
      const to = { userId: ray.userId };
      await slack('URAY')('/crm whoami');
      expect((await targetsOf(db.prisma, to)).map((t) => t.platform)).toEqual(['slack']);
      await feishu('ou_ray')('/crm whoami');
      expect((await targetsOf(db.prisma, to)).map((t) => t.platform)).toEqual(['feishu']);
      await feishu('ou_ray')('/crm 语言 中文');
      const chosen = await feishu('ou_ray')('/crm 通知 slack');
      expect(chosen.tone).toBe('success');
      expect(chosen.text).toContain('通知发到Slack（你的选择）');
      await feishu('ou_ray')('/crm whoami');
      expect((await targetsOf(db.prisma, to)).map((t) => t.platform)).toEqual(['slack']);
      await slack('URAY')('/crm language auto');
      await slack('URAY')('/crm notify auto');
      expect((await targetsOf(db.prisma, to)).map((t) => t.platform)).toEqual(['slack']);
      // A message owed to the merged user goes to the one it joined.
      const merged = await db.prisma.user.findFirstOrThrow({ where: { mergedIntoId: ray.userId } });
      expect((await targetsOf(db.prisma, { userId: merged.id })).map((t) => t.platform)).toEqual(['slack']);
    });

    it('shows and sets quiet hours; bad values change nothing', async () => {
      const shown = await slack('UADMIN')('/crm notify');
      expect(shown.text).toContain('Quiet hours: outside the team’s workday (09:00–17:00)');
      expect(shown.text).toContain('At most 8 notices a day, and nothing in quiet hours: the rest wait for your next due list.');
      expect((await slack('UADMIN')('/crm notify quiet 22:00-07:30')).text).toContain('22:00–07:30 every day');
      const admin = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'UADMIN' }, include: { user: true } });
      expect(admin.user).toMatchObject({ quietStartMinute: 22 * 60, quietEndMinute: 7 * 60 + 30 });
      expect((await slack('UADMIN')('/crm notify quiet 25:00-07:00')).tone).toBe('error');
      expect((await slack('UADMIN')('/crm notify feishu')).text).toContain('no account on that platform');
      const after = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } });
      expect(after).toMatchObject({ quietStartMinute: 22 * 60, quietEndMinute: 7 * 60 + 30, notifyDoor: null });
      const off = await feishu('ou_kim')('/crm 通知 免打扰 关闭');
      expect(off.text).toContain('免打扰：已关闭');
      expect(off.text).toContain('每天最多推送 8 条通知');
      expect((await slack('UADMIN')('/crm notify quiet default')).text).toContain('outside the team’s workday');
    });
  });

  describe('quiet hours', () => {
    it('holds an approval card to a manager until the workday starts; the decision reaches the rep at night', async () => {
      await slack('UMEI')('/crm whoami');
      await slack('UBO')('/crm whoami');
      expect((await slack('UADMIN')('/crm role slack:UMEI manager')).tone).toBe('success');
      expect((await slack('UADMIN')('/crm manager slack:UBO slack:UMEI')).tone).toBe('success');
      await slack('UBO')('/customer add Night Owl Ltd');
      await slack('UBO')('/quote new Night 1 x Pro @ 100');
      const quote = await db.prisma.quote.findFirstOrThrow({ where: { customer: { name: 'Night Owl Ltd' } } });
      const mei = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'UMEI' } });
      // 22:00 in Shanghai on Monday.
      clock.set('2026-11-23T14:00:00Z');
      delivered.length = 0;
      expect((await slack('UBO')(`/quote submit ${quote.id}`)).tone).toBe('success');
      expect(delivered.filter((m) => 'userId' in m.to && m.to.userId === mei.userId)).toEqual([]);
      const held = await db.prisma.outboxMessage.findFirstOrThrow({ where: { status: 'pending', key: { endsWith: ':0' } }, orderBy: { id: 'desc' } });
      expect(held.dueAt.toISOString()).toBe('2026-11-24T01:00:00.000Z');
      expect(held.attempts).toBe(0);
      // Still night: the sweep finds nothing due.
      clock.advance(HOUR);
      expect(await outbox.sweep()).toBe(0);

      // The manager decides at 23:00 (from the card she was not sent yet): the rep hears at once.
      delivered.length = 0;
      expect((await slack('UMEI')(`/quote approve ${quote.id}`)).tone, 'approve').toBe('success');
      const bo = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'UBO' } });
      expect(delivered.some((m) => 'userId' in m.to && m.to.userId === bo.userId && m.urgent)).toBe(true);
    });

    it('sends what was held once the quiet hours end', async () => {
      // dueAt is compared with the database's clock, so move the row rather than the machine.
      const mei = await db.prisma.identity.findFirstOrThrow({ where: { externalId: 'UMEI' } });
      clock.set('2026-11-24T01:00:00Z');
      await db.prisma.outboxMessage.updateMany({ where: { status: 'pending' }, data: { dueAt: new Date(Date.now() - 1000) } });
      delivered.length = 0;
      expect(await outbox.sweep()).toBeGreaterThan(0);
      expect(delivered.filter((m) => 'userId' in m.to && m.to.userId === mei.userId)).toHaveLength(1);
    });
  });
});
