import type { Customer, Task, User } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { dayBounds } from '../time/zone.ts';
import { loadVisibleTask } from './access.ts';

export type TaskView = Task & { customer: Pick<Customer, 'id' | 'code' | 'name'> | null };

const customerBrief = { select: { id: true, code: true, name: true } } as const;

/**
 * The actor's open tasks split by the actor's own calendar: overdue (due before today began where
 * they are), today, and upcoming (later, or with no date at all, last).
 */
export async function myTasks(ctx: DomainContext): Promise<{ overdue: TaskView[]; today: TaskView[]; upcoming: TaskView[] }> {
  const { start, end } = dayBounds(ctx.clock.now(), ctx.actor.timeZone);
  const tasks = await ctx.prisma.task.findMany({
    where: { ownerId: ctx.actor.userId, status: 'open' },
    include: { customer: customerBrief },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { priority: 'desc' }, { id: 'asc' }],
  });
  const overdue: TaskView[] = [];
  const today: TaskView[] = [];
  const upcoming: TaskView[] = [];
  for (const t of tasks) {
    if (t.dueAt && t.dueAt < start) overdue.push(t);
    else if (t.dueAt && t.dueAt < end) today.push(t);
    else upcoming.push(t);
  }
  return { overdue, today, upcoming };
}

/** Open tasks nobody owns in the actor's team, soonest due first. */
export async function poolTasks(ctx: DomainContext, limit = 20): Promise<TaskView[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('task.bad_limit', { limit });
  return ctx.prisma.task.findMany({
    where: { teamId: ctx.actor.teamId, ownerId: null, status: 'open' },
    include: { customer: customerBrief },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { priority: 'desc' }, { id: 'asc' }],
    take: limit,
  });
}

export async function getTask(
  ctx: DomainContext,
  id: number,
): Promise<TaskView & { owner: Pick<User, 'id' | 'displayName'> | null; doneBy: Pick<User, 'id' | 'displayName'> | null }> {
  await loadVisibleTask(ctx.prisma, ctx.actor, id);
  const task = await ctx.prisma.task.findUniqueOrThrow({
    where: { id },
    include: {
      customer: customerBrief,
      owner: { select: { id: true, displayName: true } },
      doneBy: { select: { id: true, displayName: true } },
    },
  });
  return task;
}
