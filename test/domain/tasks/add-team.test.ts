// /task add and /tasks team as domain rules: who may give work to whom, and the team's day by rep.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTask } from '../../../src/domain/tasks/add.ts';
import { teamDueTasks } from '../../../src/domain/tasks/team.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('tasks added by hand and the team view', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db, '2026-11-23T02:00:00Z');
  });
  afterAll(() => db.drop());

  it('adds a task for oneself, audited, on a customer one may open', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const due = new Date('2026-11-27T07:00:00Z');
    const task = await addTask(w.ctx(w.rep), { customerId: c.id, title: 'send the contract', dueAt: due, dueHasTime: true });
    expect(task).toMatchObject({ ownerId: w.rep.id, createdById: w.rep.id, customerId: c.id, sourceInteractionId: null, dueAt: due });
    expect((await auditRows(db, 'task', task.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('lets a manager give a task to a rep and refuses a rep doing the same, writing nothing', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const given = await addTask(w.ctx(w.manager), { customerId: c.id, title: 'call back', dueAt: null, dueHasTime: false, ownerId: w.rep.id });
    expect(given.ownerId).toBe(w.rep.id);
    const before = await db.prisma.task.count();
    expect(await failure(addTask(w.ctx(w.rep2), { customerId: c.id, title: 'x', dueAt: null, dueHasTime: false, ownerId: w.rep.id }))).toMatchObject({ code: 'forbidden', reason: 'task.assign_needs_manager' });
    expect(await db.prisma.task.count()).toBe(before);
  });

  it('refuses a customer the rep may not open, an owner from another team and an empty title', async () => {
    const theirs = await makeCustomer(db, w.team.id, { ownerId: w.rep2.id });
    expect(await failure(addTask(w.ctx(w.rep), { customerId: theirs.id, title: 'x', dueAt: null, dueHasTime: false }))).toMatchObject({ code: 'not_found' });
    const elsewhere = await makeUser(db, (await makeTeam(db)).id, { name: 'Far' });
    expect(await failure(addTask(w.ctx(w.manager), { customerId: theirs.id, title: 'x', dueAt: null, dueHasTime: false, ownerId: elsewhere.id }))).toMatchObject({ reason: 'task.assignee_not_in_team' });
    expect(await failure(addTask(w.ctx(w.manager), { customerId: theirs.id, title: '  ', dueAt: null, dueHasTime: false }))).toMatchObject({ code: 'invalid', reason: 'task.invalid' });
  });

  it('groups the team’s overdue and today’s tasks by rep, in the manager’s day, most overdue first', async () => {
    const t = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    const mgr = await makeUser(db, t.id, { name: 'Boss', role: 'manager', timeZone: 'Asia/Shanghai' });
    const ann = await makeUser(db, t.id, { name: 'Ann' });
    const ben = await makeUser(db, t.id, { name: 'Ben' });
    const mk = (title: string, ownerId: number | null, dueAt: string | null, status: 'open' | 'done' = 'open') =>
      db.prisma.task.create({ data: { title, teamId: t.id, ownerId, dueAt: dueAt ? new Date(dueAt) : null, status } });
    await mk('ann-today', ann.id, '2026-11-23T09:00:00Z'); // 17:00 today in Shanghai
    await mk('ben-overdue', ben.id, '2026-11-20T01:00:00Z');
    await mk('ben-overdue-2', ben.id, '2026-11-22T15:00:00Z'); // 23:00 yesterday in Shanghai
    await mk('ben-tomorrow', ben.id, '2026-11-23T16:30:00Z');
    await mk('ben-done', ben.id, '2026-11-20T01:00:00Z', 'done');
    await mk('pool-overdue', null, '2026-11-20T01:00:00Z');
    await mk('ann-undated', ann.id, null);
    const groups = await teamDueTasks(w.ctx(mgr));
    expect(groups.map((g) => [g.owner.displayName, g.overdue.map((x) => x.title), g.today.map((x) => x.title)])).toEqual([
      ['Ben', ['ben-overdue', 'ben-overdue-2'], []],
      ['Ann', [], ['ann-today']],
    ]);
    expect(await failure(teamDueTasks(w.ctx(ann)))).toMatchObject({ code: 'forbidden', reason: 'tasks.needs_manager' });
  });
});
