// The 48-hour rule on its own: which leads go back, what is written, and that two sweeps at once
// return each lead once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { dailyDigest } from '../../../src/domain/digests/daily.ts';
import { returnStaleLeads } from '../../../src/domain/pool/return-stale.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY, HOUR, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

describeEngines('pool return of neglected leads', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('returns only leads the owner left untouched past the team hours, audits it, and once under two sweeps', async () => {
    const clock = new TestClock(new Date('2026-11-23T03:00:00Z'));
    const team = await makeTeam(db);
    const owner = await makeUser(db, team.id, { name: 'Owner' });
    const colleague = await makeUser(db, team.id, { name: 'Colleague' });
    const ago = (ms: number) => new Date(clock.now().getTime() - ms);
    let n = 0;
    const lead = (assignedAgo: number, status: 'lead' | 'intent' = 'lead') =>
      db.prisma.customer.create({ data: { code: `P${++n}`, name: `Lead ${n}`, normalizedName: `lead ${n}`, teamId: team.id, ownerId: owner.id, ownerAssignedAt: ago(assignedAgo), status } });
    const stale = await lead(49 * HOUR);
    const exactly = await lead(48 * HOUR); // the full 48 hours have passed: it goes
    const young = await lead(47 * HOUR);
    const interested = await lead(5 * DAY, 'intent'); // not a lead any more: the rule does not apply
    const colleagueCalled = await lead(3 * DAY); // someone else's call does not count for the owner
    await db.prisma.interaction.create({ data: { customerId: colleagueCalled.id, authorId: colleague.id, occurredAt: ago(2 * DAY), summary: 'covered' } });
    const calledBefore = await lead(3 * DAY); // a call from before the owner got it does not count either
    await db.prisma.interaction.create({ data: { customerId: calledBefore.id, authorId: owner.id, occurredAt: ago(4 * DAY), summary: 'earlier' } });
    const worked = await lead(3 * DAY);
    await db.prisma.interaction.create({ data: { customerId: worked.id, authorId: owner.id, occurredAt: ago(2 * DAY), summary: 'called' } });

    const [a, b] = await Promise.all([returnStaleLeads(db.prisma, clock, team.id), returnStaleLeads(db.prisma, clock, team.id)]);
    const returned = [...a, ...b].map((r) => r.customerId).sort((x, y) => x - y);
    expect(returned).toEqual([stale.id, exactly.id, colleagueCalled.id, calledBefore.id].sort((x, y) => x - y));
    expect([...a, ...b].every((r) => r.previousOwnerId === owner.id)).toBe(true);

    const owners = await db.prisma.customer.findMany({ where: { teamId: team.id }, select: { id: true, ownerId: true, ownerAssignedAt: true }, orderBy: { id: 'asc' } });
    for (const c of owners) {
      const back = returned.includes(c.id);
      expect(c.ownerId, `customer ${c.id}`).toBe(back ? null : owner.id);
      if (back) expect(c.ownerAssignedAt).toBeNull();
    }
    for (const kept of [young, interested, worked]) expect(returned).not.toContain(kept.id);

    const audits = await db.prisma.auditEvent.findMany({ where: { action: 'pool_return' } });
    expect(audits.map((e) => Number(e.entityId)).sort((x, y) => x - y)).toEqual(returned);
    expect(audits[0]).toMatchObject({ actorId: null, door: 'system', entity: 'customer', before: { ownerId: owner.id } });

    // The pool list shows them; a later sweep finds nothing more.
    const digest = await dailyDigest(db.prisma, team.id, clock.now());
    expect(digest.poolLeads.map((l) => l.id).sort((x, y) => x - y)).toEqual(returned);
    expect(await returnStaleLeads(db.prisma, clock, team.id)).toEqual([]);

    // Hours are the team's setting: at 46 the young lead (47 h) goes too.
    await db.prisma.team.update({ where: { id: team.id }, data: { poolReturnHours: 46 } });
    expect((await returnStaleLeads(db.prisma, clock, team.id)).map((r) => r.customerId)).toEqual([young.id]);
  });
});
