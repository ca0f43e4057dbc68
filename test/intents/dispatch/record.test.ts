// The record through the handler, as people use it: fields typed in either language, contacts, the
// grouped profile card in the reader's language and within Slack's and Feishu's card limits, and a
// bad value answered in the person's language with nothing written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toCard } from '../../../src/bots/feishu/card.ts';
import { toBlocks } from '../../../src/bots/slack/blocks.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Invocation } from '../../../src/intents/invocation.ts';
import type { Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const config = { CRM_ADMINS: 'feishu:ou_boss', CRM_DEFAULT_TEAM: '华东销售', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'zh-CN' as const };

describeEngines('the record through the handler', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let handler: (inv: Invocation) => Promise<Reply>;
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const as = (id: string, locale: 'en' | 'zh-CN') => (text: string) =>
    handler({ door: 'feishu', workspaceId: 't1', externalUserId: id, profile: { displayName: id === 'ou_boss' ? '张主管' : 'Sam', locale }, input: { kind: 'text', text }, receivedAt: clock.now() });
  const zh = as('ou_boss', 'zh-CN');
  const en = as('ou_boss', 'en');
  const all = (r: Reply) => [r.title, r.text, ...(r.fields ?? []).map((f) => `${f.label} ${f.value}`), ...(r.sections ?? []).flatMap((s) => [s.heading, ...s.items.map((i) => i.text)])].join('\n');

  beforeAll(async () => {
    db = await freshDatabase(engine);
    handler = createHandler({ db, clock, log: silentLogger, config });
  });
  afterAll(() => db?.drop());

  it('shows every non-empty field grouped, in Chinese and in English', async () => {
    expect((await zh('/客户 新建 青岛海川机械 等级:A 行业:制造 来源:到店 规模:200-500人 主营业务:数控机床 地址:青岛市黄岛区 成立时间:2009年5月 推荐人:云梯 需求:换型慢 预算:50万-80万 决策链:采购→副总 标签:重点')).tone).toBe('success');
    expect((await zh('/联系人 新增 青岛海川 王强 职位:采购经理 电话:13800000001 偏好:微信')).tone).toBe('success');
    await zh('/联系人 新增 青岛海川 孙丽 邮箱:sunli@haichuan.com 主要');
    await zh('/记录 青岛海川 电话：沟通了MES方案，客户很满意');
    await zh('/客户 修改 青岛海川 等级:B 标签:+老客户');
    const card = await zh('/客户 青岛海川');
    const text = all(card);
    expect(card.sections?.map((s) => s.heading)).toEqual(['评分依据', '公司信息', '需求与预算', '联系人', '最近沟通', '进行中的任务', '变更记录'].filter((h) => h !== '进行中的任务' || text.includes('进行中的任务')));
    for (const s of ['制造', '200-500人', '数控机床', '青岛市黄岛区', '2009年5月', '到店 · 云梯', '换型慢', '50万-80万元', '采购→副总', '重点、老客户', '★ 孙丽', '王强 · 采购经理 · 13800000001 · 偏好微信', '张主管 · 电话', '等级 A → B']) expect(text, s).toContain(s);
    const enCard = await en('/customer 青岛海川');
    const enText = all(enCard);
    for (const s of ['Company', 'Needs and budget', 'main business: 数控机床', 'founding date: May 2009', 'store visit · 云梯', 'budget: CN¥500,000 – CN¥800,000', 'prefers WeChat', 'History', 'tier A → B']) expect(enText, s).toContain(s);
    // Within the platforms' limits whatever the card holds.
    expect(toBlocks(card).length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(toCard(card, 'zh-CN')).length).toBeLessThan(30_000);
  });

  it('answers a bad value in the person’s language, naming the field and what it accepts, and writes nothing', async () => {
    const before = await db.prisma.customer.findFirstOrThrow({ where: { name: '青岛海川机械' } });
    const r = await zh('/客户 修改 青岛海川 预算:很多');
    expect(r.tone).toBe('error');
    expect(r.text).toContain('「很多」不是有效的预算');
    expect(r.text).toContain('50万-80万');
    const e = await en('/customer update 青岛海川 founded:long ago');
    expect(e.text).toMatch(/“long ago” is not a valid founding date\. Write a year/);
    const c = await en('/contact edit 青岛海川 赵六 title:CEO');
    expect(c.text).toContain('No contact “赵六” at this customer. Contacts: 王强, 孙丽.');
    expect(await db.prisma.customer.findFirstOrThrow({ where: { name: '青岛海川机械' } })).toEqual(before);
  });

  it('renames, removes and swaps contacts through the commands', async () => {
    await zh('/客户 修改 青岛海川 名称:海川智能装备');
    expect((await zh('/客户 青岛海川机械')).title).toContain('海川智能装备');
    await zh('/联系人 删除 海川智能 孙丽');
    const contacts = await db.prisma.contact.findMany({ where: { customer: { name: '海川智能装备' } } });
    expect(contacts.map((k) => [k.name, k.isPrimary])).toEqual([['王强', true]]);
    await zh('/客户 修改 海川智能 标签:');
    expect((await db.prisma.customer.findFirstOrThrow({ where: { name: '海川智能装备' } })).tags).toEqual([]);
  });
});
