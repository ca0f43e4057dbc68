import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCustomer } from '../../../src/domain/customers/create.ts';
import { findCustomers, getCustomer, resolveCustomerAtStart } from '../../../src/domain/customers/find.ts';
import { customerProfile } from '../../../src/domain/customers/profile.ts';
import { addContact, changeOwner, moveStatus } from '../../../src/domain/customers/update.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { foldWidth, normalizeName } from '../../../src/domain/text/normalize.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

const fails = async (p: Promise<unknown>) => p.then(() => null, (e) => e as { code: string; reason: string; details: Record<string, unknown> });

it('folds names the way duplicates are spotted', () => {
  expect(normalizeName('ACME Robotics, Inc.')).toBe(normalizeName('Acme Robotics'));
  expect(normalizeName('华为技术有限公司')).toBe(normalizeName('华为技术'));
  expect(normalizeName('Ａｃｍｅ　Robotics Ltd')).toBe('acmerobotics');
  expect(normalizeName('Acme Robotics')).not.toBe(normalizeName('Acme Robot'));
  expect(foldWidth('ＡＢＣ１２３（华为）')).toBe('ABC123(华为)');
});

describeEngines('customers', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let rep: DomainContext;
  let other: DomainContext;
  let manager: DomainContext;
  // 2026-11-22 23:30 UTC is already 2026-11-23 in Shanghai: codes follow the team's day.
  const clock = new TestClock(new Date('2026-11-22T23:30:00Z'));

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    rep = contextFor(db, actorOf(await makeUser(db, team.id, { name: 'Sam' }), team), clock);
    other = contextFor(db, actorOf(await makeUser(db, team.id, { name: 'Priya' }), team), clock);
    manager = contextFor(db, actorOf(await makeUser(db, team.id, { name: 'Mei', role: 'manager' }), team), clock);
  });
  afterAll(() => db?.drop());

  it('gives 20 parallel creates on one day 20 distinct codes of that day', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => createCustomer(rep, { name: `Parallel Co ${i}` })));
    const codes = made.map((m) => m.customer.code);
    expect(new Set(codes).size).toBe(20);
    for (const c of codes) expect(c).toMatch(/^CUS20261123\d{3}$/);
    expect(codes.map((c) => Number(c.slice(-3))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('returns a likely duplicate instead of a second record, unless forced', async () => {
    const first = await createCustomer(rep, { name: 'Acme Robotics', tier: 'A', contact: { name: 'Ann', phone: '+1 (415) 555-0100', email: 'Ann@Acme.com' } });
    expect(first.created).toBe(true);
    const sameName = await createCustomer(other, { name: 'ACME robotics, Inc.' });
    expect(sameName).toMatchObject({ created: false, duplicateOf: { id: first.customer.id } });
    const samePhone = await createCustomer(other, { name: 'Totally Different', contact: { phone: '14155550100' } });
    expect(samePhone.duplicateOf?.id).toBe(first.customer.id);
    const sameEmail = await createCustomer(other, { name: 'Another', contact: { email: 'ann@acme.com' } });
    expect(sameEmail.duplicateOf?.id).toBe(first.customer.id);
    const forced = await createCustomer(other, { name: 'Acme Robotics', force: true });
    expect(forced.created).toBe(true);
    expect(await db.prisma.customer.count({ where: { normalizedName: 'acmerobotics' } })).toBe(2);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await db.prisma.customer.count();
    expect((await fails(createCustomer(rep, { name: '   ' })))?.code).toBe('invalid');
    expect((await fails(createCustomer(rep, { name: 'X', contact: { email: 'not-an-email' } })))?.code).toBe('invalid');
    expect(await db.prisma.customer.count()).toBe(before);
  });

  it('finds by fuzzy name, alias and code, best first', async () => {
    const hw = await createCustomer(rep, { name: '华为技术', aliases: ['Huawei'] });
    await createCustomer(rep, { name: 'Robo Dynamics' });
    const robo = await findCustomers(rep, 'robo');
    expect(robo[0]?.customer.name).toBe('Robo Dynamics');
    expect(robo.map((r) => r.customer.name)).toContain('Acme Robotics');
    expect((await findCustomers(rep, hw.customer.code))[0]?.customer.id).toBe(hw.customer.id);
    expect((await findCustomers(rep, 'Huawei'))[0]?.customer.id).toBe(hw.customer.id);
    expect((await findCustomers(rep, 'Acme Robtics'))[0]?.customer.name).toBe('Acme Robotics');
  });

  it('reads the customer at the start of a line: longest name, unique prefix, code', async () => {
    await createCustomer(rep, { name: 'Zeta Robotics' });
    await createCustomer(rep, { name: 'Zeta' });
    const long = await resolveCustomerAtStart(rep, 'Zeta Robotics call: hello');
    expect(long.customer.name).toBe('Zeta Robotics');
    expect(long.rest).toBe('call: hello');
    const short = await resolveCustomerAtStart(rep, 'zeta asked for a demo');
    expect(short.customer.name).toBe('Zeta');
    expect(short.rest).toBe('asked for a demo');
    await createCustomer(rep, { name: 'Yotta Instruments' });
    expect((await resolveCustomerAtStart(rep, 'Yotta sent the specs')).customer.name).toBe('Yotta Instruments');
    const zh = await resolveCustomerAtStart(rep, '华为沟通了报价');
    expect(zh.customer.name).toBe('华为技术');
    expect(zh.rest).toBe('沟通了报价');
    const byCode = await resolveCustomerAtStart(rep, `${zh.customer.code} email sent`);
    expect(byCode.customer.id).toBe(zh.customer.id);
    const missing = await fails(resolveCustomerAtStart(rep, 'Zetta Robotix said hi'));
    expect(missing).toMatchObject({ code: 'not_found', reason: 'customer.not_found' });
    expect(missing?.details.suggestions).toContain('Zeta Robotics');
  });

  it('names the candidates when a short name fits several', async () => {
    await createCustomer(rep, { name: 'Globex Logistics' });
    await createCustomer(rep, { name: 'Globex Foods' });
    const e = await fails(resolveCustomerAtStart(rep, 'Globex called back'));
    expect(e).toMatchObject({ code: 'ambiguous' });
    expect((e?.details.candidates as Array<{ name: string }>).map((c) => c.name).sort()).toEqual(['Globex Foods', 'Globex Logistics']);
    expect((await getCustomer(rep, 'Globex Foods')).name).toBe('Globex Foods');
  });

  it('keeps one primary contact and shows the profile to whom it may', async () => {
    const { customer } = await createCustomer(rep, { name: 'Primary Test', contact: { name: 'First' } });
    await addContact(rep, customer.id, { name: 'Second', primary: true });
    await addContact(rep, customer.id, { name: 'Third' });
    const profile = await customerProfile(rep, customer.id);
    expect(profile.contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Second']);
    expect(profile.contacts[0]?.name).toBe('Second');
    expect((await fails(customerProfile(other, customer.id)))?.code).toBe('forbidden');
    expect((await customerProfile(manager, customer.id)).customer.id).toBe(customer.id);
  });

  it('moves status by the rules and reopens lost customers', async () => {
    const { customer } = await createCustomer(rep, { name: 'Status Co' });
    await moveStatus(rep, customer.id, 'intent');
    expect((await fails(moveStatus(rep, customer.id, 'lead')))?.reason).toBe('customer.bad_status_move');
    await moveStatus(rep, customer.id, 'deal');
    await moveStatus(rep, customer.id, 'lost');
    expect((await moveStatus(rep, customer.id, 'lead')).status).toBe('lead');
    const audits = await db.prisma.auditEvent.count({ where: { entity: 'customer', entityId: String(customer.id), action: 'status' } });
    expect(audits).toBe(4);
  });

  it('lets reps take pool customers but not give them away; managers assign', async () => {
    const { customer } = await createCustomer(rep, { name: 'Owner Co' });
    await changeOwner(rep, customer.id, null);
    expect((await changeOwner(other, customer.id, other.actor.userId)).ownerId).toBe(other.actor.userId);
    expect((await fails(changeOwner(other, customer.id, rep.actor.userId)))?.code).toBe('forbidden');
    expect((await changeOwner(manager, customer.id, rep.actor.userId)).ownerId).toBe(rep.actor.userId);
  });
});
