import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Clock } from '../context.ts';

export interface ReturnedLead {
  customerId: number;
  code: string;
  name: string;
  previousOwnerId: number;
  /** When the previous owner got it: with the customer, names this one return (a lead can come back again later). */
  assignedAt: Date;
  teamId: number;
}

/**
 * The 48-hour rule: a lead whose owner has logged nothing on it within the team's poolReturnHours of
 * getting it goes back to the shared pool. The update re-checks owner and assignment time, so two
 * sweeps at once return each lead once.
 */
export async function returnStaleLeads(prisma: PrismaClient, clock: Clock, teamId: number): Promise<ReturnedLead[]> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const now = clock.now();
  const cutoff = new Date(now.getTime() - team.poolReturnHours * 3_600_000);
  const stale = await prisma.$queryRaw<Array<{ id: number; code: string; name: string; ownerId: number; ownerAssignedAt: Date }>>`
    SELECT c.id, c.code, c.name, c."ownerId", c."ownerAssignedAt"
    FROM "Customer" c
    WHERE c."teamId" = ${teamId} AND c.status = 'lead' AND c."ownerId" IS NOT NULL
      AND c."ownerAssignedAt" <= ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM "Interaction" i
        WHERE i."customerId" = c.id AND i."authorId" = c."ownerId" AND i."occurredAt" >= c."ownerAssignedAt")`;
  const returned: ReturnedLead[] = [];
  for (const c of stale) {
    const done = await prisma.$transaction(async (tx) => {
      const r = await tx.customer.updateMany({ where: { id: c.id, ownerId: c.ownerId, ownerAssignedAt: c.ownerAssignedAt }, data: { ownerId: null, ownerAssignedAt: null } });
      if (r.count === 0) return false;
      await tx.auditEvent.create({
        data: { actorId: null, door: 'system', entity: 'customer', entityId: String(c.id), action: 'pool_return', before: { ownerId: c.ownerId }, after: { ownerId: null, hours: team.poolReturnHours }, at: now },
      });
      return true;
    });
    if (done) returned.push({ customerId: c.id, code: c.code, name: c.name, previousOwnerId: c.ownerId, assignedAt: c.ownerAssignedAt, teamId });
  }
  return returned;
}
