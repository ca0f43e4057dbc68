// 查重: a rep who names a colleague's customer hears whose it is, and a company written a little
// differently (without its region, without its trade word) is not entered a second time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCustomer } from '../../../src/domain/customers/create.ts';
import { getCustomer, resolveCustomerAtStart } from '../../../src/domain/customers/find.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser } from '../../support/fixtures.ts';

describeEngines('a colleague’s customer', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let wang: DomainContext;
  let li: DomainContext;
  let manager: DomainContext;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    wang = contextFor(db, actorOf(await makeUser(db, team.id, { name: '王芳' }), team));
    li = contextFor(db, actorOf(await makeUser(db, team.id, { name: '李雷' }), team));
    manager = contextFor(db, actorOf(await makeUser(db, team.id, { name: '赵经理', role: 'manager' }), team));
    await createCustomer(wang, { name: '上海海川智能装备有限公司', tier: 'A' });
    await createCustomer(wang, { name: 'Acme Robotics' });
  });
  afterAll(() => db?.drop());

  it('names the owner to a rep who looks it up or logs it, and writes nothing', async () => {
    const asLine = await resolveCustomerAtStart(li, '海川 微信：发了资料').catch((e: unknown) => e);
    expect(asLine).toMatchObject({ code: 'conflict', reason: 'customer.owned_by_colleague', details: { name: '上海海川智能装备有限公司', owner: '王芳' } });
    const byName = await getCustomer(li, 'Acme').catch((e: unknown) => e);
    expect(byName).toMatchObject({ reason: 'customer.owned_by_colleague', details: { name: 'Acme Robotics', owner: '王芳' } });
    expect(await li.prisma.interaction.count()).toBe(0);
  });

  it('stays "no such customer" for a name nobody has, and for the owner and managers nothing changes', async () => {
    const nobody = await getCustomer(li, '华为').catch((e: unknown) => e);
    expect(nobody).toMatchObject({ code: 'not_found', reason: 'customer.not_found' });
    expect((await getCustomer(wang, '海川')).name).toBe('上海海川智能装备有限公司');
    expect((await getCustomer(manager, '海川')).name).toBe('上海海川智能装备有限公司');
  });

  it('a pool customer is the rep’s to open, not a colleague’s', async () => {
    const pooled = await createCustomer(manager, { name: '北京青禾生物科技有限公司', ownerId: null });
    expect(pooled.created).toBe(true);
    expect((await getCustomer(li, '青禾')).id).toBe(pooled.customer.id);
  });

  it('spots the same Chinese company written without its region or its trade word', async () => {
    for (const name of ['海川智能装备', '海川智能', '浙江海川智能装备有限公司']) {
      const r = await createCustomer(li, { name });
      // Whose it is comes back too: the rep cannot open a colleague's customer, so the warning names whom to ask.
      expect(r, name).toMatchObject({ created: false, duplicateOf: { name: '上海海川智能装备有限公司' }, duplicateOwner: '王芳' });
    }
    // Too short to say, and Latin names only on the same core: these are new customers.
    expect((await createCustomer(li, { name: '海川' })).created).toBe(true);
    expect((await createCustomer(li, { name: 'Acme' })).created).toBe(true);
    expect((await createCustomer(li, { name: 'Acme Robotics, Inc.' })).created).toBe(false);
    // The owner adding their own customer again is told it exists, with no owner to ask.
    expect(await createCustomer(wang, { name: '海川智能装备' })).not.toHaveProperty('duplicateOwner');
  });
});
