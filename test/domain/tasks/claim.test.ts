import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimTask } from '../../../src/domain/tasks/claim.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeWorld } from '../interactions/world.ts';

describeEngines('claimTask', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  const poolTask = (teamId = w.team.id) => db.prisma.task.create({ data: { teamId, title: 'call the lead', ownerId: null } });

  it('gives a pool task to the claimer, audited', async () => {
    const t = await poolTask();
    const claimed = await claimTask(w.ctx(w.rep), t.id);
    expect(claimed).toMatchObject({ id: t.id, ownerId: w.rep.id, version: t.version + 1 });
    const rows = await auditRows(db, 'task', t.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'claim', actorId: w.rep.id });
  });

  it('20 parallel claims give exactly one owner; the others learn the winner', async () => {
    const t = await poolTask();
    const reps = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUser(db, w.team.id, { name: `Claimer ${i}` })));
    const results = await Promise.allSettled(reps.map((r) => claimTask(w.ctx(r), t.id)));
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const owner = (await db.prisma.task.findUniqueOrThrow({ where: { id: t.id }, include: { owner: true } })).owner!;
    expect(reps.map((r) => r.id)).toContain(owner.id);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict', reason: 'task.already_claimed', details: { winner: owner.displayName } });
    }
    expect(await auditRows(db, 'task', t.id)).toHaveLength(1);
  });

  it('refuses a task that is owned, closed, or in another team', async () => {
    const owned = await db.prisma.task.create({ data: { teamId: w.team.id, title: 'x', ownerId: w.rep2.id } });
    expect(await failure(claimTask(w.ctx(w.rep), owned.id))).toMatchObject({ code: 'conflict', reason: 'task.already_claimed', details: { winner: 'Rob Rep' } });
    const done = await db.prisma.task.create({ data: { teamId: w.team.id, title: 'x', ownerId: null, status: 'done' } });
    expect(await failure(claimTask(w.ctx(w.rep), done.id))).toMatchObject({ code: 'conflict', reason: 'task.not_open' });
    const other = await makeWorld(db);
    const foreign = await poolTask(other.team.id);
    expect(await failure(claimTask(w.ctx(w.rep), foreign.id))).toMatchObject({ code: 'not_found' });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: foreign.id } })).ownerId).toBeNull();
  });
});
