import { Prisma, type Customer, type PrismaClient, type Team } from '../../generated/prisma/client.ts';
import { notFound } from '../errors.ts';

export const DAY_MS = 86_400_000;

export type CadenceTeam = Pick<Team, 'id' | 'cadenceDaysA' | 'cadenceDaysB' | 'cadenceDaysC' | 'churnRiskDays'>;

export async function loadCadenceTeam(prisma: Pick<PrismaClient, 'team'>, teamId: number): Promise<CadenceTeam> {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: { id: true, cadenceDaysA: true, cadenceDaysB: true, cadenceDaysC: true, churnRiskDays: true },
  });
  if (!team) throw notFound('team.not_found', { id: teamId });
  return team;
}

/** Instants go in as UTC text and come out as epoch milliseconds, so no driver or server TZ can shift them. */
export const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export interface LastContactRow {
  customerId: number;
  lastMs: number | null;
  baseMs: number;
}

/**
 * One aggregate query: each live (not lost) customer of the team with its latest interaction,
 * and the instant cadence counts from (that interaction, or the customer's creation if never
 * contacted). `having` filters on that instant, named `base`, inside the database.
 */
export async function lastContacts(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  teamId: number,
  now: Date,
  options: { owner?: number | null; having?: (base: Prisma.Sql) => Prisma.Sql } = {},
): Promise<LastContactRow[]> {
  const ownerFilter =
    options.owner === undefined ? Prisma.empty : options.owner === null ? Prisma.sql`AND c."ownerId" IS NULL` : Prisma.sql`AND c."ownerId" = ${options.owner}`;
  // Interactions dated after now (a typo, a planned visit) do not count as contact yet.
  const last = Prisma.sql`MAX(i."occurredAt")`;
  const base = Prisma.sql`COALESCE(${last}, c."createdAt")`;
  const having = options.having ? Prisma.sql`HAVING ${options.having(base)}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Array<{ customerId: number; lastMs: bigint | number | null; baseMs: bigint | number }>>`
    SELECT c.id AS "customerId",
           (EXTRACT(EPOCH FROM ${last}) * 1000)::bigint AS "lastMs",
           (EXTRACT(EPOCH FROM ${base}) * 1000)::bigint AS "baseMs"
    FROM "Customer" c
    LEFT JOIN "Interaction" i ON i."customerId" = c.id AND i."occurredAt" <= ${utc(now)}
    WHERE c."teamId" = ${teamId} AND c.status <> 'lost' ${ownerFilter}
    GROUP BY c.id
    ${having}`;
  return rows.map((r) => ({ customerId: Number(r.customerId), lastMs: r.lastMs === null ? null : Number(r.lastMs), baseMs: Number(r.baseMs) }));
}

/** The tier's cadence in days, as a SQL expression over the customer row `c`. */
export function tierDaysSql(team: CadenceTeam): Prisma.Sql {
  return Prisma.sql`(CASE c.tier WHEN 'A' THEN ${team.cadenceDaysA}::int WHEN 'B' THEN ${team.cadenceDaysB}::int ELSE ${team.cadenceDaysC}::int END)`;
}

export function tierDays(team: CadenceTeam, tier: Customer['tier']): number {
  return tier === 'A' ? team.cadenceDaysA : tier === 'B' ? team.cadenceDaysB : team.cadenceDaysC;
}

/** When a customer is next due for contact: its tier's cadence after its last contact (else its creation); never once lost. */
export function contactDueAt(team: CadenceTeam, c: Pick<Customer, 'status' | 'tier' | 'createdAt'>, lastAt: Date | null): Date | null {
  return c.status === 'lost' ? null : new Date((lastAt ?? c.createdAt).getTime() + tierDays(team, c.tier) * DAY_MS);
}

/** Whole days a due date has passed by `now` (0 when not passed or there is none). */
export function daysOverdue(dueAt: Date | null, now: Date): number {
  return dueAt ? Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS)) : 0;
}

/** The customer rows for a set of ids in one query, keyed by id. */
export async function customersById(prisma: Pick<PrismaClient, 'customer'>, ids: number[]): Promise<Map<number, Customer>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.customer.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((c) => [c.id, c]));
}

export interface DueRow {
  id: number;
  name: string;
  code: string;
  tier: Customer['tier'];
  ownerId: number;
  dueMs: number;
}

/**
 * The owned live customers whose cadence has run out by `now`, soonest due first, with only what a
 * due list shows: the database filters, so a 100,000-customer team sends back the due ones, not
 * every customer and then their rows again by id.
 */
export async function dueOwnedCustomers(prisma: Pick<PrismaClient, '$queryRaw'>, team: CadenceTeam, now: Date): Promise<DueRow[]> {
  const rows = await prisma.$queryRaw<Array<Omit<DueRow, 'dueMs'> & { dueMs: bigint | number }>>`
    WITH owned AS (
      SELECT c.id, c.name, c.code, c.tier, c."ownerId",
             COALESCE((SELECT MAX(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = c.id AND i."occurredAt" <= ${utc(now)}), c."createdAt")
               + make_interval(days => ${tierDaysSql(team)}) AS due
      FROM "Customer" c
      WHERE c."teamId" = ${team.id} AND c.status <> 'lost' AND c."ownerId" IS NOT NULL
    )
    SELECT id, name, code, tier::text AS tier, "ownerId", (EXTRACT(EPOCH FROM due) * 1000)::bigint AS "dueMs"
    FROM owned WHERE due <= ${utc(now)}
    ORDER BY due, id`;
  return rows.map((r) => ({ ...r, id: Number(r.id), ownerId: Number(r.ownerId), dueMs: Number(r.dueMs) }));
}
