// Lists, queues and team settings from the console door, in English and in Chinese, through the
// real handler: what a rep and a manager type, what they read, what was written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import type { Notifier } from '../../../src/intents/delivery.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { ButtonAction, OutboundMessage, Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: 'console:Dana Reyes', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };
const han = /[\u4e00-\u9fff]/;
const all = (r: Reply) => [r.title, r.text, ...(r.fields ?? []).map((f) => `${f.label} ${f.value}`), ...(r.sections ?? []).flatMap((s) => [s.heading, ...s.items.map((i) => i.text)]), ...(r.notices ?? [])].join('\n');

describe('lists and team settings from the console door', { timeout: 90_000 }, () => {
  let db: Database & { drop(): Promise<void> };
  let handler: ReturnType<typeof createHandler>;
  const sent: OutboundMessage[] = [];
  // Monday 2026-11-23, 10:00 in Shanghai.
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const as = (name: string, locale?: 'en' | 'zh-CN') => (text: string) =>
    handler({ door: 'console', workspaceId: '', externalUserId: name, profile: { displayName: name, ...(locale ? { locale } : {}) }, input: { kind: 'text', text }, receivedAt: clock.now() });
  const press = (name: string, action: ButtonAction) => handler({ door: 'console', workspaceId: '', externalUserId: name, profile: { displayName: name }, input: { kind: 'action', action }, receivedAt: clock.now() });
  const dana = as('Dana Reyes');
  const mei = as('Mei Chen');
  const sam = as('Sam Carter');
  const zhang = as('张主管', 'zh-CN');
  const li = as('李雷', 'zh-CN');

  beforeAll(async () => {
    db = await freshDatabase('pglite');
    const notifier: Notifier = { deliver: async (m) => (sent.push(m), []) };
    handler = createHandler({ db, clock, log: silentLogger, config, notifier });
    for (const who of [dana, mei, sam, zhang, li]) await who('/crm whoami');
    expect((await dana('/crm role Mei Chen manager')).tone).toBe('success');
    expect((await dana('/crm role 张主管 manager')).tone).toBe('success');
  }, 180_000);
  afterAll(() => db?.drop());

  it('sets a rep’s manager in both languages, audited; a rep is refused', async () => {
    const en = await dana('/crm manager @Sam Carter @Mei Chen');
    expect(en.text).toBe('Sam Carter now reports to Mei Chen; their quotes go to Mei Chen for approval.');
    const zh = await zhang('/crm 主管 @李雷 @张主管');
    expect(zh.text).toBe('李雷 的直属经理现在是 张主管，其报价将由 张主管 审批。');
    const samRow = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam Carter' }, include: { manager: true } });
    expect(samRow.manager?.displayName).toBe('Mei Chen');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'user', action: 'manager' } })).toBe(2);
    expect((await sam('/crm manager @Sam Carter @Dana Reyes')).tone).toBe('error');
    expect(all(await zhang('/crm 主管 @李雷 @李雷'))).toContain('李雷 不能做自己的直属经理。');
  });

  it('lists a rep’s customers by next contact due, ten a page, with a More button that carries the page', async () => {
    for (let i = 1; i <= 12; i++) expect((await sam(`/customer add Account ${String(i).padStart(2, '0')} tier:${i % 3 === 0 ? 'A' : 'C'}`)).tone).toBe('success');
    await li('/customer add 华为技术 等级:A');
    const page1 = await sam('/customers');
    expect(page1.text).toBe('1–10 of 12, soonest due for contact first.');
    const items = page1.sections![0]!.items.map((i) => i.text);
    // Tier A (weekly) comes due before tier C (monthly).
    expect(items.slice(0, 4).every((t) => / · A · /.test(t))).toBe(true);
    expect(items.join()).not.toContain('华为');
    const more = page1.buttons!.find((b) => b.label === 'More (2/2)')!;
    const page2 = await press('Sam Carter', more.action);
    expect(page2.text).toBe('11–12 of 12, soonest due for contact first.');
    expect(page2.buttons ?? []).toEqual([]);
    expect((await sam('/customers --page 2')).sections![0]!.items.map((i) => i.text)).toEqual(page2.sections![0]!.items.map((i) => i.text));
    expect((await sam('/customers tier:A')).text).toBe('1–4 of 4, soonest due for contact first.');
  });

  it('lists in Chinese with Chinese filter words, and refuses what a rep may not see', async () => {
    const zh = await li('/客户 列表 等级:A 负责人:我 页:1');
    expect(zh.title).toBe('客户列表');
    expect(zh.text).toBe('第 1–1 个，共 1 个，按下次跟进时间排序。');
    expect(zh.sections![0]!.items[0]!.text).toMatch(/^华为技术 · CUS\d{11} · A · 线索 · .*跟进$/);
    expect(all(await li('/客户 列表 负责人:@Sam Carter'))).toContain('销售只能查看自己的和公海池里的客户');
    expect(all(await sam('/customers owner:@李雷'))).toContain('Reps see their own and the pool’s customers');
    // Search follows the same rule: Sam is not offered 李雷's customer.
    expect(all(await sam('/customer find 华为'))).toContain('No customer matches');
    expect(all(await sam('/customers tier:Z'))).toMatch(/“Z” is not a valid tier\. Use one of: A, B, C\./);
    expect(all(await li('/客户 列表 到期:明天'))).toContain('「明天」不是有效的到期条件。可选：`到期:逾期`。');
    // A manager sees the team's, owner named.
    const team = await zhang('/客户 列表 负责人:全部 等级:A');
    expect(all(team)).toContain('华为技术');
    expect(all(team)).toContain('Sam Carter');
  });

  it('puts quotes waiting for a manager first on their home, and lists them in both languages', async () => {
    expect((await sam('/quote new Account 03 5 x "Pro license" @ 1200 discount 10%')).tone).toBe('success');
    expect((await sam('/quote submit 1')).tone).toBe('success');
    expect((await li('/报价 新建 华为 10 × 专业版 ＠ ¥1200')).tone).toBe('success');
    expect((await li('/报价 提交 2')).tone).toBe('success');

    const home = await mei('/crm home');
    expect(home.sections![0]!.heading).toBe('Waiting for your approval');
    expect(home.sections![0]!.items.map((i) => i.text.split(' · ')[0])).toEqual(['#1']);
    expect(home.sections![0]!.items[0]!.buttons!.map((b) => b.label)).toEqual(['Approve', 'Reject…', 'Open']);
    const zhHome = await zhang('/crm 主页');
    expect(zhHome.sections![0]!.heading).toBe('待你审批');
    expect(zhHome.sections![0]!.items[0]!.text).toMatch(/^#2 · 华为技术 · 李雷 · ¥12,000\.00/);

    expect((await mei('/quotes waiting')).sections![0]!.items.map((i) => i.text.split(' · ')[0])).toEqual(['#1']);
    expect((await zhang('/报价 列表 待审批')).title).toBe('待你审批');
    expect((await sam('/quotes waiting')).text).toBe('Nothing is waiting for your approval.');
    expect((await sam('/quotes')).sections![0]!.items[0]!.text).toMatch(/^#1 · Account 03 · pending approval · \$5,400\.00$/);
    expect(all(await li('/报价 列表 团队'))).toContain('只有经理和管理员能查看团队报价');
    expect((await mei('/quotes team')).sections![0]!.items.length).toBe(2);

    // Approving from the home card clears it from the queue.
    expect((await press('Mei Chen', home.sections![0]!.items[0]!.buttons![0]!.action)).tone).toBe('success');
    expect((await mei('/crm home')).sections?.[0]?.heading).not.toBe('Waiting for your approval');
  });

  it('adds tasks with /task add in both languages; a manager gives one to a rep, a rep may not', async () => {
    const own = await sam('/task add Account 01 send the contract friday 3pm');
    expect(own.text).toBe('“send the contract” for Account 01, due Fri, Nov 27, 3:00 PM.');
    const given = await mei('/task add Account 02 call the CFO tomorrow @Sam Carter');
    expect(given.text).toBe('“call the CFO” for Account 02, due Tue, Nov 24. It belongs to Sam Carter, who has been told.');
    const told = sent.find((m) => m.reply.title === 'Mei Chen gave you a task');
    expect(told?.reply.text).toContain('call the CFO');
    const refused = await sam('/task add Account 01 chase payment tomorrow @Mei Chen');
    expect(refused.text).toBe('Only a manager can give a task to someone else; leave out the @name to add it for yourself.');
    expect(await db.prisma.task.count({ where: { title: 'chase payment' } })).toBe(0);

    const zh = await li('/任务 新建 华为 发合同 后天下午3点');
    expect(zh.title).toBe('已新建任务');
    expect(zh.text).toMatch(/^「发合同」（华为技术），截止 .*15:00。$/);
    expect(all(await li('/任务 新建 华为 发合同 明天 @张主管'))).toContain('只有经理可以把任务指派给别人');
    const zhGiven = await zhang('/任务 新建 华为 准备标书 明天上午10点 @李雷');
    expect(zhGiven.text).toBe('「准备标书」（华为技术），截止 11月24日周二 10:00。已交给 李雷，并已通知对方。');
    const task = await db.prisma.task.findFirstOrThrow({ where: { title: '发合同' } });
    expect([task.sourceInteractionId, task.dueAt?.toISOString()]).toEqual([null, '2026-11-25T07:00:00.000Z']);
  });

  it('shows the team’s overdue and today’s tasks by rep to managers, in both languages', async () => {
    clock.set('2026-11-25T02:00:00Z'); // Wednesday: the tasks due Tuesday are overdue, 李雷's contract is due today.
    const en = await mei('/tasks team');
    expect(en.sections!.map((s) => s.heading)).toEqual(['Sam Carter — 1 overdue, 0 today', '李雷 — 1 overdue, 1 today']);
    const zh = await zhang('/任务 团队');
    expect(zh.sections!.map((s) => s.heading)).toEqual(['Sam Carter（逾期 1 项，今天 0 项）', '李雷（逾期 1 项，今天 1 项）']);
    expect(all(await sam('/tasks team'))).toContain('Only managers and admins see the team’s tasks');
    clock.set('2026-11-23T02:00:00Z');
  });

  it('shows and changes team settings in both languages, audited; bad values and reps are refused', async () => {
    const show = await sam('/crm team');
    expect(show.fields!.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Time zone: Asia/Shanghai', 'Language: English', 'Currency: USD (follows the language)', 'Workdays: Mon–Fri', 'Workday hours: 09:00–17:00',
      'Follow-up cadence: A every 7 days · B every 14 days · C every 30 days', 'Pool window: A 48 h · B 48 h · C 72 h', 'Claims per rep per day: 20',
      'Discount a manager may approve: 15%', 'Churn risk after: 90 days',
      // The sales funnel's settings (issue 13).
      'Lead score that hands a lead to sales: 80', 'Lead score weights: the default rule (`/crm team weights` shows it)', 'First contact with a new lead within: 24 hours',
      // The monthly review's channel costs, none set yet.
      'Cost per customer source: —',
    ]);
    expect((await mei('/crm team cadence A:5 B:10 C:20')).text).toBe('Follow-up cadence is now A every 5 days · B every 10 days · C every 20 days.');
    expect((await mei('/crm team pool hours A:24 B:36 C:72')).text).toBe('Pool window is now A 24 h · B 36 h · C 72 h.');
    expect((await mei('/crm team workday 8:30-17:30')).text).toBe('Workday hours is now 08:30–17:30.');
    expect((await mei('/crm team claims per day 10')).text).toBe('Claims per rep per day is now 10.');
    expect((await mei('/crm team discount limit 20%')).text).toBe('Discount a manager may approve is now 20%.');
    expect((await mei('/crm team churn days 60')).text).toBe('Churn risk after is now 60 days.');
    expect(all(await mei('/crm team zone Mars/Base'))).toContain('“Mars/Base” is not a time zone I know. Use an IANA zone such as Asia/Shanghai');
    expect(all(await mei('/crm team cadence A:0'))).toContain('cadence is 1 to 365 days per tier');
    expect(all(await mei('/crm team workdays funday'))).toContain('Use one of: days such as `mon-fri`');
    expect(all(await sam('/crm team claims per day 99'))).toContain('Only a manager or admin can change the team’s settings.');
    // The team's language changes below: people who never chose one (Mei, Sam) follow it.
    expect((await zhang('/crm 团队 工作日 周一至周六')).text).toBe('工作日已改为 周一至周六。');
    expect((await zhang('/crm 团队 币种 人民币')).text).toBe('币种已改为 CNY。');
    expect((await zhang('/crm 团队 币种 默认')).text).toBe('币种已改为 USD（随团队语言）。');
    expect((await zhang('/crm 团队 语言 中文')).text).toBe('语言已改为 简体中文。');
    expect((await zhang('/crm 团队 时区 Asia/Shanghai')).text).toBe('时区已改为 Asia/Shanghai。');
    expect((await zhang('/crm 团队 跟进周期 A:7')).text).toBe('跟进周期已改为 A 类每 7 天 · B 类每 10 天 · C 类每 20 天。');
    expect((await zhang('/crm 团队 公海时限 A:48')).text).toBe('公海时限已改为 A 类 48 小时 · B 类 36 小时 · C 类 72 小时。');
    expect((await zhang('/crm 团队 每日领取上限 20')).text).toBe('每人每日领取上限已改为 20。');
    expect((await zhang('/crm 团队 折扣上限 15%')).text).toBe('经理可批折扣上限已改为 15%。');
    expect((await zhang('/crm 团队 流失天数 90')).text).toBe('流失预警天数已改为 90 天。');
    expect((await zhang('/crm 团队 工作时间 9:00-18:00')).text).toBe('工作时间已改为 09:00–18:00。');
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: 'Sales' } });
    expect(team).toMatchObject({ locale: 'zh-CN', currency: null, workdays: [1, 2, 3, 4, 5, 6], cadenceDaysA: 7, poolHoursB: 36, claimsPerDay: 20, workdayEndMinute: 1080 });
    expect(await db.prisma.auditEvent.count({ where: { entity: 'team', entityId: String(team.id) } })).toBe(17);

    expect(all(await zhang('/crm 团队 时区 火星'))).toContain('「火星」不是有效的时区');
    expect(all(await zhang('/crm 团队 每日领取上限 0'))).toContain('每日领取上限「0」无效：请填 1 到 1000。');
    // Sam writes English, so he is answered in English even on a team that now speaks Chinese.
    expect(all(await sam('/crm team claims per day 99'))).toContain('Only a manager or admin can change the team’s settings.');
    expect(all(await li('/crm 团队 每日领取上限 99'))).toContain('只有经理或管理员可以修改团队设置。');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'team', entityId: String(team.id) } })).toBe(17);
    expect((await db.prisma.team.findFirstOrThrow({ where: { name: 'Sales' } })).claimsPerDay).toBe(20);
    expect(all(await li('/crm 团队'))).toMatch(han);
  });
});
