// Keeping the customer, through the handler as the doors call it: complaints opened by /log and
// closed by hand, the hourly churn sweep announcing each risk once until it clears (one card per
// owner, tier A to the manager too), late complaints escalated once, and the card's buttons.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { OutboundMessage, Reply, ReplyButton } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { sweepChurnAndTell } from '../../../src/scheduler/churn.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY, HOUR, TestClock } from '../../support/fixtures.ts';

const CONFIG = { CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };

describeEngines('care: complaints and churn cards', (engine) => {
  let db: Database & { drop(): Promise<void> };
  // Mondays at 10:00 in Shanghai, inside the workday, so no notice is held for quiet hours.
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const delivered: OutboundMessage[] = [];
  let outbox: ReturnType<typeof createOutbox>;
  let handler: ReturnType<typeof createHandler>;
  let n = 0;
  const as = (user: string) => (text: string): Promise<Reply> =>
    handler({ door: 'slack', workspaceId: 'T1', externalUserId: user, channelId: `D${user}`, input: { kind: 'text', text }, deliveryKey: `c${++n}`, receivedAt: clock.now() } satisfies Invocation);
  const click = (user: string, b: ReplyButton, values?: Record<string, string>): Promise<Reply> =>
    handler({ door: 'slack', workspaceId: 'T1', externalUserId: user, channelId: `D${user}`, input: { kind: 'action', action: b.action, ...(values ? { values } : {}) }, deliveryKey: `c${++n}`, receivedAt: clock.now() });
  const userId = async (ext: string) => (await db.prisma.identity.findFirstOrThrow({ where: { externalId: ext } })).userId;
  const sweep = () => sweepChurnAndTell({ db, clock, outbox, log: silentLogger });
  const to = (id: number) => delivered.filter((m) => 'userId' in m.to && m.to.userId === id);

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const notifier = { deliver: async (m: OutboundMessage) => (delivered.push(m), []) };
    outbox = createOutbox({ db, notifier, log: silentLogger, backoffMs: () => 0, instanceId: 'care-test', now: () => clock.now() });
    handler = createHandler({ db, clock, log: silentLogger, notifier, outbox, config: CONFIG });
    await as('UADMIN')('/crm whoami');
    await as('UMEI')('/crm whoami');
    await as('URAY')('/crm whoami');
    await as('UADMIN')('/crm role slack:UMEI manager');
    await as('UADMIN')('/crm manager slack:URAY slack:UMEI');
  });
  afterAll(() => db?.drop());

  describe('complaints', () => {
    it('opens one from `complaint:`, `投诉：` or a negative log that names one, and not from an ordinary log', async () => {
      await as('URAY')('/customer add Acme Robotics tier:A');
      await as('URAY')('/customer add 华为技术有限公司');
      const said = await as('URAY')('/log Acme complaint: delivery two weeks late');
      expect(said.tone, said.text).toBe('success');
      expect(said.notices?.join(' ')).toMatch(/Complaint #\d+ opened/);
      const zh = await as('URAY')('/记录 华为 投诉：交货晚了，客户很不高兴');
      expect(zh.notices?.join(' ')).toMatch(/已登记投诉 #\d+/);
      await as('URAY')('/log Acme call: they complained about the invoice again mood: negative');
      await as('URAY')('/log Acme call: all good, demo next week');
      const open = await db.prisma.complaint.findMany({ where: { resolvedAt: null }, orderBy: { id: 'asc' } });
      expect(open.map((k) => k.summary)).toEqual(['delivery two weeks late', '交货晚了，客户很不高兴', 'they complained about the invoice again']);
      expect(open.every((k) => k.interactionId !== null)).toBe(true);
    });

    it('lists the open ones and resolves one with what was done; a bare or repeated resolve writes nothing', async () => {
      const list = await as('URAY')('/complaints');
      expect(list.sections?.[0]?.items).toHaveLength(3);
      const first = await db.prisma.complaint.findFirstOrThrow({ orderBy: { id: 'asc' } });
      const bare = await as('URAY')(`/complaint resolve ${first.id}`);
      expect(bare.tone).toBe('error');
      expect((await db.prisma.complaint.findUniqueOrThrow({ where: { id: first.id } })).resolvedAt).toBeNull();
      const done = await as('URAY')(`/complaint resolve ${first.id} reshipped by air, 10% credit`);
      expect(done.tone, done.text).toBe('success');
      expect(await db.prisma.complaint.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ resolution: 'reshipped by air, 10% credit', resolvedById: await userId('URAY') });
      expect((await as('URAY')(`/complaint resolve ${first.id} again`)).text).toContain('already resolved');
      expect(await db.prisma.auditEvent.count({ where: { entity: 'complaint', action: 'resolve' } })).toBe(1);
      // Someone else's complaint is not a rep's to close.
      await as('UKIM')('/crm whoami');
      const second = await db.prisma.complaint.findFirstOrThrow({ where: { resolvedAt: null }, orderBy: { id: 'asc' } });
      expect((await as('UKIM')(`/complaint resolve ${second.id} fixed`)).tone).toBe('error');
      expect((await as('UKIM')('/投诉 解决 99999 已处理')).text).toContain('找不到投诉 #99999');
    });
  });

  describe('churn sweep', () => {
    beforeEach(() => clock.set('2026-11-23T02:00:00Z'));
    it('announces each risk once, in one card per owner, and the tier A ones to the manager', async () => {
      delivered.length = 0;
      const first = await sweep();
      const ray = await userId('URAY');
      const mei = await userId('UMEI');
      // Both customers have open complaints: risks now, not in 90 days.
      expect(first[0]!.announced.map((a) => a.risks.map((r) => r.reason))).toEqual([['complaint', 'complaint']]);
      const card = to(ray);
      expect(card).toHaveLength(1);
      expect(card[0]!.reply.title).toBe('2 customers at risk of churning');
      const labels = card[0]!.reply.sections![0]!.items[0]!.buttons!.map((b) => b.label);
      expect(labels).toEqual(['Schedule call', 'Log touch', 'Hand to manager']);
      // Only Acme is tier A; the people here are named by their Slack ids (no profile in these calls).
      expect(to(mei).map((m) => m.reply.title)).toEqual(['1 tier A customer of URAY at risk']);
      // The next hourly sweep: nothing new to say.
      delivered.length = 0;
      clock.advance(HOUR);
      await sweep();
      expect(delivered).toEqual([]);
      expect(await db.prisma.churnAlert.count({ where: { clearedAt: null } })).toBe(2);
    });

    it('escalates a complaint open past the team’s limit to the owner’s manager once (and not before)', async () => {
      delivered.length = 0;
      clock.advance(47 * HOUR);
      await sweep();
      expect(delivered.filter((m) => m.reply.title?.startsWith('Complaint not resolved'))).toEqual([]);
      clock.advance(2 * HOUR);
      await sweep();
      await sweep();
      const mei = await userId('UMEI');
      const escalations = to(mei).filter((m) => m.reply.title?.startsWith('Complaint not resolved'));
      // Two are open (华为's and Acme's invoice): one notice each, however many sweeps.
      expect(escalations).toHaveLength(2);
      expect(escalations[0]!.reply.buttons?.[0]?.label).toBe('Resolve');
      expect(await db.prisma.complaint.count({ where: { resolvedAt: null, escalatedAt: { not: null } } })).toBe(2);
    });

    it('clears a risk when its complaints are resolved and contact is recent, and announces it again when it returns', async () => {
      const huawei = await db.prisma.customer.findFirstOrThrow({ where: { name: { startsWith: '华为' } } });
      for (const k of await db.prisma.complaint.findMany({ where: { customerId: huawei.id, resolvedAt: null } })) await as('URAY')(`/complaint resolve ${k.id} 已补发`);
      const swept = await sweep();
      expect(swept[0]!.cleared).toBe(1);
      expect(await db.prisma.churnAlert.findUniqueOrThrow({ where: { customerId: huawei.id } })).toMatchObject({ clearedAt: clock.now() });
      // 91 days of silence later it is a risk again, and said once more.
      clock.advance(91 * DAY);
      delivered.length = 0;
      const again = await sweep();
      const risks = again[0]!.announced.flatMap((a) => a.risks);
      expect(risks.map((r) => [r.customer.id, r.reason])).toEqual([[huawei.id, 'silent']]);
      expect(to(await userId('URAY'))).toHaveLength(1);
      clock.set('2026-11-23T02:00:00Z');
    });

    it('two replicas sweeping at once announce a new risk once', async () => {
      await as('URAY')('/customer add Quiet Corp');
      await as('URAY')('/log Quiet complaint: nobody answers the phone');
      delivered.length = 0;
      await Promise.all([sweep(), sweep(), sweep()]);
      const quiet = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Quiet Corp' } });
      const cards = to(await userId('URAY')).filter((m) => JSON.stringify(m.reply).includes(quiet.code));
      expect(cards).toHaveLength(1);
    });
  });

  describe('the card’s buttons', () => {
    beforeEach(() => clock.set('2026-11-23T02:00:00Z'));
    const cardButtons = async () => {
      const acme = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Acme Robotics' } });
      const { churnItem } = await import('../../../src/intents/render/churn.ts');
      return churnItem({ locale: 'en', timeZone: 'Asia/Shanghai' }, { customer: { id: acme.id, code: acme.code, name: acme.name, tier: 'A' }, reason: 'complaint', lastContactAt: null, silentDays: 0, openComplaints: 1 }, true).buttons!;
    };

    it('Schedule call makes a call task at the date typed; no date or a past one writes nothing', async () => {
      const [schedule] = await cardButtons();
      const before = await db.prisma.task.count();
      expect((await click('URAY', schedule!, { when: 'whenever' })).tone).toBe('error');
      expect((await click('URAY', schedule!, { when: 'yesterday 3pm' })).tone).toBe('error');
      expect(await db.prisma.task.count()).toBe(before);
      const done = await click('URAY', schedule!, { when: 'tomorrow 3pm' });
      expect(done.tone, done.text).toBe('success');
      const task = await db.prisma.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(task).toMatchObject({ title: 'Call', ownerId: await userId('URAY'), dueHasTime: true });
      expect(task.dueAt?.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    });

    it('Log touch logs what happened; Hand to manager gives the customer to the manager, who is told', async () => {
      const [, touch, handoff] = await cardButtons();
      const logged = await click('URAY', touch!, { note: 'called, they are calmer now' });
      expect(logged.tone, logged.text).toBe('success');
      expect((await db.prisma.interaction.findFirstOrThrow({ orderBy: { id: 'desc' } })).summary).toBe('called, they are calmer now');
      delivered.length = 0;
      const handed = await click('URAY', handoff!);
      expect(handed.tone, handed.text).toBe('success');
      const acme = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Acme Robotics' } });
      expect(acme.ownerId).toBe(await userId('UMEI'));
      expect(to(await userId('UMEI')).map((m) => m.reply.title)).toHaveLength(1);
      expect(await db.prisma.task.count({ where: { customerId: acme.id, status: 'open', ownerId: await userId('UMEI') } })).toBeGreaterThan(0);
      // Pressed again (a stale card): it is no longer the rep's to hand on, and the rep hears whose it is now.
      const stale = await click('URAY', handoff!);
      expect(stale.tone).toBe('warning');
      expect(stale.text).toMatch(/Acme Robotics .* is UMEI’s customer/);
      expect(await db.prisma.customer.count({ where: { name: 'Acme Robotics', ownerId: await userId('UMEI') } })).toBe(1);
    });
  });
});
