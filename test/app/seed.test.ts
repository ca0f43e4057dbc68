// `crm seed-demo` on both engines: the team a newcomer sees is complete (roles, tiers, languages,
// weeks of history, open/done/pool tasks, quotes in every state), and a second run changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed.ts';
import type { Database } from '../../src/domain/db/database.ts';
import { silentLogger } from '../../src/logger.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

const settings = { admins: '', defaultTeam: 'Sales', defaultTimeZone: 'Asia/Shanghai', defaultLocale: 'en' as const };
const now = new Date('2026-11-23T02:00:00Z');
const DAY = 86_400_000;

describeEngines('seed-demo', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('fills an empty CRM with a believable team, then refuses to seed twice', async () => {
    const seeded = await seedDemo(db, silentLogger, settings, now);
    expect(seeded).toMatchObject({ seeded: true, customers: 50, manager: 'Mei Chen', reps: ['Sam Carter', 'Priya Nair', '李雷', '王芳'] });
    const p = db.prisma;
    // The pool is filled by the rule, as in real use: every pool customer has a return in its history.
    const pool = await p.customer.findMany({ where: { ownerId: null }, select: { id: true, status: true } });
    expect(pool.length).toBe(seeded.pool);
    expect(pool.length).toBeGreaterThanOrEqual(5);
    expect(pool.every((c) => c.status === 'lead')).toBe(true);
    const returns = await p.auditEvent.findMany({ where: { action: 'pool_return', door: 'system' } });
    expect(returns.map((r) => Number(r.entityId)).sort((a, b) => a - b)).toEqual(pool.map((c) => c.id).sort((a, b) => a - b));
    expect(await p.poolStep.count({ where: { step: 'return' } })).toBe(pool.length);

    const users = await p.user.findMany({ include: { identities: true } });
    expect(users.filter((u) => u.role === 'manager')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'rep')).toHaveLength(4);
    expect(users.every((u) => u.identities.some((i) => i.platform === 'console' && i.externalId === u.displayName))).toBe(true);

    const customers = await p.customer.findMany({ include: { contacts: true } });
    expect(new Set(customers.map((c) => c.tier))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(customers.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(customers.map((c) => c.source)).size).toBeGreaterThanOrEqual(3);
    expect(customers.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
    expect(customers.some((c) => /^[A-Za-z]/.test(c.name))).toBe(true);
    expect(customers.every((c) => c.contacts.length >= 1)).toBe(true);

    const interactions = await p.interaction.findMany({ select: { occurredAt: true } });
    const times = interactions.map((i) => i.occurredAt.getTime());
    expect(interactions.length).toBeGreaterThan(50);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(14 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());

    const tasks = await p.task.findMany();
    expect(tasks.some((t) => t.status === 'open' && t.ownerId !== null)).toBe(true);
    expect(tasks.some((t) => t.status === 'done')).toBe(true);
    expect(tasks.some((t) => t.status === 'open' && t.ownerId === null)).toBe(true);

    const quoteStates = new Set((await p.quote.findMany({ select: { status: true } })).map((q) => q.status));
    expect(quoteStates).toEqual(new Set(['draft', 'pending', 'approved', 'rejected']));

    // The history the funnel and the monthly review read: every customer starts a lead, moves are
    // audited when they happen, deals are won through an accepted quote, most new leads hear from their
    // rep within a day, and there are complaints to read themes from.
    const moves = await p.auditEvent.findMany({ where: { entity: 'customer', action: 'status' } });
    const movedTo = new Set(moves.map((m) => (m.after as { status?: string }).status));
    expect(movedTo).toEqual(new Set(['intent', 'deal', 'lost']));
    const won = customers.filter((c) => c.status === 'deal');
    expect(won.length).toBeGreaterThan(0);
    expect(won.every((c) => c.dealValueMinor !== null && c.dealValueMinor > 0n && c.dealAt !== null)).toBe(true);
    const firsts = await Promise.all(customers.map(async (c) => ({ c, first: await p.interaction.findFirst({ where: { customerId: c.id }, orderBy: { occurredAt: 'asc' } }) })));
    const contacted = firsts.filter((x) => x.first);
    expect(contacted.every((x) => x.first!.occurredAt >= x.c.createdAt)).toBe(true);
    const quick = contacted.filter((x) => x.first!.occurredAt.getTime() - x.c.createdAt.getTime() <= DAY);
    expect(quick.length / customers.length).toBeGreaterThan(0.5);
    expect(await p.complaint.count({ where: { resolvedAt: null } })).toBe(2);

    const counts = async () => [await p.user.count(), await p.customer.count(), await p.interaction.count(), await p.task.count(), await p.quote.count()];
    const before = await counts();
    expect(await seedDemo(db, silentLogger, settings, now)).toEqual({ seeded: false, customers: 50 });
    expect(await counts()).toEqual(before);
  }, 60_000);
});
