// Who owns a customer, and every way that changes by hand: a rep claims from the pool, a manager
// assigns (one customer or many), an owner or manager releases back to the pool. Each change is one
// conditional update on the owner that was seen, so racing changes give exactly one outcome; the
// customer's open tasks follow its owner; every change writes an audit row (who, door, before, after).
import { Prisma, type Customer } from '../../generated/prisma/client.ts';
import { toJson, type Tx } from '../audit.ts';
import { utc } from '../cadence/query.ts';
import type { Actor, DomainContext } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { assertRole } from '../permissions.ts';
import { dayBounds } from '../time/zone.ts';
import { refusingBeforeWrites } from '../db/transaction.ts';
import { teamOf } from '../teams/team.ts';

/** Statuses a customer without an owner is in the pool with; a won or lost one without owner is just closed. */
export const POOL_STATUSES = ['lead', 'intent'] as const;

export interface Person {
  id: number;
  displayName: string;
}

export interface OwnershipChange {
  customer: Pick<Customer, 'id' | 'code' | 'name' | 'tier' | 'status' | 'teamId'>;
  before: Person | null;
  after: Person | null;
  /** Open tasks that moved with the customer. */
  tasksMoved: number;
}

type Audited = Pick<DomainContext, 'actor' | 'door' | 'clock'>;

/**
 * Moves one customer from `from` to `to` if it is still owned by `from`; false when someone else
 * changed it first. Open tasks follow; the audit row names the action. Call inside a transaction.
 */
export async function moveOwner(tx: Tx, ctx: Audited, customerId: number, from: number | null, to: number | null, action: string, extra: Record<string, unknown> = {}): Promise<{ moved: boolean; tasksMoved: number }> {
  const now = utc(ctx.clock.now());
  // One statement (claims, assignments, releases and sweeps all come through here): the owner, the
  // open tasks of the customer not already the new owner's (pool tasks included), the audit row.
  const [r] = await tx.$queryRaw<Array<{ moved: bigint; tasks: bigint }>>`
    WITH moved AS (
      UPDATE "Customer" SET "ownerId" = ${to}::int, "ownerAssignedAt" = ${to === null ? null : now}::timestamp(3), "updatedAt" = ${now}
      WHERE "id" = ${customerId} AND "ownerId" IS NOT DISTINCT FROM ${from}::int
        ${action === 'claim' ? Prisma.sql`AND "status"::text IN (${Prisma.join([...POOL_STATUSES])})` : Prisma.empty}
      RETURNING "id"),
    tasks AS (
      UPDATE "Task" SET "ownerId" = ${to}::int, "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "customerId" IN (SELECT "id" FROM moved) AND "status" = 'open'
        AND ${to === null ? Prisma.sql`"ownerId" IS NOT NULL` : Prisma.sql`"ownerId" IS DISTINCT FROM ${to}::int`}
      RETURNING "id"),
    a AS (
      INSERT INTO "AuditEvent" ("actorId", "door", "entity", "entityId", "action", "before", "after", "at")
      SELECT ${ctx.actor.userId || null}::int, ${ctx.door}::"Door", 'customer', ${String(customerId)}, ${action},
             jsonb_build_object('ownerId', ${from}::int), jsonb_build_object('ownerId', ${to}::int, 'tasks', (SELECT count(*) FROM tasks)) || ${JSON.stringify(toJson(extra) ?? {})}::jsonb, ${now}
      FROM moved)
    SELECT (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM tasks) AS tasks`;
  if (!Number(r!.moved)) return { moved: false, tasksMoved: 0 };
  return { moved: true, tasksMoved: Number(r!.tasks) };
}

async function person(tx: Tx, id: number | null): Promise<Person | null> {
  if (id === null) return null;
  return tx.user.findUnique({ where: { id }, select: { id: true, displayName: true } });
}

async function loadCustomer(tx: Tx, actor: Actor, id: number): Promise<Customer> {
  const c = await tx.customer.findUnique({ where: { id } });
  // Another team's customer is "not found": its existence is not the reader's to learn.
  if (!c || (c.teamId !== actor.teamId && actor.role !== 'admin')) throw notFound('customer.not_found', { query: String(id) });
  return c;
}

const brief = (c: Customer): OwnershipChange['customer'] => ({ id: c.id, code: c.code, name: c.name, tier: c.tier, status: c.status, teamId: c.teamId });

/** Why a claim found nothing to take: someone owns it (maybe the claimer), or it is closed. */
async function explainTaken(tx: Tx, actor: Actor, id: number): Promise<never> {
  const c = await tx.customer.findUniqueOrThrow({ where: { id }, include: { owner: { select: { id: true, displayName: true } } } });
  if (c.owner) throw conflict('customer.already_claimed', { name: c.name, winner: c.owner.displayName, winnerId: c.owner.id, yours: c.owner.id === actor.userId });
  throw conflict('customer.not_in_pool', { name: c.name, status: c.status });
}

/** How many pool customers this rep has claimed since their local midnight. */
export async function claimsToday(tx: Pick<Tx, 'auditEvent'>, actor: Actor, now: Date): Promise<number> {
  const { start } = dayBounds(now, actor.timeZone);
  return tx.auditEvent.count({ where: { entity: 'customer', action: 'claim', actorId: actor.userId, at: { gte: start } } });
}

/**
 * A rep takes a pool customer. The first claimer wins (the update only matches while nobody owns
 * it); the others learn who did. A rep's claims per local day are capped by the team's
 * claimsPerDay; the rep's own row is locked meanwhile, so two claims at once cannot both slip under
 * the cap.
 */
export async function claimCustomer(ctx: DomainContext, customerId: number): Promise<OwnershipChange> {
  // Every refusal (taken, closed, over the cap) comes before the first write.
  return refusingBeforeWrites(ctx.prisma, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ctx.actor.userId} FOR UPDATE`;
    const c = await loadCustomer(tx, ctx.actor, customerId);
    if (c.teamId !== ctx.actor.teamId) throw forbidden('customer.other_team', { name: c.name });
    if (c.ownerId !== null) await explainTaken(tx, ctx.actor, customerId);
    const team = await teamOf(ctx, c.teamId, tx);
    const used = await claimsToday(tx, ctx.actor, ctx.clock.now());
    if (used >= team.claimsPerDay) throw forbidden('customer.claims_cap', { limit: team.claimsPerDay });
    const { moved, tasksMoved } = await moveOwner(tx, ctx, customerId, null, ctx.actor.userId, 'claim');
    if (!moved) await explainTaken(tx, ctx.actor, customerId);
    return { customer: brief(c), before: null, after: { id: ctx.actor.userId, displayName: ctx.actor.displayName }, tasksMoved };
  });
}

async function assignee(tx: Tx, customer: Customer, userId: number): Promise<Person> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { id: true, displayName: true, teamId: true, active: true } });
  if (!u || u.teamId !== customer.teamId || !u.active) throw invalid('customer.owner_not_in_team', { id: userId });
  return { id: u.id, displayName: u.displayName };
}

/**
 * A manager (or admin) gives a customer to a rep of its team, from the pool or from another rep.
 * The update is conditional on the owner the manager's request saw: if a claim or another
 * assignment got there first, this one changes nothing and says who owns it now.
 */
export async function assignCustomer(ctx: DomainContext, customerId: number, toUserId: number): Promise<OwnershipChange> {
  assertRole(ctx.actor, 'manager', 'customer');
  return ctx.prisma.$transaction(async (tx) => {
    const c = await loadCustomer(tx, ctx.actor, customerId);
    const to = await assignee(tx, c, toUserId);
    if (c.ownerId === to.id) throw conflict('customer.already_owner', { name: c.name, owner: to.displayName });
    const before = await person(tx, c.ownerId);
    const { moved, tasksMoved } = await moveOwner(tx, ctx, c.id, c.ownerId, to.id, 'assign');
    if (!moved) {
      const now = await tx.customer.findUniqueOrThrow({ where: { id: c.id }, include: { owner: { select: { displayName: true } } } });
      throw conflict('customer.owner_changed', { name: c.name, ...(now.owner ? { owner: now.owner.displayName } : {}) });
    }
    return { customer: brief(c), before, after: to, tasksMoved };
  });
}

/** The owner gives a customer back to the pool, or a manager takes it off a rep; open tasks go with it. */
export async function releaseCustomer(ctx: DomainContext, customerId: number): Promise<OwnershipChange> {
  return ctx.prisma.$transaction(async (tx) => {
    const c = await loadCustomer(tx, ctx.actor, customerId);
    if (c.ownerId === null) throw conflict('customer.already_in_pool', { name: c.name });
    if (c.ownerId !== ctx.actor.userId) assertRole(ctx.actor, 'manager', 'customer');
    const before = await person(tx, c.ownerId);
    const { moved, tasksMoved } = await moveOwner(tx, ctx, c.id, c.ownerId, null, 'release');
    if (!moved) throw conflict('customer.owner_changed', { name: c.name });
    return { customer: brief(c), before, after: null, tasksMoved };
  });
}

/** Which customers a bulk assignment covers: listed ids (from a filtered list), or all of one owner's. */
export type Selection = { customerIds: number[] } | { ownerId: number };

export interface BulkResult {
  moved: OwnershipChange[];
  /** Customers left as they were, and why (already the new owner's, changed meanwhile, not visible). */
  skipped: Array<{ id: number; reason: 'already_owner' | 'changed' | 'not_found' }>;
  to: Person;
}

export const MAX_BULK = 2000;

/**
 * A manager hands many customers to one rep at once (a departing rep's book, or a filtered list):
 * one transaction, each customer moved only if its owner is still the one seen, so a claim or
 * assignment racing in is kept and reported as skipped.
 */
export async function bulkAssign(ctx: DomainContext, selection: Selection, toUserId: number): Promise<BulkResult> {
  assertRole(ctx.actor, 'manager', 'customer');
  const scope = ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId };
  if ('customerIds' in selection) {
    const ids = [...new Set(selection.customerIds)];
    if (!ids.length || ids.length > MAX_BULK || ids.some((i) => !Number.isSafeInteger(i) || i <= 0)) throw invalid('customer.bulk_selection', { max: MAX_BULK });
  } else if (!Number.isSafeInteger(selection.ownerId) || selection.ownerId <= 0) throw invalid('customer.bulk_selection', { max: MAX_BULK });
  return ctx.prisma.$transaction(
    async (tx) => {
      const target = await tx.user.findUnique({ where: { id: toUserId }, select: { id: true, displayName: true, teamId: true, active: true } });
      if (!target || !target.active || (ctx.actor.role !== 'admin' && target.teamId !== ctx.actor.teamId)) throw invalid('customer.owner_not_in_team', { id: toUserId });
      const where = 'customerIds' in selection ? { id: { in: selection.customerIds }, ...scope } : { ownerId: selection.ownerId, ...scope };
      const customers = await tx.customer.findMany({ where, orderBy: { id: 'asc' }, take: MAX_BULK });
      const to = { id: target.id, displayName: target.displayName };
      const result: BulkResult = { moved: [], skipped: [], to };
      if ('customerIds' in selection) {
        const found = new Set(customers.map((c) => c.id));
        for (const id of new Set(selection.customerIds)) if (!found.has(id)) result.skipped.push({ id, reason: 'not_found' });
      }
      const people = new Map<number, Person | null>();
      for (const c of customers) {
        if (c.teamId !== target.teamId) {
          result.skipped.push({ id: c.id, reason: 'not_found' });
          continue;
        }
        if (c.ownerId === to.id) {
          result.skipped.push({ id: c.id, reason: 'already_owner' });
          continue;
        }
        const { moved, tasksMoved } = await moveOwner(tx, ctx, c.id, c.ownerId, to.id, 'assign', { bulk: true });
        if (!moved) {
          result.skipped.push({ id: c.id, reason: 'changed' });
          continue;
        }
        if (c.ownerId !== null && !people.has(c.ownerId)) people.set(c.ownerId, await person(tx, c.ownerId));
        result.moved.push({ customer: brief(c), before: c.ownerId === null ? null : (people.get(c.ownerId) ?? null), after: to, tasksMoved });
      }
      return result;
    },
    { timeout: 60_000 },
  );
}
