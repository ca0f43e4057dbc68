import { afterAll, beforeAll, expect, it } from 'vitest';
import { logInteraction } from '../../../src/domain/interactions/log.ts';
import { customerScore } from '../../../src/domain/funnel/hot.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { auditRows, failure, makeCustomer, makeWorld } from './world.ts';

describeEngines('logInteraction', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  it('records the interaction with an audit row and no task when there is no next step', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const { interaction, task } = await logInteraction(w.ctx(w.rep), { customerId: c.id, channel: 'call', summary: '  talked pricing  ', mood: 'positive' });
    expect(task).toBeUndefined();
    expect(interaction).toMatchObject({ customerId: c.id, authorId: w.rep.id, channel: 'call', summary: 'talked pricing', mood: 'positive', nextStep: null });
    expect(interaction.occurredAt.toISOString()).toBe(w.clock.now().toISOString());
    const rows = await auditRows(db, 'interaction', interaction.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'log', actorId: w.rep.id, door: 'console' });
    expect(await db.prisma.task.count({ where: { customerId: c.id } })).toBe(0);
  });

  it('creates the next step as a task owned by the author, due as given, linked to the interaction', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const due = new Date('2026-11-25T01:00:00Z');
    const { interaction, task } = await logInteraction(w.ctx(w.rep), {
      customerId: c.id,
      summary: 'demo went well',
      nextStep: { title: 'send the contract', dueAt: due, dueHasTime: true },
    });
    expect(task).toMatchObject({ title: 'send the contract', ownerId: w.rep.id, createdById: w.rep.id, teamId: w.team.id, customerId: c.id, dueHasTime: true, status: 'open', sourceInteractionId: interaction.id });
    expect(task!.dueAt!.toISOString()).toBe(due.toISOString());
    expect(interaction.nextStep).toBe('send the contract');
    expect(await auditRows(db, 'task', task!.id)).toHaveLength(1);
  });

  it('stores the score a fresh read gives, the new interaction counted (scored before its insert)', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, tier: 'B' });
    const day = 86_400_000;
    const now = w.clock.now().getTime();
    // Past dates (a mood older than the latest one, outside 7 and 30 days), channels of each depth, moods that win or not.
    const logs = [
      { channel: 'email', mood: 'negative', occurredAt: new Date(now - 40 * day) },
      { channel: 'visit', mood: 'positive', occurredAt: new Date(now - 20 * day) },
      { channel: 'call', mood: 'hesitant', occurredAt: new Date(now - 25 * day) },
      { channel: 'wechat', occurredAt: new Date(now - 3 * day) },
      { channel: 'meeting', mood: 'positive' },
      { channel: 'call', mood: 'hesitant' },
    ] as const;
    for (const log of logs) {
      await logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'x', ...log });
      const stored = await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } });
      expect(stored.score, JSON.stringify(log)).toBe((await customerScore(w.ctx(w.rep), c.id)).score);
    }
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).score).toBeGreaterThan(0);
  });

  it('keeps a next step without a date undated', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const { task } = await logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'x', nextStep: { title: 'call back', dueAt: null, dueHasTime: false } });
    expect(task!.dueAt).toBeNull();
    expect(task!.dueHasTime).toBe(false);
  });

  it('rejects empty, oversized or ill-formed input and writes nothing', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const cases: Array<[unknown, string]> = [
      [{ customerId: c.id, summary: '   ' }, 'summary'],
      [{ customerId: c.id, summary: 'x'.repeat(2001) }, 'summary'],
      [{ customerId: c.id, summary: 'ok', channel: 'fax' }, 'channel'],
      [{ customerId: c.id, summary: 'ok', nextStep: { title: '', dueAt: null, dueHasTime: false } }, 'nextStep.title'],
      [{ customerId: c.id, summary: 'ok', nextStep: { title: 'a', dueAt: null, dueHasTime: true } }, 'nextStep.dueHasTime'],
    ];
    for (const [input, field] of cases) {
      const err = await failure(logInteraction(w.ctx(w.rep), input as never));
      expect(err).toMatchObject({ code: 'invalid', reason: 'interaction.invalid', details: { field } });
    }
    const future = await failure(logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'ok', occurredAt: new Date(w.clock.now().getTime() + 3_600_000) }));
    expect(future).toMatchObject({ code: 'invalid', reason: 'interaction.in_future' });
    expect(await db.prisma.interaction.count({ where: { customerId: c.id } })).toBe(0);
    expect(await db.prisma.task.count({ where: { customerId: c.id } })).toBe(0);
  });

  it('lets a rep log on a pool customer without taking it out of the pool', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: null });
    await logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'cold call' });
    const after = await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.ownerId).toBeNull();
    expect(after.ownerAssignedAt).toBeNull();
  });

  it("refuses a rep on a colleague's customer and anyone on another team's, writing nothing", async () => {
    const theirs = await makeCustomer(db, w.team.id, { ownerId: w.rep2.id });
    expect(await failure(logInteraction(w.ctx(w.rep), { customerId: theirs.id, summary: 'x' }))).toMatchObject({ code: 'forbidden', reason: 'customer.not_yours' });
    // A manager acts on the team's customers.
    await logInteraction(w.ctx(w.manager), { customerId: theirs.id, summary: 'manager visit' });

    const other = await makeWorld(db);
    const foreign = await makeCustomer(db, other.team.id, { ownerId: null });
    expect(await failure(logInteraction(w.ctx(w.manager), { customerId: foreign.id, summary: 'x' }))).toMatchObject({ code: 'forbidden' });
    expect(await db.prisma.interaction.count({ where: { customerId: { in: [foreign.id] } } })).toBe(0);
    expect(await db.prisma.interaction.count({ where: { customerId: theirs.id } })).toBe(1);
    expect(await failure(logInteraction(w.ctx(w.rep), { customerId: 99_999_999, summary: 'x' }))).toMatchObject({ code: 'not_found', reason: 'customer.not_found' });
  });

  it('rolls back the interaction and its audit row when the task cannot be written (one transaction)', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    // A trigger that refuses one task title makes the task insert fail after the interaction insert.
    await db.raw.exec(`CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN
        IF NEW.title = 'boom' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_boom BEFORE INSERT ON "Task" FOR EACH ROW EXECUTE FUNCTION refuse_boom();`);
    const audits = await db.prisma.auditEvent.count();
    const err = await logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'x', nextStep: { title: 'boom', dueAt: null, dueHasTime: false } }).catch((e) => e);
    await db.raw.exec(`DROP TRIGGER refuse_boom ON "Task"`);
    expect(String(err)).toMatch(/refused/);
    expect(await db.prisma.interaction.count({ where: { customerId: c.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });
});
