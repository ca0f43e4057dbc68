import type { Prisma, Task } from '../../generated/prisma/client.ts';
import type { Actor } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { canAct } from '../permissions.ts';

type Reader = Pick<Prisma.TransactionClient, 'task' | 'user'>;

/** A task the actor may at least see: own, the team's pool, the team's (manager), any (admin). */
export async function loadVisibleTask(db: Reader, actor: Actor, id: number): Promise<Task> {
  const task = await db.task.findUnique({ where: { id } });
  // Someone else's task in another team is "not found" to a rep: existence is not theirs to learn.
  if (!task || (task.teamId !== actor.teamId && actor.role !== 'admin')) throw notFound('task.not_found', { id });
  if (!canAct(actor, task)) throw forbidden('task.not_yours', { id });
  return task;
}

/** Working on a task (done, snooze) is for its owner or a manager of its team; a pool task must be claimed first. */
export function assertMayWork(actor: Actor, task: Task): void {
  if (task.ownerId === actor.userId) return;
  if (actor.role === 'admin') return;
  if (actor.role === 'manager' && task.teamId === actor.teamId) return;
  throw forbidden(task.ownerId === null ? 'task.claim_first' : 'task.not_yours', { id: task.id });
}

/** Explains why a conditional update on an open task matched nothing, re-reading what won. */
export async function explainNotOpen(db: Reader, id: number): Promise<never> {
  const task = await db.task.findUnique({ where: { id }, include: { doneBy: { select: { displayName: true } } } });
  if (!task) throw notFound('task.not_found', { id });
  if (task.status === 'done') throw conflict('task.already_done', { id, by: task.doneBy?.displayName ?? null, at: task.doneAt?.toISOString() ?? null });
  throw conflict('task.not_open', { id, status: task.status });
}
