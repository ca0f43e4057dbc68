// The pool rule on its own: per-tier windows, the ladder (reminder at half the window, manager note
// at 80 %, return), each step once under racing sweeps, and what the return writes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { dailyDigest } from '../../../src/domain/digests/daily.ts';
import { sweepTeam } from '../../../src/domain/pool/sweep.ts';
import { poolDeadline } from '../../../src/domain/pool/window.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY, HOUR, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

describeEngines('the pool rule', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  const start = new Date('2026-11-23T03:00:00Z');
  let n = 0;
  async function world() {
    const clock = new TestClock(start);
    const team = await makeTeam(db);
    const manager = await makeUser(db, team.id, { name: `Boss ${++n}`, role: 'manager' });
    const owner = await makeUser(db, team.id, { name: `Owner ${n}`, managerId: manager.id });
    const colleague = await makeUser(db, team.id, { name: `Colleague ${n}` });
    const lead = (assignedAgo: number, data: { status?: 'lead' | 'intent'; tier?: 'A' | 'B' | 'C' } = {}) =>
      db.prisma.customer.create({
        data: { code: `P${engine}${++n}`, name: `Lead ${n}`, normalizedName: `lead ${n}`, teamId: team.id, ownerId: owner.id, ownerAssignedAt: new Date(clock.now().getTime() - assignedAgo), status: data.status ?? 'lead', tier: data.tier ?? 'A' },
      });
    return { clock, team, manager, owner, colleague, lead };
  }

  it('returns only leads the owner left untouched past their tier window, with their open tasks, audited, once under two sweeps', async () => {
    const { clock, team, owner, colleague, lead } = await world();
    const ago = (ms: number) => new Date(clock.now().getTime() - ms);
    const stale = await lead(49 * HOUR);
    const exactly = await lead(48 * HOUR); // the full window has passed: it goes
    const young = await lead(47 * HOUR);
    const tierC = await lead(60 * HOUR, { tier: 'C' }); // C waits 72 hours by default
    const interested = await lead(5 * DAY, { status: 'intent' }); // not a lead any more: the rule does not apply
    const colleagueCalled = await lead(3 * DAY); // someone else's call does not count for the owner
    await db.prisma.interaction.create({ data: { customerId: colleagueCalled.id, authorId: colleague.id, occurredAt: ago(2 * DAY), summary: 'covered' } });
    const calledBefore = await lead(3 * DAY); // a call from before the owner got it does not count either
    await db.prisma.interaction.create({ data: { customerId: calledBefore.id, authorId: owner.id, occurredAt: ago(4 * DAY), summary: 'earlier' } });
    const worked = await lead(3 * DAY);
    await db.prisma.interaction.create({ data: { customerId: worked.id, authorId: owner.id, occurredAt: ago(2 * DAY), summary: 'called' } });
    const task = await db.prisma.task.create({ data: { title: 'call back', teamId: team.id, customerId: stale.id, ownerId: owner.id } });

    const [a, b] = await Promise.all([sweepTeam(db.prisma, clock, team.id), sweepTeam(db.prisma, clock, team.id)]);
    const returned = [...a, ...b].filter((e) => e.step === 'return').map((e) => e.customer.id).sort((x, y) => x - y);
    expect(returned).toEqual([stale.id, exactly.id, colleagueCalled.id, calledBefore.id].sort((x, y) => x - y));
    expect([...a, ...b].every((e) => e.owner.id === owner.id)).toBe(true);
    for (const kept of [young, tierC, interested, worked]) expect(returned).not.toContain(kept.id);
    // The young A lead (47 of 48 h) and the C lead (60 of 72 h) are past 80 %: the owner is reminded and the manager told, once.
    const steps = [...a, ...b].filter((e) => e.step !== 'return').map((e) => `${e.step}:${e.customer.id}`).sort();
    expect(steps).toEqual([`manager:${tierC.id}`, `manager:${young.id}`, `reminder:${tierC.id}`, `reminder:${young.id}`].sort());

    const owners = await db.prisma.customer.findMany({ where: { teamId: team.id }, select: { id: true, ownerId: true, ownerAssignedAt: true } });
    for (const c of owners) {
      const back = returned.includes(c.id);
      expect(c.ownerId, `customer ${c.id}`).toBe(back ? null : owner.id);
      if (back) expect(c.ownerAssignedAt).toBeNull();
    }
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).ownerId).toBeNull();

    const audits = await db.prisma.auditEvent.findMany({ where: { action: 'pool_return', entityId: { in: returned.map(String) } } });
    expect(audits.map((e) => Number(e.entityId)).sort((x, y) => x - y)).toEqual(returned);
    expect(audits.find((e) => e.entityId === String(stale.id))).toMatchObject({ actorId: null, door: 'system', entity: 'customer', before: { ownerId: owner.id }, after: { ownerId: null, hours: 48, tasks: 1 } });

    const digest = await dailyDigest(db.prisma, team.id, clock.now());
    expect(digest.poolLeads.map((l) => l.id).sort((x, y) => x - y)).toEqual(returned);
    expect(await sweepTeam(db.prisma, clock, team.id)).toEqual([]);

    // Windows are the team's setting per tier: at 46 hours for A the young lead goes too.
    await db.prisma.team.update({ where: { id: team.id }, data: { poolHoursA: 46 } });
    expect((await sweepTeam(db.prisma, clock, team.id)).map((e) => `${e.step}:${e.customer.id}`)).toEqual([`return:${young.id}`]);
  });

  it('climbs the ladder one step at a time: reminder at half, manager at 80 %, then the return; each once', async () => {
    const { clock, team, owner, manager, lead } = await world();
    const c = await lead(0, { tier: 'B' }); // B: 48 hours by default
    const at = (h: number) => clock.set(new Date(start.getTime() + h * HOUR));
    const sweep = async () => (await sweepTeam(db.prisma, clock, team.id)).map((e) => e.step + (e.step === 'manager' ? `>${e.managers.map((m) => m.id).join(',')}` : ''));
    expect(await poolDeadline(db.prisma, c)).toEqual(new Date(start.getTime() + 48 * HOUR));
    at(23);
    expect(await sweep()).toEqual([]);
    at(25);
    expect(await sweep()).toEqual(['reminder']);
    expect(await sweep()).toEqual([]);
    at(39);
    expect(await sweep()).toEqual([`manager>${manager.id}`]);
    at(40);
    expect(await sweep()).toEqual([]);
    at(49);
    expect(await sweep()).toEqual(['return']);
    expect(await sweep()).toEqual([]);
    const rows = await db.prisma.poolStep.findMany({ where: { customerId: c.id }, orderBy: { at: 'asc' } });
    expect(rows.map((r) => r.step)).toEqual(['reminder', 'manager', 'return']);
    expect(rows.every((r) => r.ownerId === owner.id)).toBe(true);
    expect(await poolDeadline(db.prisma, await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } }))).toBeNull();
  });

  it('a late first sweep past 80 % reminds the owner as well as telling the manager; a new owner starts a new term', async () => {
    const { clock, team, manager, colleague, lead } = await world();
    const c = await lead(40 * HOUR);
    expect((await sweepTeam(db.prisma, clock, team.id)).map((e) => e.step)).toEqual(['reminder', 'manager']);
    // Handed to a colleague: the ladder starts over for them.
    await db.prisma.customer.update({ where: { id: c.id }, data: { ownerId: colleague.id, ownerAssignedAt: clock.now() } });
    clock.advance(25 * HOUR);
    expect((await sweepTeam(db.prisma, clock, team.id)).map((e) => [e.step, e.owner.id])).toEqual([['reminder', colleague.id]]);
    // The colleague has no manager of their own: the note goes to the team's managers.
    clock.advance(15 * HOUR);
    const note = await sweepTeam(db.prisma, clock, team.id);
    expect(note.map((e) => e.step)).toEqual(['manager']);
    expect(note[0]!.managers.map((m) => m.id)).toEqual([manager.id]);
  });

  it('a contact the owner logs stops the clock', async () => {
    const { clock, team, owner, lead } = await world();
    const c = await lead(30 * HOUR);
    await db.prisma.interaction.create({ data: { customerId: c.id, authorId: owner.id, occurredAt: clock.now(), summary: 'called at last' } });
    clock.advance(30 * HOUR);
    expect(await sweepTeam(db.prisma, clock, team.id)).toEqual([]);
    expect(await poolDeadline(db.prisma, c)).toBeNull();
  });

  it("the step and what it owes are one transaction: if writing the messages fails, the step is not taken and the next sweep takes it", async () => {
    const { clock, team, owner, lead } = await world();
    const c = await lead(49 * HOUR);
    const failing = async () => {
      throw new Error('the outbox write failed');
    };
    await expect(sweepTeam(db.prisma, clock, team.id, failing)).rejects.toThrow('the outbox write failed');
    expect(await db.prisma.poolStep.count({ where: { customerId: c.id } })).toBe(0);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe(owner.id);
    const owed: string[] = [];
    const events = await sweepTeam(db.prisma, clock, team.id, async (_tx, evs) => void owed.push(...evs.map((e) => `${e.step}:${e.customer.id}`)));
    expect(events.map((e) => e.step)).toEqual(['return']);
    expect(owed).toEqual([`return:${c.id}`]);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBeNull();
  });
});
