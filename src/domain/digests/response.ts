// The response rate, one rule for the weekly summary and the monthly review: a new lead counts as
// answered when its first interaction came within the team's response hours of its creation; an
// interaction counts as followed up when the next one with the same customer came within those hours.
import type { PrismaClient } from '../../generated/prisma/client.ts';

export interface ResponseScope {
  teamId: number;
  /** Only this owner's customers (a rep's own review); the whole team when absent. */
  ownerId?: number | null;
  start: Date;
  end: Date;
  hours: number;
}

export interface ResponseFigures {
  leads: number;
  answered: number;
  interactions: number;
  followed: number;
}

const n = (v: unknown) => Number(v ?? 0);

/** New leads created in [start, end) and how many got a first contact within `hours`. */
export async function leadResponse(prisma: Pick<PrismaClient, '$queryRaw'>, s: ResponseScope): Promise<Pick<ResponseFigures, 'leads' | 'answered'>> {
  const owner = s.ownerId ?? null;
  const [r] = await prisma.$queryRaw<Array<{ leads: bigint; answered: bigint }>>`
    SELECT count(*) AS leads,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Interaction" i
             WHERE i."customerId" = c.id AND i."occurredAt" >= c."createdAt" AND i."occurredAt" < c."createdAt" + make_interval(hours => ${s.hours}::int))) AS answered
    FROM "Customer" c
    WHERE c."teamId" = ${s.teamId} AND c."createdAt" >= ${s.start} AND c."createdAt" < ${s.end} AND (${owner}::int IS NULL OR c."ownerId" = ${owner}::int)`;
  return { leads: n(r?.leads), answered: n(r?.answered) };
}

/** Interactions in [start, end) and how many had the customer's next interaction within `hours`. */
export async function interactionFollowUp(prisma: Pick<PrismaClient, '$queryRaw'>, s: ResponseScope): Promise<Pick<ResponseFigures, 'interactions' | 'followed'>> {
  const owner = s.ownerId ?? null;
  const [r] = await prisma.$queryRaw<Array<{ total: bigint; followed: bigint }>>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Interaction" j
             WHERE j."customerId" = i."customerId" AND j."occurredAt" > i."occurredAt" AND j."occurredAt" <= i."occurredAt" + make_interval(hours => ${s.hours}::int))) AS followed
    FROM "Interaction" i JOIN "Customer" c ON c.id = i."customerId"
    WHERE c."teamId" = ${s.teamId} AND i."occurredAt" >= ${s.start} AND i."occurredAt" < ${s.end} AND (${owner}::int IS NULL OR c."ownerId" = ${owner}::int)`;
  return { interactions: n(r?.total), followed: n(r?.followed) };
}
