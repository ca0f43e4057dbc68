import type { Task } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { assertMayWork, explainNotOpen, loadVisibleTask } from './access.ts';

/** Marks an open task done, by its owner or a manager of its team; a second "done" is a conflict naming who did it. */
export async function completeTask(ctx: DomainContext, id: number): Promise<Task> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await loadVisibleTask(tx, ctx.actor, id);
    assertMayWork(ctx.actor, before);
    const now = ctx.clock.now();
    const done = await tx.task.updateMany({
      where: { id, status: 'open' },
      data: { status: 'done', doneById: ctx.actor.userId, doneAt: now, version: { increment: 1 }, updatedAt: now },
    });
    if (done.count === 0) await explainNotOpen(tx, id);
    const task = await tx.task.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, { entity: 'task', entityId: id, action: 'complete', before, after: task });
    return task;
  });
}
