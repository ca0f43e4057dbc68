// The pool from the console door, in English and in Chinese: a lead's card counts down, the hourly
// rule reminds the owner, tells the manager, returns the lead (each message in its reader's
// language), a colleague claims it with the Claim button, a second claimer is told who won, a
// manager assigns it on (both owners told), its owner releases it, and bad input writes nothing.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../../src/app/notifier.ts';
import { consoleSender, type ConsoleInbox } from '../../../src/bots/console/sender.ts';
import { runConsole, type ConsoleUser } from '../../../src/bots/console/session.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { sweepAndTell } from '../../../src/scheduler/pool.ts';
import { freshDatabase } from '../../support/engines.ts';
import { HOUR, TestClock } from '../../support/fixtures.ts';

function consoleWorld(db: Database, locale: 'en' | 'zh-CN', admin: string) {
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const config = loadConfig({ CRM_ADMINS: `console:${admin}`, CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: locale, CRM_DEFAULT_TEAM: `Team ${locale}` });
  const notifier = createNotifier(db, silentLogger);
  let out = '';
  const write = (t: string) => void (out += t);
  const inbox: ConsoleInbox = new Map();
  notifier.register(consoleSender(write, inbox));
  const handler = createHandler({ db, clock, log: silentLogger, config, notifier });
  let user: ConsoleUser = { name: admin, locale };
  return {
    clock,
    /** Runs lines as the console would and returns what it printed; the session's person carries over. */
    async say(...lines: string[]): Promise<string> {
      const from = out.length;
      await runConsole({ handler, user, input: Readable.from(lines.map((l) => l + '\n')), write, interactive: false, now: () => clock.now(), inbox });
      const last = [...lines].reverse().find((l) => l.startsWith(':as '));
      if (last) user = { name: last.slice(4).replace(/\s+(en|zh-CN)$/, '').trim(), locale };
      return out.slice(from);
    },
    async sweepAt(hours: number, start: Date): Promise<string> {
      const from = out.length;
      clock.set(new Date(start.getTime() + hours * HOUR));
      await sweepAndTell({ db, clock, outbox: createOutbox({ db, notifier, log: silentLogger, now: () => clock.now() }), log: silentLogger });
      return out.slice(from);
    },
  };
}

describe('the pool in the console', () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  }, 60_000);
  afterAll(() => db?.drop());

  it('English: countdown, reminder, manager note, return, Claim button, a loser told who won, assign, release', async () => {
    const w = consoleWorld(db, 'en', 'Dana Reyes');
    const start = w.clock.now();
    await w.say('/crm whoami', ':as Mei Chen', '/crm whoami', ':as Priya Nair', '/crm whoami', ':as Dana Reyes', '/crm role Mei Chen manager');
    const mei = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Mei Chen' } });
    let t = await w.say(':as Sam Carter', '/customer add Acme Robotics tier:A');
    expect(t).toContain('Returns to the pool in 48 h unless Sam Carter logs a contact.');
    await db.prisma.user.updateMany({ where: { displayName: 'Sam Carter' }, data: { managerId: mei.id } });

    t = await w.sweepAt(25, start);
    expect(t).toMatch(/── message #\d+ for Sam Carter ──\n! Lead waiting for you\nAcme Robotics \(CUS\d{11}\) has no contact logged since you got it\. It returns to the shared pool in 23 h \(Wed, Nov 25, 10:00 AM\) unless you log one\./);
    expect(await w.sweepAt(26, start)).toBe('');
    t = await w.say('/customer Acme');
    expect(t).toContain('(Returns to the pool in 22 h unless Sam Carter logs a contact.)');

    t = await w.sweepAt(39, start);
    expect(t).toMatch(/── message #\d+ for Mei Chen ──\n! Lead about to return to the pool\nSam Carter has not followed up Acme Robotics \(CUS\d{11}, tier A\); it returns to the shared pool in 9 h/);
    expect(t).not.toContain('for Sam Carter');

    t = await w.sweepAt(49, start);
    expect(t).toMatch(/── message #\d+ for Sam Carter ──\n! Lead returned to the pool\nAcme Robotics \(CUS\d{11}\) had no logged contact within 48 hours[^\n]*\n\[1\] Claim/);
    expect(await w.sweepAt(50, start)).toBe('');

    // Priya opens the pool and presses Claim; Sam, too late, learns who won.
    // (buttons live within one console session, so the press goes with the list)
    t = await w.say(':as Priya Nair', '/pool', '1');
    expect(t).toMatch(/Shared pool\nCustomers nobody owns: 1\. The first to press Claim gets each one; you can claim 20 more today\.[\s\S]*• Acme Robotics · CUS\d{11} · [^\n]*\[1\] Claim \[2\] (Show|Open)/);
    expect(t).toMatch(/Customer claimed\nAcme Robotics \(CUS\d{11}\) is yours now\.\n[\s\S]*Log a contact within 48 hours or it goes back to the pool\./);
    t = await w.say(':as Sam Carter', '/customer claim Acme Robotics');
    expect(t).toContain('Priya Nair claimed Acme Robotics first.');
    expect(await w.say('/tasks pool')).toContain('The pool is empty');

    // A rep cannot assign; the manager can, and both owners hear of it.
    t = await w.say('/customer assign Acme @Sam Carter');
    expect(t).toContain('Only a manager can assign customers');
    t = await w.say(':as Mei Chen', '/customer assign Acme Robotics @Sam Carter');
    expect(t).toMatch(/Customer assigned\nAcme Robotics \(CUS\d{11}\) moved from Priya Nair to Sam Carter\./);
    expect(t).toMatch(/── message #\d+ for Sam Carter ──\nA customer for you\nMei Chen gave you Acme Robotics/);
    expect(t).toMatch(/── message #\d+ for Priya Nair ──\nCustomer reassigned\nMei Chen gave your customer Acme Robotics \(CUS\d{11}\) to Sam Carter\./);
    t = await w.say(':as Sam Carter', '/customer release Acme');
    expect(t).toMatch(/Back in the pool\nAcme Robotics \(CUS\d{11}\) is back in the shared pool\./);
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'customer', action: { in: ['pool_return', 'claim', 'assign', 'release'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => `${a.action}:${a.door}`)).toEqual(['pool_return:system', 'claim:console', 'assign:console', 'release:console']);

    // Bad input: a clear message, nothing written.
    const before = await db.prisma.auditEvent.count();
    expect(await w.say('/customer claim')).toMatch(/Usage: `\/customer claim <customer>`/);
    expect(await w.say('/customer assign Acme')).toMatch(/Usage: `\/customer assign <customer> @rep`/);
    expect(await w.say('/customer claim Nowhere Ltd')).toContain('No customer matches');
    expect(await w.say('/pool everything')).toContain('Usage: `/pool`');
    expect(await db.prisma.auditEvent.count()).toBe(before);
  }, 60_000);

  it('中文：倒计时、提醒、主管提醒、退回公海、领取按钮、后来者被告知、分配、退回公海', async () => {
    const w = consoleWorld(db, 'zh-CN', '张总');
    const start = w.clock.now();
    await w.say('/crm 我是谁', ':as 张主管 zh-CN', '/crm 我是谁', ':as 王芳 zh-CN', '/crm 我是谁', ':as 张总 zh-CN', '/crm 角色 张主管 经理');
    let t = await w.say(':as 李雷 zh-CN', '/客户 新建 华为技术 等级:B');
    expect(t).toContain('48 小时后退回公海，李雷 记录一次跟进即可保留。');

    t = await w.sweepAt(25, start);
    expect(t).toMatch(/── 发给 李雷 的消息 #\d+ ──\n! 线索待跟进\n华为技术（CUS\d{11}）自分配给你以来还没有跟进记录，23 小时后（[^）]+）将退回公海，请尽快跟进。/);
    t = await w.sweepAt(39, start);
    // 李雷 has no manager of his own: the team's manager hears of it.
    expect(t).toMatch(/── 发给 张主管 的消息 #\d+ ──\n! 线索即将退回公海\n李雷 尚未跟进 华为技术（CUS\d{11}，B 类），9 小时后/);
    t = await w.sweepAt(49, start);
    expect(t).toMatch(/── 发给 李雷 的消息 #\d+ ──\n! 线索已退回公海\n华为技术（CUS\d{11}）48 小时内没有跟进记录，已退回公海。如仍要跟进，可重新领取。\n\[1\] 领取/);

    t = await w.say(':as 王芳 zh-CN', '/公海', '1');
    expect(t).toMatch(/公海\n公海共 1 个客户，先点「领取」者得。你今天还能领取 20 个。[\s\S]*华为技术 · CUS\d{11}[^\n]*\[1\] 领取/);
    expect(t).toMatch(/领取成功\n华为技术（CUS\d{11}）已归你跟进。/);
    t = await w.say(':as 李雷 zh-CN', '/客户 领取 华为技术');
    expect(t).toContain('华为技术 已被 王芳 抢先领取。');

    t = await w.say(':as 张主管 zh-CN', '/客户 分配 华为 @李雷');
    expect(t).toMatch(/客户已分配\n华为技术（CUS\d{11}）已从 王芳 转给 李雷。/);
    // 李雷 heard about 华为技术 minutes ago (returned to the pool): the assignment edits that message instead of adding one.
    expect(t).toMatch(/── 发给 李雷 的消息 #\d+ 已更新：你有新分配的客户 — 张主管 把 华为技术（CUS\d{11}）分配给了你。 ──/);
    expect(t).toMatch(/── 发给 王芳 的消息 #\d+ ──\n客户已转出\n张主管 已将你的客户 华为技术（CUS\d{11}）转给 李雷。/);
    t = await w.say(':as 李雷 zh-CN', '/客户 退回公海 华为');
    expect(t).toMatch(/已退回公海\n华为技术（CUS\d{11}）已退回公海。/);
    expect(await w.say('/客户 释放 华为')).toContain('华为技术 已在公海中。');

    // A departing rep's book, in one go.
    await w.say('/客户 领取 华为', '/客户 新建 中兴通讯 等级:C');
    t = await w.say(':as 张主管 zh-CN', '/客户 分配 负责人:李雷 @王芳');
    expect(t).toMatch(/客户已批量转移\n已将 2 个客户分配给 王芳。/);
    expect(t).toMatch(/── 发给 李雷 的消息 #\d+ ──\n客户已转出\n张主管 已将你名下 2 个客户转给 王芳：华为技术、中兴通讯。/);
    expect(await w.say(':as 李雷 zh-CN', '/客户 分配')).toContain('用法：`/客户 分配 <客户> @销售`');
  }, 60_000);
});
