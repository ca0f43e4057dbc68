// Quote outcomes from the console, in English and Chinese: only after approval, a rejection asks for
// its reason (nothing written), acceptance wins the deal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { freshDatabase } from '../../support/engines.ts';
import { funnelConsole } from '../../support/funnel-console.ts';

describe('quote outcomes in the console', () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase('pglite');
  });
  afterAll(() => db?.drop());

  it('records accepted, negotiating and rejected in English', async () => {
    const c = funnelConsole(db, 'en', 'Dana Reyes');
    await c.say('/crm whoami', ':as Mei', '/crm whoami', ':as Dana Reyes', '/crm role Mei manager');
    await c.say(':as Sam', '/customer add Acme Robotics tier:A source:expo', '/quote new Acme 10 x "Pro license" @ 1200', '/quote submit 1');
    const early = await c.say('/quote 1 accepted');
    expect(early).toContain('record the customer’s answer once it is approved');
    await c.say(':as Mei', '/quote approve 1');
    const noReason = await c.say(':as Sam', '/quote 1 rejected');
    expect(noReason).toContain('Tell me why the customer turned quote #1 down: `/quote 1 rejected <reason>`.');
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: 1 } })).outcome).toBeNull();
    const negotiating = await c.say('/quote 1 negotiating wants 5% off');
    expect(negotiating).toContain('Acme Robotics is negotiating quote #1 ($12,000.00).');
    const accepted = await c.say('/quote 1 accepted');
    expect(accepted).toContain('Acme Robotics accepted quote #1 ($12,000.00).');
    expect(accepted).toContain('Acme Robotics moved from lead to won');
    expect(await db.prisma.customer.findFirstOrThrow({ where: { name: 'Acme Robotics' } })).toMatchObject({ status: 'deal', dealValueMinor: 1_200_000n, dealCurrency: 'USD' });
    expect(await c.say('/quote 1 accepted')).toContain('Quote #1 is already marked accepted: nothing changed.');
  }, 120_000);

  it('records them in Chinese', async () => {
    const c = funnelConsole(db, 'zh-CN', '王经理');
    await c.say('/crm whoami', ':as 李雷', '/客户 新建 华为技术 等级:A 来源:展会', '/报价 新建 华为 10 x 专业版 @ 1200', '/报价 提交 2');
    await c.say(':as 王经理', '/报价 批准 2');
    const noReason = await c.say(':as 李雷', '/报价 2 拒绝');
    expect(noReason).toContain('请写明客户拒绝报价 #2 的原因：`/报价 2 拒绝 <原因>`。');
    const rejected = await c.say('/报价 2 拒绝 价格太高');
    expect(rejected).toContain('华为技术 拒绝了报价 #2：价格太高。');
    expect(await db.prisma.quote.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({ outcome: 'rejected', outcomeReason: '价格太高' });
    expect(await c.say('/报价 2 接受')).toContain('报价 #2 的客户答复已经定了，不能再改。');
  }, 120_000);
});
