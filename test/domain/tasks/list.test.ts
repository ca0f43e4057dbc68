import { afterAll, beforeAll, expect, it } from 'vitest';
import { getTask, myTasks, poolTasks } from '../../../src/domain/tasks/list.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('task lists', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    // 2026-11-23T02:00Z is 10:00 on the 23rd in Shanghai but still 18:00 on the 22nd in Los Angeles.
    w = await makeWorld(db, '2026-11-23T02:00:00Z');
  });
  afterAll(() => db.drop());

  const task = (data: { title: string; ownerId: number | null; dueAt?: string | null; status?: 'open' | 'done'; teamId?: number; customerId?: number }) =>
    db.prisma.task.create({ data: { teamId: data.teamId ?? w.team.id, title: data.title, ownerId: data.ownerId, dueAt: data.dueAt ? new Date(data.dueAt) : null, status: data.status ?? 'open', customerId: data.customerId } });

  it("splits a user's open tasks by the user's own calendar day, ordered by due time", async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, name: 'Acme' });
    await task({ title: 'sh-yesterday-late', ownerId: w.rep.id, dueAt: '2026-11-22T15:59:00Z' }); // 23:59 on the 22nd in Shanghai
    await task({ title: 'sh-today-early', ownerId: w.rep.id, dueAt: '2026-11-22T16:00:00Z', customerId: c.id }); // 00:00 on the 23rd
    await task({ title: 'sh-today-past-hour', ownerId: w.rep.id, dueAt: '2026-11-23T01:00:00Z' }); // 09:00 today, an hour ago: still today
    await task({ title: 'sh-tomorrow', ownerId: w.rep.id, dueAt: '2026-11-23T16:00:00Z' });
    await task({ title: 'undated', ownerId: w.rep.id, dueAt: null });
    await task({ title: 'done-old', ownerId: w.rep.id, dueAt: '2026-11-01T00:00:00Z', status: 'done' });
    await task({ title: 'someone-else', ownerId: w.rep2.id, dueAt: '2026-11-01T00:00:00Z' });

    const shanghai = await myTasks(w.ctx({ ...w.rep, timeZone: 'Asia/Shanghai' }));
    expect(shanghai.overdue.map((t) => t.title)).toEqual(['sh-yesterday-late']);
    expect(shanghai.today.map((t) => t.title)).toEqual(['sh-today-early', 'sh-today-past-hour']);
    expect(shanghai.upcoming.map((t) => t.title)).toEqual(['sh-tomorrow', 'undated']);
    expect(shanghai.today[0]!.customer).toMatchObject({ id: c.id, name: 'Acme' });

    // Same tasks, same instant, a user in Los Angeles: it is still the 22nd there.
    const la = await myTasks(w.ctx({ ...w.rep, timeZone: 'America/Los_Angeles' }));
    expect(la.overdue).toEqual([]);
    expect(la.today.map((t) => t.title)).toEqual(['sh-yesterday-late', 'sh-today-early', 'sh-today-past-hour']);
    expect(la.upcoming.map((t) => t.title)).toEqual(['sh-tomorrow', 'undated']);
  });

  it("lists the team's pool, soonest first, not other teams' or owned ones", async () => {
    const other = await makeWorld(db);
    await task({ title: 'pool-late', ownerId: null, dueAt: '2026-12-01T00:00:00Z' });
    await task({ title: 'pool-soon', ownerId: null, dueAt: '2026-11-24T00:00:00Z' });
    await task({ title: 'pool-undated', ownerId: null });
    await task({ title: 'pool-done', ownerId: null, status: 'done' });
    await task({ title: 'foreign-pool', ownerId: null, teamId: other.team.id });
    expect((await poolTasks(w.ctx(w.rep))).map((t) => t.title)).toEqual(['pool-soon', 'pool-late', 'pool-undated']);
    expect((await poolTasks(w.ctx(w.rep), 1)).map((t) => t.title)).toEqual(['pool-soon']);
    expect(await failure(poolTasks(w.ctx(w.rep), 0))).toMatchObject({ code: 'invalid' });
  });

  it('shows a task to its owner, the pool to the team, everything to managers; hides other teams', async () => {
    const mine = await task({ title: 'mine', ownerId: w.rep.id });
    const theirs = await task({ title: 'theirs', ownerId: w.rep2.id });
    const other = await makeWorld(db);
    const foreign = await task({ title: 'foreign', ownerId: other.rep.id, teamId: other.team.id });
    expect((await getTask(w.ctx(w.rep), mine.id)).owner).toMatchObject({ id: w.rep.id, displayName: 'Rita Rep' });
    expect(await failure(getTask(w.ctx(w.rep), theirs.id))).toMatchObject({ code: 'forbidden', reason: 'task.not_yours' });
    expect((await getTask(w.ctx(w.manager), theirs.id)).title).toBe('theirs');
    expect(await failure(getTask(w.ctx(w.manager), foreign.id))).toMatchObject({ code: 'not_found' });
    expect((await getTask(w.ctx(w.admin), foreign.id)).title).toBe('foreign');
    expect(await failure(getTask(w.ctx(w.rep), 77_777_777))).toMatchObject({ code: 'not_found', reason: 'task.not_found' });
  });
});
