// The example commands, verbatim, through the same handler every door uses, on both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import type { Notifier } from '../../../src/intents/delivery.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { ButtonAction, OutboundMessage, Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: 'console:Dana Reyes', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };

describeEngines('example commands through the handler', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let handler: (inv: Invocation) => Promise<Reply>;
  const sent: OutboundMessage[] = [];
  // Monday 2026-11-23 10:00 in Shanghai.
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));

  const as = (name: string, locale: 'en' | 'zh-CN' = 'en') => (text: string, deliveryKey?: string) =>
    handler({ door: 'console', workspaceId: '', externalUserId: name, profile: { displayName: name, locale }, input: { kind: 'text', text }, deliveryKey, receivedAt: clock.now() });
  const press = (name: string, button: ButtonAction, values?: Record<string, string>) =>
    handler({ door: 'console', workspaceId: '', externalUserId: name, input: { kind: 'action', action: button, values }, receivedAt: clock.now() });
  const dana = as('Dana Reyes');
  const sam = as('Sam Carter');
  const li = as('李雷', 'zh-CN');
  const mei = as('Mei Chen');

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const notifier: Notifier = {
      async deliver(message) {
        sent.push(message);
        return [];
      },
    };
    handler = createHandler({ db, clock, log: silentLogger, config, notifier });
  });
  afterAll(() => db?.drop());

  it('provisions people on first contact; admins from CRM_ADMINS grant roles in chat', async () => {
    expect((await dana('/crm whoami')).text).toMatch(/admin/);
    expect((await sam('/crm whoami')).text).toMatch(/rep/);
    await mei('/crm whoami');
    await li('/crm whoami');
    const denied = await sam('/crm role Mei manager');
    expect(denied.tone).toBe('error');
    expect((await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Mei Chen' } })).role).toBe('rep');
    const granted = await dana('/crm role Mei manager');
    expect(granted.tone).toBe('success');
    expect((await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Mei Chen' } })).role).toBe('manager');
  });

  it('adds customers in English and Chinese, with a code of the day', async () => {
    const acme = await sam('/customer add Acme Robotics tier:A industry:manufacturing source:expo phone:+1-415-555-0100');
    expect(acme.tone).toBe('success');
    const row = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Acme Robotics' }, include: { contacts: true } });
    expect(row).toMatchObject({ tier: 'A', industry: 'manufacturing', source: 'expo', code: 'CUS20261123001' });
    expect(row.contacts[0]?.phone).toBe('+1-415-555-0100');
    const hw = await li('/customer add 华为技术 等级:A 行业:通信 来源:展会');
    expect(hw.tone).toBe('success');
    expect(await db.prisma.customer.findFirstOrThrow({ where: { name: '华为技术' } })).toMatchObject({ tier: 'A', industry: '通信', source: 'expo', code: 'CUS20261123002' });
    const again = await sam('/customer add ACME robotics, Inc.');
    expect(again.tone).toBe('warning');
    expect(await db.prisma.customer.count()).toBe(2);
  });

  it('shows a profile and finds by fuzzy name', async () => {
    const card = await sam('/customer Acme');
    expect(card.title).toContain('Acme Robotics');
    expect(card.title).toContain('CUS20261123001');
    const found = await sam('/customer find robo');
    expect(found.sections?.[0]?.items[0]?.text).toContain('Acme Robotics');
  });

  it('logs a call with a next step that becomes a task due at the time meant, in the user zone', async () => {
    const reply = await sam('/log Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm');
    expect(reply.tone).toBe('success');
    const interaction = await db.prisma.interaction.findFirstOrThrow({ where: { customer: { name: 'Acme Robotics' } } });
    expect(interaction.channel).toBe('call');
    expect(interaction.summary).toMatch(/walked through pricing/);
    const task = await db.prisma.task.findFirstOrThrow({ where: { sourceInteractionId: interaction.id } });
    // Friday 2026-11-27 15:00 in Shanghai.
    expect(task.dueAt?.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(task.dueHasTime).toBe(true);
    expect(task.title).toMatch(/send proposal/);
    expect(reply.buttons?.map((b) => b.action.action)).toEqual(['task.done', 'interaction.undo']);
  });

  it('logs in Chinese: channel, hesitant mood and 下周三下午3点', async () => {
    const reply = await li('/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访');
    expect(reply.tone).toBe('success');
    const interaction = await db.prisma.interaction.findFirstOrThrow({ where: { customer: { name: '华为技术' } } });
    expect(interaction).toMatchObject({ channel: 'call', mood: 'hesitant' });
    const task = await db.prisma.task.findFirstOrThrow({ where: { sourceInteractionId: interaction.id } });
    expect(task.dueAt?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
  });

  it('lists, completes, snoozes and claims tasks', async () => {
    const mine = await sam('/tasks');
    const task = await db.prisma.task.findFirstOrThrow({ where: { owner: { displayName: 'Sam Carter' } } });
    expect(JSON.stringify(mine.sections)).toContain(`#${task.id}`);
    expect((await sam(`/task snooze ${task.id} next monday`)).tone).toBe('success');
    const snoozed = await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(snoozed.snoozeCount).toBe(1);
    expect(snoozed.dueAt!.getTime()).toBeGreaterThan(task.dueAt!.getTime());
    expect((await sam(`/task done ${task.id}`)).tone).toBe('success');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('done');

    const team = await db.prisma.team.findFirstOrThrow();
    const pool = await db.prisma.task.create({ data: { title: 'Call back inbound lead', teamId: team.id } });
    const list = await sam('/tasks pool');
    const claim = list.sections?.[0]?.items.find((i) => i.text.includes(`#${pool.id}`))?.buttons?.[0];
    expect(claim?.action).toMatchObject({ action: 'task.claim', id: String(pool.id) });
    expect((await press('Sam Carter', claim!.action)).tone).toBe('success');
    const late = await mei(`/task claim ${pool.id}`);
    expect(late.tone).toBe('warning');
    expect(late.text).toContain('Sam Carter');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: pool.id }, include: { owner: true } })).owner?.displayName).toBe('Sam Carter');
  });

  it('drafts, submits and approves a quote; the approver gets a card and the rep is told', async () => {
    const created = await sam('/quote new Acme 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%');
    expect(created.tone).toBe('success');
    const quote = await db.prisma.quote.findFirstOrThrow({ include: { lines: true } });
    expect(quote.subtotalMinor).toBe(1_800_000n);
    expect(quote.discountMinor).toBe(216_000n);
    expect(quote.totalMinor).toBe(1_584_000n);
    sent.length = 0;
    expect((await sam(`/quote submit ${quote.id}`)).tone).toBe('success');
    const card = sent.find((m) => 'userId' in m.to);
    const meiUser = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Mei Chen' } });
    expect(card?.to).toEqual({ userId: meiUser.id });
    expect(card?.reply.buttons?.map((b) => b.action.action)).toEqual(['quote.approve', 'quote.reject']);
    expect(JSON.stringify(card?.reply.sections)).toContain('walked through pricing');

    expect((await sam(`/quote approve ${quote.id}`)).tone).toBe('error');
    sent.length = 0;
    const approved = await press('Mei Chen', card!.reply.buttons![0]!.action);
    expect(approved.tone).toBe('success');
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('approved');
    const samUser = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } });
    expect(sent[0]).toMatchObject({ to: { userId: samUser.id }, updateSubject: `quote:${quote.id}` });
    expect((await sam(`/quote ${quote.id}`)).fields?.some((f) => f.value.includes('Mei Chen'))).toBe(true);
  });

  it('rejects with a reason', async () => {
    await sam('/quote new Acme 1 x Support @ 500');
    const q = await db.prisma.quote.findFirstOrThrow({ where: { status: 'draft' } });
    await sam(`/quote submit ${q.id}`);
    // The manager opening the pending quote can decide it from the card; its author cannot.
    expect((await mei(`/quote ${q.id}`)).buttons?.map((b) => b.action.action)).toEqual(['quote.approve', 'quote.reject']);
    expect((await sam(`/quote ${q.id}`)).buttons ?? []).toEqual([]);
    expect((await mei(`/quote reject ${q.id} too deep a discount`)).tone).toBe('warning');
    expect(await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: 'rejected', decisionReason: 'too deep a discount' });
  });

  it('shows my day: tasks due today, open quotes, customers due for contact', async () => {
    const team = await db.prisma.team.findFirstOrThrow();
    const samUser = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' } });
    await db.prisma.task.create({ data: { title: 'Call Acme back today', teamId: team.id, ownerId: samUser.id, dueAt: new Date('2026-11-23T08:00:00Z'), dueHasTime: true } });
    await sam('/quote new Acme 3 x Seats @ 100');
    const home = await sam('/crm home');
    const text = JSON.stringify(home.sections);
    expect(home.title).toBe('Your day');
    expect(text).toContain('Call Acme back today');
    expect(text).toMatch(/#\d+ · Acme Robotics · draft/);
    expect((await li('/crm 主页')).title).toBe('我的今天');
  });

  it('lets a manager make the channel they are in the team digest or approvals channel; reps and direct messages are refused', async () => {
    const inChannel = (name: string, text: string, channelId?: string) =>
      handler({ door: 'console', workspaceId: '', externalUserId: name, input: { kind: 'text', text }, channelId, receivedAt: clock.now() });
    expect((await inChannel('Sam Carter', '/crm channel digest', 'sales-team')).tone).toBe('error');
    expect((await inChannel('Mei Chen', '/crm channel digest')).text).toMatch(/inside the channel/);
    expect((await inChannel('Mei Chen', '/crm channel approvals', 'sales-team')).tone).toBe('success');
    expect(await db.prisma.digestTarget.findMany({ select: { channelId: true, approvals: true, platform: true } })).toEqual([{ channelId: 'sales-team', approvals: true, platform: 'console' }]);
    await inChannel('Mei Chen', '/crm channel approvals off', 'sales-team');
    expect((await db.prisma.digestTarget.findFirstOrThrow()).approvals).toBe(false);
    await inChannel('Mei Chen', '/crm channel digest off', 'sales-team');
    expect(await db.prisma.digestTarget.count()).toBe(0);
  });

  it('answers help in both languages', async () => {
    expect((await sam('/crm help')).text?.length).toBeGreaterThan(50);
    expect((await sam('/crm help log')).text).toMatch(/log/);
    expect((await li('/crm help')).text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses bad input in the user language and writes nothing', async () => {
    const before = await db.prisma.interaction.count();
    const unknown = await sam('/log Zenith Labs call: hello');
    expect(unknown.tone).toBe('error');
    expect(unknown.buttons?.some((b) => b.action.action === 'customer.create-from-suggestion')).toBe(true);
    const malformed = await li('/quote new 华为');
    expect(malformed.tone).toBe('error');
    expect(malformed.text).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.prisma.interaction.count()).toBe(before);
  });

  it('a retried delivery changes nothing twice and answers the same', async () => {
    const before = await db.prisma.interaction.count();
    const first = await sam('/log Acme email: sent the deck', 'evt-42');
    const second = await sam('/log Acme email: sent the deck', 'evt-42');
    expect(second).toEqual(first);
    expect(await db.prisma.interaction.count()).toBe(before + 1);
  });

  it('a retried first message provisions once and greets the same way both times', async () => {
    const ada = as('Ada Park');
    const first = await ada('/tasks', 'evt-43');
    const second = await ada('/tasks', 'evt-43');
    expect(first.notices?.[0]).toMatch(/rep/);
    expect(second).toEqual(first);
    expect(await db.prisma.user.count({ where: { displayName: 'Ada Park' } })).toBe(1);
  });
});
