import { afterAll, beforeAll, expect, it } from 'vitest';
import { logInteraction } from '../../../src/domain/interactions/log.ts';
import { undoInteraction } from '../../../src/domain/interactions/undo.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { auditRows, failure, makeCustomer, makeWorld } from './world.ts';

describeEngines('undoInteraction', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
    await db.prisma.team.update({ where: { id: w.team.id }, data: { undoWindowMinutes: 10 } });
  });
  afterAll(() => db.drop());

  async function logged() {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    return logInteraction(w.ctx(w.rep), { customerId: c.id, summary: 'oops', nextStep: { title: 'follow up', dueAt: new Date('2026-11-24T01:00:00Z'), dueHasTime: true } });
  }

  it('removes the interaction and the task it created, audited, and a second undo finds nothing', async () => {
    const { interaction, task } = await logged();
    w.clock.advance(9 * 60_000);
    const r = await undoInteraction(w.ctx(w.rep), interaction.id);
    expect(r).toEqual({ interactionId: interaction.id, removedTaskIds: [task!.id] });
    expect(await db.prisma.interaction.findUnique({ where: { id: interaction.id } })).toBeNull();
    expect(await db.prisma.task.findUnique({ where: { id: task!.id } })).toBeNull();
    expect((await auditRows(db, 'interaction', interaction.id)).map((a) => a.action)).toEqual(['log', 'undo']);
    expect((await auditRows(db, 'task', task!.id)).map((a) => a.action)).toEqual(['create', 'undo']);
    expect(await failure(undoInteraction(w.ctx(w.rep), interaction.id))).toMatchObject({ code: 'not_found', reason: 'interaction.not_found' });
  });

  it('refuses after the team window, measured on the context clock', async () => {
    const { interaction } = await logged();
    w.clock.advance(10 * 60_000 + 1000);
    expect(await failure(undoInteraction(w.ctx(w.rep), interaction.id))).toMatchObject({ code: 'conflict', reason: 'interaction.undo_window_passed', details: { minutes: 10 } });
    expect(await db.prisma.interaction.findUnique({ where: { id: interaction.id } })).not.toBeNull();
  });

  it('is for the author only, not even their manager', async () => {
    const { interaction, task } = await logged();
    expect(await failure(undoInteraction(w.ctx(w.manager), interaction.id))).toMatchObject({ code: 'forbidden', reason: 'interaction.not_author' });
    expect(await failure(undoInteraction(w.ctx(w.rep2), interaction.id))).toMatchObject({ code: 'forbidden' });
    expect(await db.prisma.task.findUnique({ where: { id: task!.id } })).not.toBeNull();
  });
});
