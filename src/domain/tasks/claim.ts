import type { Task } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { claimCustomer } from '../pool/ownership.ts';

/**
 * Takes a pool task. Several reps may press "claim" on the same card at once: the conditional
 * update lets the database pick exactly one winner; everyone else learns who it was.
 */
export async function claimTask(ctx: DomainContext, id: number): Promise<Task> {
  // Tasks follow their customer's owner: claiming a pool customer's task claims the customer (and so
  // all its open tasks, under the same daily cap); only a task with no customer is claimed alone.
  const found = await ctx.prisma.task.findUnique({ where: { id }, select: { teamId: true, customerId: true, status: true } });
  if (found && found.teamId === ctx.actor.teamId && found.customerId !== null && found.status === 'open') {
    await claimCustomer(ctx, found.customerId);
    return ctx.prisma.task.findUniqueOrThrow({ where: { id } });
  }
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.task.findUnique({ where: { id } });
    if (!before || before.teamId !== ctx.actor.teamId) throw notFound('task.not_found', { id });
    const now = ctx.clock.now();
    const won = await tx.task.updateMany({
      where: { id, ownerId: null, status: 'open' },
      data: { ownerId: ctx.actor.userId, version: { increment: 1 }, updatedAt: now },
    });
    if (won.count === 0) {
      const current = await tx.task.findUniqueOrThrow({ where: { id }, include: { owner: { select: { id: true, displayName: true } } } });
      if (current.status !== 'open') throw conflict('task.not_open', { id, status: current.status });
      throw conflict('task.already_claimed', { id, winner: current.owner?.displayName ?? null, winnerId: current.ownerId, yours: current.ownerId === ctx.actor.userId });
    }
    const task = await tx.task.findUniqueOrThrow({ where: { id } });
    await audit(tx, ctx, { entity: 'task', entityId: id, action: 'claim', before, after: task });
    return task;
  });
}
