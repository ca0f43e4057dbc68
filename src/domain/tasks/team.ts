// `/tasks team`: a manager's view of the team's open work that is overdue or due today, by rep.
import type { DomainContext } from '../context.ts';
import { assertRole } from '../permissions.ts';
import { dayBounds } from '../time/zone.ts';
import type { TaskView } from './list.ts';

export interface RepTasks {
  owner: { id: number; displayName: string };
  overdue: TaskView[];
  today: TaskView[];
}

/** "Today" is the manager's day: the one reading the list. Reps with nothing due are left out. */
export async function teamDueTasks(ctx: DomainContext): Promise<RepTasks[]> {
  assertRole(ctx.actor, 'manager', 'tasks');
  const { start, end } = dayBounds(ctx.clock.now(), ctx.actor.timeZone);
  const tasks = await ctx.prisma.task.findMany({
    where: { teamId: ctx.actor.teamId, status: 'open', ownerId: { not: null }, dueAt: { lt: end } },
    include: { customer: { select: { id: true, code: true, name: true } }, owner: { select: { id: true, displayName: true } } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
  const byOwner = new Map<number, RepTasks>();
  for (const { owner, ...task } of tasks) {
    if (!owner) continue;
    const group = byOwner.get(owner.id) ?? { owner, overdue: [], today: [] };
    byOwner.set(owner.id, group);
    (task.dueAt! < start ? group.overdue : group.today).push(task);
  }
  return [...byOwner.values()].sort((a, b) => b.overdue.length - a.overdue.length || a.owner.displayName.localeCompare(b.owner.displayName));
}
