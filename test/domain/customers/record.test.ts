// The customer record (issue 10): every field the templates ask for, rename with the old name kept,
// tag operations, contacts, the team's sources and currency, history from the audit rows. Bad values
// name the field and write nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { editContact, findContact, removeContact, setPrimaryContact } from '../../../src/domain/customers/contacts.ts';
import { createCustomer } from '../../../src/domain/customers/create.ts';
import { getCustomer } from '../../../src/domain/customers/find.ts';
import { customerProfile } from '../../../src/domain/customers/profile.ts';
import { addContact, changeOwner, moveStatus, updateCustomer } from '../../../src/domain/customers/update.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

const fails = async (p: Promise<unknown>) => p.then(() => null, (e) => e as { code: string; reason: string; details: Record<string, unknown> });

describeEngines('customer record', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let zh: DomainContext;
  let en: DomainContext;
  let manager: DomainContext;
  // 2026-11-22 23:30 UTC is already 2026-11-23 in Shanghai.
  const clock = new TestClock(new Date('2026-11-22T23:30:00Z'));

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const zhTeam = await makeTeam(db, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    const enTeam = await makeTeam(db, { timeZone: 'America/New_York', locale: 'en' });
    zh = contextFor(db, actorOf(await makeUser(db, zhTeam.id, { name: '王芳' }), zhTeam), clock);
    manager = contextFor(db, actorOf(await makeUser(db, zhTeam.id, { name: '张主管', role: 'manager' }), zhTeam), clock);
    en = contextFor(db, actorOf(await makeUser(db, enTeam.id, { name: 'Sam' }), enTeam), clock);
  });
  afterAll(() => db?.drop());

  it('stores every field of the templates and defaults the first contact to the team’s day of creation', async () => {
    const { customer } = await createCustomer(zh, {
      name: '青岛海川机械',
      size: '200-500人 / 年营收1亿',
      mainBusiness: '数控机床',
      region: '山东青岛',
      address: '青岛市黄岛区前湾港路88号',
      founded: '2009年5月',
      source: 'store',
      referrer: '杭州云梯科技',
      needs: '产线换型慢，想上MES',
      budget: '50万-80万',
      decisionChain: '采购经理→生产副总→总经理',
      contact: { name: '王强', title: '采购经理', phone: '13800000001', preferredChannel: 'wechat' },
    });
    expect(customer).toMatchObject({
      size: '200-500人 / 年营收1亿', mainBusiness: '数控机床', region: '山东青岛', address: '青岛市黄岛区前湾港路88号', founded: '2009-05',
      source: 'store', referrer: '杭州云梯科技', needs: '产线换型慢，想上MES', decisionChain: '采购经理→生产副总→总经理',
      budgetMinMinor: 50_000_000n, budgetMaxMinor: 80_000_000n, budgetCurrency: 'CNY',
    });
    expect(customer.firstContactOn?.toISOString().slice(0, 10)).toBe('2026-11-23');
    const p = await customerProfile(zh, customer.id);
    expect(p.contacts[0]).toMatchObject({ name: '王强', title: '采购经理', preferredChannel: 'wechat', isPrimary: true });

    const set = await updateCustomer(zh, customer.id, { firstContact: '2026年3月8日', founded: '2009-05-12', budget: '¥300,000', source: 'event' });
    expect(set.firstContactOn?.toISOString().slice(0, 10)).toBe('2026-03-08');
    expect(set).toMatchObject({ founded: '2009-05-12', budgetMinMinor: 30_000_000n, budgetMaxMinor: 30_000_000n, source: 'event' });
  });

  it('reads budgets in the team’s currency: CNY for a Chinese team, USD otherwise, or the one named', async () => {
    const a = await createCustomer(en, { name: 'Acme Robotics', budget: '$50k-80k' });
    expect(a.customer).toMatchObject({ budgetMinMinor: 5_000_000n, budgetMaxMinor: 8_000_000n, budgetCurrency: 'USD' });
    const b = await createCustomer(en, { name: 'Beta Corp', budget: '120000' });
    expect(b.customer.budgetCurrency).toBe('USD');
    const c = await createCustomer(zh, { name: '宁波海天', budget: '50-80万' });
    expect(c.customer).toMatchObject({ budgetMinMinor: 50_000_000n, budgetMaxMinor: 80_000_000n, budgetCurrency: 'CNY' });
    const d = await createCustomer(zh, { name: '深圳出海', budget: '30000 USD' });
    expect(d.customer).toMatchObject({ budgetMinMinor: 3_000_000n, budgetCurrency: 'USD' });
    await db.prisma.team.update({ where: { id: zh.actor.teamId }, data: { currency: 'EUR' } });
    const e = await createCustomer(zh, { name: '欧洲代理', budget: '5万' });
    expect(e.customer).toMatchObject({ budgetMinMinor: 5_000_000n, budgetCurrency: 'EUR' });
    await db.prisma.team.update({ where: { id: zh.actor.teamId }, data: { currency: null } });
  });

  it('refuses a value it cannot read, naming the field, and writes nothing', async () => {
    const { customer } = await createCustomer(zh, { name: '坏值测试' });
    const before = await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    const audits = await db.prisma.auditEvent.count();
    for (const [patch, field] of [
      [{ budget: '很多' }, 'budget'],
      [{ budget: '80万-50万' }, 'budget'],
      [{ founded: '二零一五年' }, 'founded'],
      [{ founded: '2015-13' }, 'founded'],
      [{ firstContact: '2026-02-30' }, 'firstContact'],
      [{ firstContact: '2026' }, 'firstContact'],
    ] as const) {
      const e = await fails(updateCustomer(zh, customer.id, { industry: '不应写入', ...patch }));
      expect(e, JSON.stringify(patch)).toMatchObject({ code: 'invalid', details: { field } });
    }
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(before);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });

  it('offers only the team’s sources', async () => {
    await db.prisma.team.update({ where: { id: zh.actor.teamId }, data: { customerSources: ['expo', 'store', 'other'] } });
    const e = await fails(createCustomer(zh, { name: '来源测试', source: 'event' }));
    expect(e).toMatchObject({ reason: 'customer.source_not_offered', details: { source: 'event', sources: 'expo, store, other' } });
    expect(await db.prisma.customer.count({ where: { name: '来源测试' } })).toBe(0);
    expect((await createCustomer(zh, { name: '来源测试', source: 'store' })).customer.source).toBe('store');
    await db.prisma.team.update({ where: { id: zh.actor.teamId }, data: { customerSources: { set: ['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'store', 'event', 'other'] } } });
  });

  it('renames keeping the old name as an alias, so the old name still finds it', async () => {
    const { customer } = await createCustomer(zh, { name: '杭州云梯科技', aliases: ['云梯'] });
    const renamed = await updateCustomer(zh, customer.id, { name: '云梯智能' });
    expect(renamed).toMatchObject({ name: '云梯智能', aliases: ['云梯', '杭州云梯科技'] });
    expect((await getCustomer(zh, '杭州云梯科技')).id).toBe(customer.id);
    expect((await getCustomer(zh, '云梯智能')).id).toBe(customer.id);
    // The new name is a duplicate key now: another "云梯智能" is spotted.
    expect((await createCustomer(zh, { name: '云梯智能有限公司' })).created).toBe(false);
  });

  it('replaces, adds, removes and clears tags', async () => {
    const { customer } = await createCustomer(en, { name: 'Tag Co', tags: ['cold', 'expo'] });
    expect((await updateCustomer(en, customer.id, { tagsAdd: ['hot', 'HOT'], tagsRemove: ['cold'] })).tags).toEqual(['expo', 'hot']);
    expect((await updateCustomer(en, customer.id, { tagsRemove: ['EXPO'] })).tags).toEqual(['hot']);
    expect((await updateCustomer(en, customer.id, { tags: ['a', 'b'] })).tags).toEqual(['a', 'b']);
    expect((await updateCustomer(en, customer.id, { tags: [] })).tags).toEqual([]);
    expect((await updateCustomer(en, customer.id, { tagsAdd: ['重点'] })).tags).toEqual(['重点']);
  });

  it('adds, edits, makes primary and removes contacts, keeping one primary', async () => {
    const { customer } = await createCustomer(zh, { name: '联系人测试', contact: { name: '王强', title: '采购经理' } });
    await addContact(zh, customer.id, { name: '陈静', title: 'CTO', email: 'Chen@Example.com', preferredChannel: 'email' });
    const chen = await findContact(zh, customer.id, '陈');
    expect(chen).toMatchObject({ name: '陈静', email: 'chen@example.com', isPrimary: false });
    expect(await findContact(zh, customer.id, 'chen@example.com')).toMatchObject({ id: chen.id });
    await editContact(zh, chen.id, { title: '首席技术官', phone: '+86 138 0000 0002' });
    expect(await db.prisma.contact.findUniqueOrThrow({ where: { id: chen.id } })).toMatchObject({ title: '首席技术官', normalizedPhone: '8613800000002' });
    await setPrimaryContact(zh, chen.id);
    let contacts = await db.prisma.contact.findMany({ where: { customerId: customer.id }, orderBy: { id: 'asc' } });
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([['王强', false], ['陈静', true]]);
    await removeContact(zh, chen.id);
    contacts = await db.prisma.contact.findMany({ where: { customerId: customer.id } });
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([['王强', true]]);
    expect(await fails(findContact(zh, customer.id, '赵六'))).toMatchObject({ reason: 'contact.not_found', details: { names: '王强' } });
    expect((await fails(editContact(zh, contacts[0]!.id, { email: 'nope' })))?.code).toBe('invalid');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'contact', entityId: String(chen.id) } })).toBe(4);
  });

  it('lists owner, status and tier changes from the audit rows, newest first', async () => {
    const { customer } = await createCustomer(zh, { name: '历史测试', tier: 'C' });
    clock.advance(60_000);
    await updateCustomer(zh, customer.id, { tier: 'A' });
    clock.advance(60_000);
    await moveStatus(zh, customer.id, 'intent');
    clock.advance(60_000);
    await changeOwner(manager, customer.id, null);
    clock.advance(60_000);
    await updateCustomer(manager, customer.id, { industry: '不影响历史' });
    const p = await customerProfile(manager, customer.id);
    expect(p.history.map((h) => [h.action, h.actorName, h.changes.map((c) => `${c.field}:${c.from}->${c.to}`).join()])).toEqual([
      ['owner', '张主管', 'ownerId:王芳->null'],
      ['status', '王芳', 'status:lead->intent'],
      ['update', '王芳', 'tier:C->A'],
      ['create', '王芳', 'ownerId:null->王芳,status:null->lead,tier:null->C'],
    ]);
  });
});
