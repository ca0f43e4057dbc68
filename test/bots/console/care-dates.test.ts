// Care dates from the console, in Chinese and in English: a contact's birthday and the founding date
// typed and shown on the card, the team's holidays shown and changed by a manager (refused to a
// rep, audited), the due list the workday before naming who to greet and why, and its Log touch
// button logging the greeting as an interaction: nothing is ever sent to the customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createRunner } from '../../../src/scheduler/runner.ts';
import { latestSlot } from '../../../src/scheduler/slots.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';

async function dueList(db: Database, w: ReturnType<typeof funnelConsole>, at: string): Promise<string> {
  w.clock.set(new Date(at));
  const from = w.printed().length;
  const runner = createRunner({ db, clock: w.clock, log: silentLogger, notifier: w.notifier, instanceId: 'care-console' });
  for (const team of await db.prisma.team.findMany()) await runner.runSlot('daily', team.id, latestSlot('daily', team, w.clock.now()).slot);
  return w.printed().slice(from);
}

describe('care dates in the console', () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  }, 60_000);
  afterAll(() => db?.drop());

  it('Chinese: 生日 and 成立 on the card, 团队节日 by a manager, 待发问候 the day before, 记录问候 logs it', async () => {
    // Wednesday 30 December 2026, 10:00 in Shanghai.
    const w = funnelConsole(db, 'zh-CN', '李雷', '2026-12-30T02:00:00Z');
    await w.say('/crm whoami', ':as 韩梅梅', '/crm whoami', ':as 李雷');
    let t = await w.say('/crm 团队 节日');
    expect(t).toContain('2027年1月1日周五 · 元旦');
    expect(t).toContain('2027年2月6日周六 · 春节');
    expect(t).toContain('2027年9月15日周三 · 中秋节');
    t = await w.say('/crm 团队 节日 2027-01-04 开工大吉', '/crm 团队 节日 删除 2027-10-01');
    expect(t).toContain('已添加节日：开工大吉，2027年1月4日周一');
    expect(t).toContain('已删除节日：国庆节');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'team', action: { startsWith: 'setting.holiday.' } } })).toBe(2);
    // A rep reads the list and may not change it; nothing is written.
    t = await w.say(':as 韩梅梅', '/crm 团队 节日 2027-03-01 植树节', '/crm 团队 节日 2027-13-01 乱写', ':as 李雷');
    expect(t).toContain('经理');
    expect(t).toContain('「2027-13-01」不是有效的节日日期');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'team', action: { startsWith: 'setting.holiday.' } } })).toBe(2);

    await w.say('/客户 新增 华为技术 等级:A 成立:2009-01-01', '/客户 新增 腾飞科技 等级:B 成立:2015年5月');
    t = await w.say('/联系人 新增 华为 王强 职位:采购经理 生日:1月1日', '/联系人 新增 华为 赵敏 生日:农历3月15');
    expect(t).toContain('★ 王强 · 采购经理 · 生日 1月1日');
    expect(t).toContain('暂不支持农历');
    expect(await db.prisma.contact.count({ where: { name: '赵敏' } })).toBe(0);
    expect(await w.say('/客户 腾飞')).toContain('成立时间：2015年5月（补充具体日期后可提醒周年问候）');

    // Thursday 31 December, 09:00: Friday's birthday, anniversary and 元旦; the Monday holiday waits for Friday's list.
    t = await dueList(db, w, '2026-12-31T01:00:00Z');
    expect(t).toContain('待发问候');
    expect(t).toContain('明天 · 生日 · 华为技术 · 王强（采购经理）');
    expect(t).toContain('明天 · 成立 18 周年 · 华为技术 · 王强（采购经理）');
    expect(t).toContain('明天 · 元旦 · 腾飞科技');
    expect(t).not.toContain('开工大吉');
    // Pressing the first 记录问候 logs the greeting the rep sent; no message goes anywhere else.
    const sentBefore = await db.prisma.outboxMessage.count();
    t = await w.say(':as 李雷', '1');
    expect(t).toContain('生日问候：华为技术 · 王强');
    const logged = await db.prisma.interaction.findMany({ include: { customer: true } });
    expect(logged.map((i) => [i.customer.name, i.summary])).toEqual([['华为技术', '生日问候：华为技术 · 王强']]);
    expect(await db.prisma.outboxMessage.count()).toBe(sentBefore);
    // Friday 1 January: the list greets for Monday's 开工大吉 (Saturday and Sunday have nothing).
    t = await dueList(db, w, '2027-01-01T01:00:00Z');
    expect(t).toContain('1月4日周一 · 开工大吉 · 华为技术 · 王强（采购经理）');
  });

  it('English: birthday on the card, Christmas among the defaults, greetings due the workday before, Log touch logs it', async () => {
    // Tuesday 22 December 2026 in Shanghai (the console's default team zone).
    const w = funnelConsole(db, 'en', 'Dana Reyes', '2026-12-22T02:00:00Z');
    await w.say('/crm whoami');
    let t = await w.say('/crm team holidays');
    expect(t).toContain('Fri, Dec 25, 2026 · Christmas');
    expect(t).toContain('Fri, Jan 1, 2027 · New Year’s Day');
    expect(t).toContain('These are the defaults for your team’s language.');
    t = await w.say('/customer add Globex tier:B founded:2001-12-28', '/contact add Globex Ann Lee title:CFO birthday:December 26', '/contact edit Globex Ann Lee birthday:Feb 30');
    expect(t).toContain('★ Ann Lee · CFO · birthday Dec 26');
    expect(t).toContain('“Feb 30” is not a valid birthday.');
    // Thursday 24 December: Christmas on Friday only. Friday 25th: Saturday's birthday, Monday's 25th anniversary.
    t = await dueList(db, w, '2026-12-24T01:00:00Z');
    expect(t).toContain('Greetings to send');
    expect(t).toContain('Tomorrow · Christmas · Ann Lee (CFO), Globex');
    expect(t).not.toContain('Birthday');
    t = await dueList(db, w, '2026-12-25T01:00:00Z');
    expect(t).toContain('Tomorrow · Birthday · Ann Lee (CFO), Globex');
    expect(t).toContain('Mon, Dec 28 · Founded 25 years ago · Ann Lee (CFO), Globex');
    t = await w.say(':as Dana Reyes', '2');
    expect(t).toContain('Anniversary greeting to Globex (25 years since founding)');
    const globex = await db.prisma.customer.findFirstOrThrow({ where: { name: 'Globex' }, include: { interactions: true } });
    expect(globex.interactions.map((i) => i.summary)).toEqual(['Anniversary greeting to Globex (25 years since founding)']);
  });
});
