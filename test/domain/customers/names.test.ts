// How people name customers: by what follows the region (腾飞 for 深圳市腾飞科技有限公司), by a
// contact's name or phone; several equally good answers are a choice, never a silent pick.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCustomer } from '../../../src/domain/customers/create.ts';
import { findCustomers, getCustomer, matchCustomerAtStart } from '../../../src/domain/customers/find.ts';
import { coreName } from '../../../src/domain/customers/match.ts';
import { withoutRegion } from '../../../src/domain/customers/region.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser } from '../../support/fixtures.ts';

it('drops the region a Chinese company name opens with, never the whole name', () => {
  expect(coreName('深圳市腾飞科技有限公司')).toBe('腾飞科技');
  expect(coreName('杭州阿里云计算有限公司')).toBe('阿里云计算');
  expect(withoutRegion('广东省深圳市南山区腾飞')).toBe('腾飞');
  expect(withoutRegion('黑龙江北大荒')).toBe('北大荒');
  expect(withoutRegion('北京')).toBe('北京');
  expect(withoutRegion('上海银行')).toBe('银行');
  expect(withoutRegion('华为技术')).toBe('华为技术');
  expect(coreName('Acme Robotics, Inc.')).toBe('acmerobotics');
});

describeEngines('customer names as people say them', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let rep: DomainContext;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    rep = contextFor(db, actorOf(await makeUser(db, team.id, { name: '李娜' }), team));
    await createCustomer(rep, { name: '深圳市腾飞科技有限公司', tier: 'A' });
    await createCustomer(rep, { name: '杭州阿里云计算有限公司', contact: { name: '张伟', phone: '138-0013-8000' } });
    await createCustomer(rep, { name: 'Acme Robotics', contact: { name: 'Ann Lee', phone: '+1 (415) 555-0100', email: 'ann@acme.com' } });
  });
  afterAll(() => db?.drop());

  it('finds the customer at the start of a log line by its everyday name', async () => {
    const tengfei = await matchCustomerAtStart(rep, '腾飞 微信：发了报价');
    expect(tengfei).toMatchObject({ kind: 'one', customer: { name: '深圳市腾飞科技有限公司' } });
    const ali = await matchCustomerAtStart(rep, '阿里');
    expect(ali).toMatchObject({ kind: 'one', customer: { name: '杭州阿里云计算有限公司' } });
    const glued = await matchCustomerAtStart(rep, '阿里聊了续约');
    expect(glued).toMatchObject({ kind: 'one', rest: '聊了续约' });
    const longer = await matchCustomerAtStart(rep, '腾飞科技给采购打了电话');
    expect(longer).toMatchObject({ kind: 'one', customer: { name: '深圳市腾飞科技有限公司' }, rest: '给采购打了电话' });
  });

  it('asks when two customers fit as well, with what follows the name for each', async () => {
    await createCustomer(rep, { name: '腾飞物流有限公司' });
    const m = await matchCustomerAtStart(rep, '腾飞发了报价');
    expect(m.kind).toBe('many');
    if (m.kind !== 'many') return;
    expect(m.query).toBe('腾飞');
    expect(m.choices.map((c) => c.customer.name).sort()).toEqual(['深圳市腾飞科技有限公司', '腾飞物流有限公司'].sort());
    expect(m.choices.every((c) => c.rest === '发了报价')).toBe(true);
    // The longer everyday name still settles it.
    expect(await matchCustomerAtStart(rep, '腾飞科技 发了报价')).toMatchObject({ kind: 'one', customer: { name: '深圳市腾飞科技有限公司' } });
    // /customer find ranks both equally and knows both.
    const found = await findCustomers(rep, '腾飞');
    expect(found.slice(0, 2).map((r) => r.score)).toEqual([70, 70]);
  });

  it('never calls a customer the search knows unknown, and says it is known', async () => {
    const m = await matchCustomerAtStart(rep, '云计算 拜访了');
    expect(m.kind).toBe('none');
    if (m.kind !== 'none') return;
    expect(m.suggestions.map((c) => c.name)).toContain('杭州阿里云计算有限公司');
    const e = await getCustomer(rep, '云计算').then(() => null, (err) => err as { details: Record<string, unknown> });
    expect(e?.details.known).toBe(true);
    const unknown = await getCustomer(rep, '完全不同的公司').then(() => null, (err) => err as { details: Record<string, unknown> });
    expect(unknown?.details.known).toBeUndefined();
  });

  it("finds a customer by a contact's name, phone digits or email", async () => {
    expect((await findCustomers(rep, '张伟'))[0]?.customer.name).toBe('杭州阿里云计算有限公司');
    expect((await findCustomers(rep, '138-0013'))[0]?.customer.name).toBe('杭州阿里云计算有限公司');
    expect((await findCustomers(rep, '13800138000'))[0]?.customer.name).toBe('杭州阿里云计算有限公司');
    expect((await findCustomers(rep, '415 555'))[0]?.customer.name).toBe('Acme Robotics');
    expect((await findCustomers(rep, 'ann@acme.com'))[0]?.customer.name).toBe('Acme Robotics');
    expect((await findCustomers(rep, 'Ann'))[0]?.customer.name).toBe('Acme Robotics');
    expect((await getCustomer(rep, '张伟')).name).toBe('杭州阿里云计算有限公司');
    // Three digits are too few to mean a phone.
    expect(await findCustomers(rep, '138')).toEqual([]);
  });
});
