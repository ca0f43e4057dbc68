// The same day's work typed in Chinese by people whose door reports zh-CN: Chinese command words,
// Chinese answers, the same rows written, dates in the person's zone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import type { Notifier } from '../../../src/intents/delivery.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { ButtonAction, OutboundMessage, Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: 'feishu:ou_wang', CRM_DEFAULT_TEAM: '销售部', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };
const han = /[\u4e00-\u9fff]/;

describeEngines('Chinese commands through the handler', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let handler: (inv: Invocation) => Promise<Reply>;
  const sent: OutboundMessage[] = [];
  // Monday 2026-11-23 10:00 in Shanghai.
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));

  const as = (id: string, name: string) => (text: string) =>
    handler({ door: 'feishu', workspaceId: 'tenant1', externalUserId: id, profile: { displayName: name, locale: 'zh-CN', timeZone: 'Asia/Shanghai' }, input: { kind: 'text', text }, receivedAt: clock.now() });
  const press = (id: string, action: ButtonAction, values?: Record<string, string>) =>
    handler({ door: 'feishu', workspaceId: 'tenant1', externalUserId: id, profile: { locale: 'zh-CN' }, input: { kind: 'action', action, values }, receivedAt: clock.now() });
  const wang = as('ou_wang', '王芳');
  const li = as('ou_li', '李雷');
  const zhao = as('ou_zhao', '赵敏');

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

  it('runs customers, logs, tasks, quotes and roles in Chinese', async () => {
    expect((await wang('/crm 我是谁')).text).toMatch(han);
    await li('/crm 我是谁');
    const granted = await wang('/crm 角色 @赵敏 设为 经理');
    // 赵敏 has not written yet: the admin is told, in Chinese, that nobody by that name is known.
    expect(granted.tone).toBe('error');
    expect(granted.text).toMatch(han);
    await zhao('/crm 我是谁');
    expect((await wang('/crm 角色 @赵敏 设为 经理')).tone).toBe('success');
    expect((await db.prisma.user.findFirstOrThrow({ where: { displayName: '赵敏' } })).role).toBe('manager');

    expect((await li('/customer add 华为技术 等级：A 行业：通信 来源：展会')).title).toMatch(han);
    const card = await li('/客户 华为');
    expect(card.title).toContain('华为技术');
    expect(card.fields?.map((f) => f.label).join()).toMatch(han);

    const logged = await li('/记录 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访');
    expect(logged.tone).toBe('success');
    expect(logged.text).toMatch(han);
    const task = await db.prisma.task.findFirstOrThrow();
    expect(task.dueAt?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(logged.buttons?.map((b) => b.label).join()).toMatch(han);

    expect(JSON.stringify((await li('/任务')).sections)).toContain(`#${task.id}`);
    expect((await li(`/任务 推迟 ${task.id} 下下周一`)).tone).toBe('success');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).dueAt?.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect((await li(`/任务 完成 ＃${task.id}`)).tone).toBe('success');

    const team = await db.prisma.team.findFirstOrThrow();
    const pooled = await db.prisma.task.create({ data: { title: '回访新线索', teamId: team.id } });
    const pool = await li('/任务 公海');
    const claim = pool.sections?.[0]?.items.find((i) => i.text.includes(`#${pooled.id}`))?.buttons?.[0];
    expect(claim?.label).toMatch(han);
    expect((await press('ou_li', claim!.action)).tone).toBe('success');

    const quoted = await li('/报价 新建 华为 10 × 专业版 ＠ 1,200.50，2 × 实施服务 ＠ ¥3000 打88折');
    expect(quoted.tone).toBe('success');
    const quote = await db.prisma.quote.findFirstOrThrow();
    expect(quote.currency).toBe('CNY');
    expect(quote.totalMinor).toBe(((1_200_500n + 600_000n) * 88n) / 100n);
    sent.length = 0;
    expect((await li(`/报价 提交 ${quote.id}`)).tone).toBe('success');
    const approval = sent.find((m) => 'userId' in m.to);
    expect(approval?.reply.title).toMatch(han);
    const reject = approval!.reply.buttons!.find((b) => b.action.action === 'quote.reject')!;
    expect(reject.input).toBeDefined();
    sent.length = 0;
    const rejected = await press('ou_zhao', reject.action, { [reject.input!.name]: '折扣太大' });
    expect(rejected.tone).toBe('warning');
    expect(await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ status: 'rejected', decisionReason: '折扣太大' });
    expect(sent[0]?.updateSubject).toBe(`quote:${quote.id}`);
    expect(sent[0]?.reply.text).toContain('折扣太大');
    expect((await li(`/报价 ${quote.id}`)).fields?.some((f) => f.value.includes('赵敏'))).toBe(true);

    expect((await li('/crm 帮助 报价')).text).toMatch(han);
  });

  it('查重: another rep naming 李雷’s customer hears whose it is, is offered no card they cannot open, and writes nothing', async () => {
    const chen = as('ou_chen', '陈静');
    await chen('/crm 我是谁');
    const logs = await db.prisma.interaction.count();
    const logged = await chen('/记录 华为 电话：问了价格');
    expect(logged.tone).toBe('warning');
    expect(logged.text).toContain('由 李雷 负责');
    expect(logged.buttons ?? []).toEqual([]);
    const added = await chen('/客户 新增 深圳华为技术有限公司');
    expect(added.text).toContain('由 李雷 负责');
    expect(added.buttons?.map((b) => b.action.action)).toEqual(['customer.create-anyway']);
    expect(await db.prisma.interaction.count()).toBe(logs);
    expect(await db.prisma.customer.count({ where: { name: { contains: '华为' } } })).toBe(1);
  });

  it('a name typed wrong is not logged on a customer whose name only starts the same: nothing written, the customer offered in one click', async () => {
    await li('/客户 新建 阿里巴巴网络');
    const before = await db.prisma.interaction.count();
    for (const typed of ['阿里爸爸', '阿里巴巴网络集团']) {
      const refused = await li(`/记录 ${typed} 电话：报价`);
      expect(refused.tone, typed).toBe('error');
      expect(refused.text).toContain(`「${typed}」`);
      expect(refused.buttons?.map((b) => b.label)).toContainEqual(expect.stringContaining('阿里巴巴网络'));
      expect(await db.prisma.interaction.count()).toBe(before);
    }
    // The start of the name alone still finds it, as people shorten names.
    expect((await li('/记录 阿里 电话：报价')).tone).toBe('success');
    expect(await db.prisma.interaction.count()).toBe(before + 1);
  });
});
