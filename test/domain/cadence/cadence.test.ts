import { afterAll, beforeAll, expect, it } from 'vitest';
import { churnRisks } from '../../../src/domain/cadence/churn.ts';
import { cadenceStatus, dueForContact } from '../../../src/domain/cadence/status.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY } from '../../support/fixtures.ts';
import { failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('cadence and churn risk', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let now: Date;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const c: Record<string, { id: number }> = {};

  async function talk(customerId: number, daysAgo: number) {
    await db.prisma.interaction.create({ data: { customerId, authorId: w.rep.id, occurredAt: ago(daysAgo), summary: 'talk' } });
  }

  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
    now = w.clock.now();
    const created = ago(200);
    c.aOverdue = await makeCustomer(db, w.team.id, { name: 'A overdue', tier: 'A', ownerId: w.rep.id, createdAt: created });
    await talk(c.aOverdue.id, 20);
    await talk(c.aOverdue.id, 8); // the latest counts: due a day ago
    c.bFresh = await makeCustomer(db, w.team.id, { name: 'B fresh', tier: 'B', ownerId: w.rep2.id, createdAt: created });
    await talk(c.bFresh.id, 3);
    await talk(c.bFresh.id, -2); // dated in the future: not contact yet
    c.cNever = await makeCustomer(db, w.team.id, { name: 'C never', tier: 'C', ownerId: null, createdAt: ago(40) });
    c.cSilent = await makeCustomer(db, w.team.id, { name: 'C silent', tier: 'C', ownerId: w.rep.id, createdAt: created });
    await talk(c.cSilent.id, 95);
    c.lost = await makeCustomer(db, w.team.id, { name: 'Lost', tier: 'A', status: 'lost', ownerId: w.rep.id, createdAt: created });
    const other = await makeWorld(db);
    c.foreign = await makeCustomer(db, other.team.id, { name: 'Foreign', tier: 'A', createdAt: created });
  });
  afterAll(() => db.drop());

  it("computes every live customer's next due date by tier from the last contact (or creation)", async () => {
    const status = await cadenceStatus(db.prisma, w.team.id, now);
    const byName = Object.fromEntries(status.map((s) => [s.customer.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['A overdue', 'B fresh', 'C never', 'C silent']);
    expect(byName['A overdue']).toMatchObject({ lastInteractionAt: ago(8), dueAt: ago(1), overdueDays: 1 });
    expect(byName['B fresh']).toMatchObject({ lastInteractionAt: ago(3), dueAt: ago(3 - 14), overdueDays: 0 });
    expect(byName['C never']).toMatchObject({ lastInteractionAt: null, dueAt: ago(10), overdueDays: 10 });
    expect(byName['C silent']).toMatchObject({ dueAt: ago(65), overdueDays: 65 });
    expect(status.map((s) => s.customer.name)).toEqual(['C silent', 'C never', 'A overdue', 'B fresh']);
  });

  it("takes the tier days from the team's settings", async () => {
    await db.prisma.team.update({ where: { id: w.team.id }, data: { cadenceDaysA: 10 } });
    try {
      const a = (await cadenceStatus(db.prisma, w.team.id, now)).find((s) => s.customer.id === c.aOverdue!.id)!;
      expect(a).toMatchObject({ dueAt: new Date(ago(8).getTime() + 10 * DAY), overdueDays: 0 });
      expect((await dueForContact(w.ctx(w.manager))).map((s) => s.customer.name)).not.toContain('A overdue');
    } finally {
      await db.prisma.team.update({ where: { id: w.team.id }, data: { cadenceDaysA: 7 } });
    }
  });

  it('lists who is due for contact, most overdue first, scoped by role and owner', async () => {
    expect((await dueForContact(w.ctx(w.manager))).map((s) => s.customer.name)).toEqual(['C silent', 'C never', 'A overdue']);
    expect((await dueForContact(w.ctx(w.rep))).map((s) => s.customer.name)).toEqual(['C silent', 'A overdue']);
    expect(await dueForContact(w.ctx(w.rep2))).toEqual([]);
    expect((await dueForContact(w.ctx(w.manager), { ownerId: null })).map((s) => s.customer.name)).toEqual(['C never']);
    expect((await dueForContact(w.ctx(w.manager), { ownerId: w.rep.id })).map((s) => s.customer.name)).toEqual(['C silent', 'A overdue']);
    expect(await failure(dueForContact(w.ctx(w.rep), { ownerId: w.rep2.id }))).toMatchObject({ code: 'forbidden', reason: 'cadence.not_yours' });
  });

  it("flags customers silent for the team's churn window, counting never-contacted ones from creation, lost excluded", async () => {
    const risks = await churnRisks(db.prisma, w.team.id, now);
    expect(risks.map((r) => [r.customer.name, r.silentDays])).toEqual([['C silent', 95]]);
    await db.prisma.team.update({ where: { id: w.team.id }, data: { churnRiskDays: 30 } });
    try {
      const wider = await churnRisks(db.prisma, w.team.id, now);
      expect(wider.map((r) => [r.customer.name, r.silentDays, r.lastInteractionAt])).toEqual([
        ['C silent', 95, ago(95)],
        ['C never', 40, null],
      ]);
    } finally {
      await db.prisma.team.update({ where: { id: w.team.id }, data: { churnRiskDays: 90 } });
    }
  });
});
