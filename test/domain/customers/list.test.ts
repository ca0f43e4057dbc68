// /customers as the domain answers it: who sees what (and search agrees), filters, the cadence order, pages.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findCustomers, getCustomer } from '../../../src/domain/customers/find.ts';
import { listCustomers } from '../../../src/domain/customers/list.ts';
import { customerProfile } from '../../../src/domain/customers/profile.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY, makeTeam, makeUser } from '../../support/fixtures.ts';
import { failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('customer lists and visibility', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const now = new Date('2026-11-23T02:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  let ids: Record<string, number>;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db, now.toISOString());
    const c = async (key: string, data: Parameters<typeof makeCustomer>[2], extra: { tags?: string[]; region?: string; contactedDaysAgo?: number } = {}) => {
      const made = await makeCustomer(db, w.team.id, { name: key, ...data });
      await db.prisma.customer.update({ where: { id: made.id }, data: { tags: extra.tags ?? [], region: extra.region ?? null } });
      if (extra.contactedDaysAgo !== undefined) {
        await db.prisma.interaction.create({ data: { customerId: made.id, authorId: w.rep.id, occurredAt: ago(extra.contactedDaysAgo), summary: 'call' } });
      }
      return [key, made.id] as const;
    };
    ids = Object.fromEntries([
      // Tier A, last contact 10 days ago: due 3 days ago.
      await c('Alpha Overdue', { ownerId: w.rep.id, tier: 'A', status: 'intent', createdAt: ago(40) }, { tags: ['vip'], region: 'Shanghai', contactedDaysAgo: 10 }),
      // Tier C, created 5 days ago, never contacted: due in 25 days.
      await c('Charlie Fresh', { ownerId: w.rep.id, tier: 'C', createdAt: ago(5) }, { region: 'Beijing' }),
      // Tier B contacted 12 days ago: due in 2 days. A planned visit dated next week is not contact yet.
      await c('Bravo Soon', { ownerId: w.rep.id, tier: 'B', createdAt: ago(30) }, { contactedDaysAgo: 12 }),
      await c('Lost Cause', { ownerId: w.rep.id, tier: 'A', status: 'lost', createdAt: ago(100) }),
      await c('Pool Lead', { ownerId: null, tier: 'B', createdAt: ago(20) }, { tags: ['vip'] }),
      await c('Robs Account', { ownerId: w.rep2.id, tier: 'A', createdAt: ago(2) }),
    ]);
    await db.prisma.interaction.create({ data: { customerId: ids['Bravo Soon']!, authorId: w.rep.id, occurredAt: new Date(now.getTime() + 7 * DAY), summary: 'planned' } });
  });
  afterAll(() => db.drop());

  const names = (p: Awaited<ReturnType<typeof listCustomers>>) => p.entries.map((e) => e.customer.name);

  it('shows a rep their own customers by default, soonest due first, lost ones last', async () => {
    const page = await listCustomers(w.ctx(w.rep));
    expect(names(page)).toEqual(['Alpha Overdue', 'Bravo Soon', 'Charlie Fresh', 'Lost Cause']);
    const alpha = page.entries[0]!;
    expect(alpha.overdueDays).toBe(3);
    expect(alpha.dueAt?.toISOString()).toBe(new Date(ago(10).getTime() + 7 * DAY).toISOString());
    expect(page.entries[1]!.lastInteractionAt?.toISOString()).toBe(ago(12).toISOString());
    expect(page.entries[3]!.dueAt).toBeNull();
  });

  it('lets a rep widen to the pool but never to a colleague’s customers', async () => {
    expect(names(await listCustomers(w.ctx(w.rep), { owner: 'all' }))).not.toContain('Robs Account');
    expect(names(await listCustomers(w.ctx(w.rep), { owner: 'all' }))).toContain('Pool Lead');
    expect(names(await listCustomers(w.ctx(w.rep), { owner: 'pool' }))).toEqual(['Pool Lead']);
    expect(await failure(listCustomers(w.ctx(w.rep), { owner: { userId: w.rep2.id } }))).toMatchObject({ code: 'forbidden', reason: 'customers.others_not_visible' });
  });

  it('gives managers their team and admins every team', async () => {
    const other = await makeTeam(db, { name: 'Elsewhere' });
    const stranger = await makeUser(db, other.id, { name: 'Stranger' });
    await makeCustomer(db, other.id, { name: 'Far Away Co', ownerId: stranger.id, tier: 'A' });
    const team = names(await listCustomers(w.ctx(w.manager), { owner: 'all' }));
    expect(team).toEqual(expect.arrayContaining(['Robs Account', 'Pool Lead', 'Alpha Overdue']));
    expect(team).not.toContain('Far Away Co');
    expect(names(await listCustomers(w.ctx(w.manager), { owner: { userId: w.rep2.id } }))).toEqual(['Robs Account']);
    expect(names(await listCustomers(w.ctx(w.admin), { owner: 'all' }))).toContain('Far Away Co');
  });

  it('filters by tier, status, tag, region and overdue', async () => {
    const m = w.ctx(w.manager);
    expect(names(await listCustomers(m, { owner: 'all', tier: 'A' }))).toEqual(['Alpha Overdue', 'Robs Account', 'Lost Cause']);
    expect(names(await listCustomers(m, { owner: 'all', status: 'intent' }))).toEqual(['Alpha Overdue']);
    // Pool Lead (tier B, never contacted, 20 days old) is 6 days overdue, Alpha 3.
    expect(names(await listCustomers(m, { owner: 'all', tag: 'vip' }))).toEqual(['Pool Lead', 'Alpha Overdue']);
    expect(names(await listCustomers(m, { owner: 'all', region: 'shang' }))).toEqual(['Alpha Overdue']);
    expect(names(await listCustomers(m, { owner: 'all', due: 'overdue' }))).toEqual(['Pool Lead', 'Alpha Overdue']);
  });

  it('pages ten at a time and says how many pages there are', async () => {
    const t = await makeTeam(db, { name: 'Big Book' });
    const rep = await makeUser(db, t.id, { name: 'Busy Rep' });
    for (let i = 0; i < 23; i++) await makeCustomer(db, t.id, { name: `Book ${String(i).padStart(2, '0')}`, ownerId: rep.id, createdAt: ago(30 - i) });
    const ctx = w.ctx(rep);
    const first = await listCustomers(ctx);
    expect([first.total, first.pages, first.entries.length]).toEqual([23, 3, 10]);
    expect(names(first)[0]).toBe('Book 00');
    const third = await listCustomers(ctx, {}, { page: 3 });
    expect(names(third)).toEqual(['Book 20', 'Book 21', 'Book 22']);
    expect((await listCustomers(ctx, {}, { page: 4 })).entries).toEqual([]);
    expect(await failure(listCustomers(ctx, {}, { page: 0 }))).toMatchObject({ code: 'invalid', reason: 'customers.bad_page' });
  });

  it('never offers a rep, in search, a customer whose card they may not open', async () => {
    const rep = w.ctx(w.rep);
    expect((await findCustomers(rep, 'Robs')).map((r) => r.customer.name)).toEqual([]);
    // Named in full, the rep hears whose customer it is (查重), and still cannot open it.
    expect(await failure(getCustomer(rep, 'Robs Account'))).toMatchObject({ code: 'conflict', reason: 'customer.owned_by_colleague', details: { name: 'Robs Account' } });
    expect(await failure(getCustomer(rep, ids['Robs Account']!))).toMatchObject({ code: 'not_found' });
    expect((await findCustomers(rep, 'Pool')).map((r) => r.customer.name)).toEqual(['Pool Lead']);
    // The manager finds it, and the card opens: search and profile follow one rule.
    const [hit] = await findCustomers(w.ctx(w.manager), 'Robs');
    expect(hit?.customer.name).toBe('Robs Account');
    expect((await customerProfile(w.ctx(w.manager), hit!.customer.id)).customer.name).toBe('Robs Account');
  });
});
