// "Hand to manager" on a churn card: the owner gives an at-risk customer to their own manager, who
// decides what happens next. Open tasks follow, as with any change of owner.
import { conflict, forbidden } from '../errors.ts';
import type { DomainContext } from '../context.ts';
import { moveOwner, type OwnershipChange } from '../pool/ownership.ts';

export async function handToManager(ctx: DomainContext, customerId: number): Promise<OwnershipChange> {
  return ctx.prisma.$transaction(async (tx) => {
    const c = await tx.customer.findUnique({ where: { id: customerId } });
    if (!c || c.teamId !== ctx.actor.teamId) throw forbidden('customer.not_yours', { role: ctx.actor.role });
    if (c.ownerId !== ctx.actor.userId) throw forbidden('customer.handoff_not_owner', { name: c.name });
    const me = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } });
    const manager = me.managerId === null ? null : await tx.user.findFirst({ where: { id: me.managerId, active: true } });
    if (!manager) throw conflict('customer.no_manager', { name: c.name });
    const { moved, tasksMoved } = await moveOwner(tx, ctx, c.id, c.ownerId, manager.id, 'handoff', { reason: 'churn' });
    if (!moved) throw conflict('customer.owner_changed', { name: c.name });
    return {
      customer: { id: c.id, code: c.code, name: c.name, tier: c.tier, status: c.status, teamId: c.teamId },
      before: { id: me.id, displayName: me.displayName },
      after: { id: manager.id, displayName: manager.displayName },
      tasksMoved,
    };
  });
}
