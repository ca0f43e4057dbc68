import type { Task } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { assertRole } from '../permissions.ts';
import { explainNotOpen, loadVisibleTask } from './access.ts';

/** A manager hands an open task to someone active in the task's team. */
export async function reassignTask(ctx: DomainContext, id: number, userId: number): Promise<Task> {
  assertRole(ctx.actor, 'manager', 'task');
  if (!Number.isInteger(userId) || userId <= 0) throw invalid('task.assignee_invalid', { userId });
  return ctx.prisma.$transaction(async (tx) => {
    const before = await loadVisibleTask(tx, ctx.actor, id);
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, teamId: true, active: true, displayName: true } });
    if (!target || target.teamId !== before.teamId) throw invalid('task.assignee_not_in_team', { userId });
    if (!target.active) throw invalid('task.assignee_inactive', { userId, name: target.displayName });
    const now = ctx.clock.now();
    const moved = await tx.task.updateMany({
      where: { id, status: 'open' },
      data: { ownerId: target.id, version: { increment: 1 }, updatedAt: now },
    });
    if (moved.count === 0) await explainNotOpen(tx, id);
    const task = await tx.task.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, { entity: 'task', entityId: id, action: 'reassign', before, after: task });
    return task;
  });
}
