import { afterAll, beforeAll, expect, it } from 'vitest';
import { completeTask } from '../../../src/domain/tasks/complete.ts';
import { reassignTask } from '../../../src/domain/tasks/reassign.ts';
import { snoozeTask } from '../../../src/domain/tasks/snooze.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { DAY, makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeWorld } from '../interactions/world.ts';

describeEngines('complete, snooze, reassign', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  const task = (ownerId: number | null, teamId = w.team.id) =>
    db.prisma.task.create({ data: { teamId, title: 'follow up', ownerId, dueAt: new Date('2026-11-23T01:00:00Z'), dueHasTime: true } });

  it('completes for the owner with who and when; a second done is a conflict naming them', async () => {
    const t = await task(w.rep.id);
    const done = await completeTask(w.ctx(w.rep), t.id);
    expect(done).toMatchObject({ status: 'done', doneById: w.rep.id });
    expect(done.doneAt!.toISOString()).toBe(w.clock.now().toISOString());
    expect((await auditRows(db, 'task', t.id)).map((a) => a.action)).toEqual(['complete']);
    expect(await failure(completeTask(w.ctx(w.manager), t.id))).toMatchObject({ code: 'conflict', reason: 'task.already_done', details: { by: 'Rita Rep' } });
  });

  it("lets a team manager complete a rep's task, but not another rep or another team's manager", async () => {
    const t = await task(w.rep.id);
    expect(await failure(completeTask(w.ctx(w.rep2), t.id))).toMatchObject({ code: 'forbidden' });
    const other = await makeWorld(db);
    expect(await failure(completeTask(other.ctx(other.manager), t.id))).toMatchObject({ code: 'not_found' });
    expect((await completeTask(w.ctx(w.manager), t.id)).doneById).toBe(w.manager.id);
    const pool = await task(null);
    expect(await failure(completeTask(w.ctx(w.rep), pool.id))).toMatchObject({ code: 'forbidden', reason: 'task.claim_first' });
  });

  it('two parallel completions record one', async () => {
    const t = await task(w.rep.id);
    const r = await Promise.allSettled([completeTask(w.ctx(w.rep), t.id), completeTask(w.ctx(w.manager), t.id)]);
    expect(r.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(await auditRows(db, 'task', t.id)).toHaveLength(1);
  });

  it('snoozes: moves the due time, counts the snooze, refuses a past instant and closed tasks', async () => {
    const t = await task(w.rep.id);
    const until = new Date(w.clock.now().getTime() + 2 * DAY);
    const s1 = await snoozeTask(w.ctx(w.rep), t.id, { until, hasTime: false });
    expect(s1).toMatchObject({ snoozeCount: 1, dueHasTime: false });
    expect(s1.dueAt!.toISOString()).toBe(until.toISOString());
    const s2 = await snoozeTask(w.ctx(w.rep), t.id, { until: new Date(until.getTime() + DAY), hasTime: true });
    expect(s2.snoozeCount).toBe(2);
    expect(await failure(snoozeTask(w.ctx(w.rep), t.id, { until: new Date(w.clock.now().getTime() - 1000), hasTime: true }))).toMatchObject({ code: 'invalid', reason: 'task.snooze_in_past' });
    expect(await failure(snoozeTask(w.ctx(w.rep2), t.id, { until, hasTime: true }))).toMatchObject({ code: 'forbidden' });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: t.id } })).snoozeCount).toBe(2);
    await completeTask(w.ctx(w.rep), t.id);
    expect(await failure(snoozeTask(w.ctx(w.rep), t.id, { until, hasTime: true }))).toMatchObject({ code: 'conflict', reason: 'task.already_done' });
    expect((await auditRows(db, 'task', t.id)).map((a) => a.action)).toEqual(['snooze', 'snooze', 'complete']);
  });

  it('reassigns for managers only, to an active user of the same team', async () => {
    const t = await task(w.rep.id);
    expect(await failure(reassignTask(w.ctx(w.rep), t.id, w.rep2.id))).toMatchObject({ code: 'forbidden', reason: 'task.needs_manager' });
    const moved = await reassignTask(w.ctx(w.manager), t.id, w.rep2.id);
    expect(moved.ownerId).toBe(w.rep2.id);
    expect((await auditRows(db, 'task', t.id)).map((a) => a.action)).toEqual(['reassign']);

    const other = await makeWorld(db);
    expect(await failure(reassignTask(w.ctx(w.manager), t.id, other.rep.id))).toMatchObject({ code: 'invalid', reason: 'task.assignee_not_in_team' });
    const gone = await makeUser(db, w.team.id, { name: 'Gone' });
    await db.prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    expect(await failure(reassignTask(w.ctx(w.manager), t.id, gone.id))).toMatchObject({ code: 'invalid', reason: 'task.assignee_inactive' });
    expect(await failure(reassignTask(w.ctx(w.manager), t.id, 66_666_666))).toMatchObject({ code: 'invalid' });
    expect(await failure(reassignTask(other.ctx(other.manager), t.id, other.rep.id))).toMatchObject({ code: 'not_found' });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: t.id } })).ownerId).toBe(w.rep2.id);
    // A pool task can be handed out too.
    const pool = await task(null);
    expect((await reassignTask(w.ctx(w.manager), pool.id, w.rep.id)).ownerId).toBe(w.rep.id);
  });
});
