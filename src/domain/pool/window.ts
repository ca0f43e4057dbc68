// The pool rule's clock: a lead its owner has not followed (no interaction logged by the owner since
// they got it) returns to the pool when its tier's window (Team.poolHoursA/B/C) has passed. Before
// that, a reminder to the owner at half the window and a note to their manager at 80 %.
import type { PrismaClient } from '../../generated/prisma/client.ts';

const HOUR = 3_600_000;

export type Step = 'reminder' | 'manager' | 'return';

/** Share of the window after which each step is due. */
export const STEP_AT: Record<Step, number> = { reminder: 0.5, manager: 0.8, return: 1 };

export interface PoolHours {
  poolHoursA: number;
  poolHoursB: number;
  poolHoursC: number;
}

export function windowHours(team: PoolHours, tier: string): number {
  return tier === 'A' ? team.poolHoursA : tier === 'B' ? team.poolHoursB : team.poolHoursC;
}

/** When a step of a term that began at `assignedAt` is due. */
export function stepDueAt(assignedAt: Date, hours: number, step: Step): Date {
  return new Date(assignedAt.getTime() + Math.round(hours * STEP_AT[step] * HOUR));
}

/** The latest step due at `now` (or none yet). */
export function dueStep(assignedAt: Date, hours: number, now: Date): Step | null {
  for (const step of ['return', 'manager', 'reminder'] as const) if (now >= stepDueAt(assignedAt, hours, step)) return step;
  return null;
}

/**
 * When this customer returns to the pool unless its owner logs contact first, or null when the
 * rule does not apply (not a lead, no owner, or the owner has already followed it).
 */
export async function poolDeadline(prisma: Pick<PrismaClient, 'team' | 'interaction'>, c: { id: number; teamId: number; tier: string; status: string; ownerId: number | null; ownerAssignedAt: Date | null }): Promise<Date | null> {
  if (c.status !== 'lead' || c.ownerId === null || c.ownerAssignedAt === null) return null;
  const followed = await prisma.interaction.count({ where: { customerId: c.id, authorId: c.ownerId, occurredAt: { gte: c.ownerAssignedAt } } });
  if (followed) return null;
  const team = await prisma.team.findUniqueOrThrow({ where: { id: c.teamId }, select: { poolHoursA: true, poolHoursB: true, poolHoursC: true } });
  return stepDueAt(c.ownerAssignedAt, windowHours(team, c.tier), 'return');
}
