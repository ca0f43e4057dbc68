// The lead score from the console, in English and Chinese: the profile says the score and why, the
// lead that reaches the threshold reaches its owner as a card with Accept / Decline, Accept works,
// `/customers hot` lists it, and a manager changes the threshold from `/crm team`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';

describe('the lead score in the console', () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  });
  afterAll(() => db?.drop());

  it('explains the score and hands the lead to its owner in English', async () => {
    const c = funnelConsole(db, 'en', 'Dana Reyes');
    await c.say('/crm whoami', ':as Sam', '/customer add Acme Robotics tier:A budget:$200k');
    await c.say('/log Acme visit: demo on site, they were happy', '/log Acme meeting: pricing review, pleased', '/log Acme call: happy with terms');
    const profile = await c.say('/customer Acme');
    expect(profile).toMatch(/Lead score\s+79 of 100 \(hands off to sales at 80\)/);
    expect(profile).toContain('+20 visit in the last 7 days');
    expect(profile).toContain('+9 3 contacts logged');
    expect(profile).toContain('+10 last mood positive');
    const crossing = await c.say('/log Acme email: sent the contract');
    expect(crossing).toMatch(/Hot lead: Acme Robotics scored 82\nAcme Robotics reached 82 \(hand-off at 80\) and is now marked interested/);
    expect(crossing).toMatch(/\[(\d+)\] Accept\s+\[\d+\] Decline/);
    // The card's buttons are live once the console acts as its reader again.
    const accepted = await c.say(':as Sam', '1');
    expect(accepted).toContain('the buttons of message #1 work: [1] Accept [2] Decline [3] Open');
    expect(accepted).toContain('Sam accepted Acme Robotics.');
    expect(await db.prisma.leadHandoff.findFirstOrThrow({ where: { customer: { name: 'Acme Robotics' } } })).toMatchObject({ status: 'accepted' });
    // Interested now: the score stays, the hand-off threshold is no longer said.
    expect(await c.say(':as Sam', '/customer Acme')).toMatch(/Lead score\s+82 of 100\n/);
    expect(await c.say('/customers hot')).toMatch(/Hottest leads[\s\S]*1\. 82 · Acme Robotics · tier A · interested · Sam/);
    const team = await c.say(':as Dana Reyes', '/crm team threshold 70');
    expect(team).toMatch(/Lead score that hands a lead to sales\s+70/);
    expect(await c.say('/crm team threshold 0')).toContain('the hand-off score is 1 to 100');
  }, 120_000);

  it('explains it in Chinese', async () => {
    const c = funnelConsole(db, 'zh-CN', '王经理');
    await c.say('/crm whoami', ':as 李雷', '/客户 新建 华为技术 等级:A 预算:150万');
    await c.say('/记录 华为 拜访：现场演示，客户很满意');
    const profile = await c.say('/客户 华为');
    expect(profile).toMatch(/线索评分\s+73 分（满 80 分转交销售）/);
    expect(profile).toContain('+20 近 7 天拜访');
    expect(profile).toContain('+15 A 级客户');
    expect(profile).toContain('+10 最近态度积极');
    expect(await c.say('/客户 热门')).toMatch(/高分线索[\s\S]*1\. 73 分 · 华为技术 · A 级 · 线索 · 李雷/);
    expect(await c.say('/crm 团队 评分阈值 60')).toContain('只有经理');
    // Ten days later a tier A customer (every 7 days) is 3 days late, and its card says so as the list does.
    c.clock.advance(10 * 86_400_000);
    expect(await c.say('/客户 华为')).toMatch(/下次联系\s+11月30日周一 · 逾期 3 天/);
  }, 120_000);
});
