// `/task add`: a to-do not born of a /log (a reminder, a manager's instruction). Yours unless a
// manager gives it to someone in the customer's team.
import { z } from 'zod';
import type { Task } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { canAct } from '../permissions.ts';

const addTaskSchema = z.object({
  customerId: z.number().int().positive(),
  title: z.string().trim().min(1, 'title_empty').max(200, 'title_too_long'),
  dueAt: z.date().nullable(),
  dueHasTime: z.boolean(),
  ownerId: z.number().int().positive().optional(),
});
export type AddTaskInput = z.input<typeof addTaskSchema>;

export async function addTask(ctx: DomainContext, input: AddTaskInput): Promise<Task> {
  const data = parseOrInvalid(addTaskSchema, input, 'task.invalid');
  const ownerId = data.ownerId ?? ctx.actor.userId;
  // Giving work to someone else is a manager's call; a rep is told so, and nothing is written.
  if (ownerId !== ctx.actor.userId && ctx.actor.role === 'rep') throw forbidden('task.assign_needs_manager', { role: ctx.actor.role });
  return ctx.prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: data.customerId }, select: { id: true, teamId: true, ownerId: true } });
    if (!customer || !canAct(ctx.actor, customer)) throw notFound('customer.not_found', { query: String(data.customerId) });
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, teamId: true, active: true, displayName: true } });
    if (!owner || owner.teamId !== customer.teamId) throw invalid('task.assignee_not_in_team', { userId: ownerId });
    if (!owner.active) throw invalid('task.assignee_inactive', { userId: ownerId, name: owner.displayName });
    const now = ctx.clock.now();
    const task = await tx.task.create({
      data: { title: data.title, teamId: customer.teamId, customerId: customer.id, ownerId: owner.id, createdById: ctx.actor.userId, dueAt: data.dueAt, dueHasTime: data.dueHasTime, createdAt: now },
    });
    await audit(tx, ctx, { entity: 'task', entityId: task.id, action: 'create', after: task });
    return task;
  });
}
