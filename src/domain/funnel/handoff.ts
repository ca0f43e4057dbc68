// A lead handed to sales by its score: the owner (or, for a pool lead, anyone in the team) accepts it
// or declines it from the card. Declined by its owner, or not accepted by the deadline, it returns to
// the pool with a note saying why; it stays `intent`, so the next rep who claims it knows it is warm.
import type { LeadHandoff, PrismaClient } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import { systemActor, type Actor, type Clock, type DomainContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { moveOwner } from '../pool/ownership.ts';

export interface HandoffView {
  handoff: LeadHandoff;
  customer: { id: number; code: string; name: string; ownerId: number | null };
  /** Who decided, when someone did. */
  by?: { id: number; displayName: string } | null;
}

async function load(ctx: DomainContext, id: number) {
  const h = await ctx.prisma.leadHandoff.findUnique({ where: { id }, include: { customer: { select: { id: true, code: true, name: true, ownerId: true } } } });
  if (!h || (h.teamId !== ctx.actor.teamId && ctx.actor.role !== 'admin')) throw notFound('handoff.not_found', { id });
  return h;
}

async function alreadyDecided(ctx: DomainContext, id: number): Promise<never> {
  const h = await ctx.prisma.leadHandoff.findUniqueOrThrow({ where: { id } });
  const by = h.decidedById ? await ctx.prisma.user.findUnique({ where: { id: h.decidedById }, select: { displayName: true } }) : null;
  throw conflict('handoff.already_decided', { id, status: h.status, by: by?.displayName ?? null, at: h.decidedAt?.toISOString() ?? null });
}

/** The owner it was offered to, a manager, or for a pool lead anyone in the team. */
function assertMayDecide(actor: Actor, h: { ownerId: number | null }): void {
  if (h.ownerId === null || h.ownerId === actor.userId || actor.role !== 'rep') return;
  throw forbidden('handoff.not_yours', {});
}

export async function acceptHandoff(ctx: DomainContext, id: number): Promise<HandoffView> {
  const before = await load(ctx, id);
  assertMayDecide(ctx.actor, before);
  if (before.status !== 'pending') await alreadyDecided(ctx, id);
  return ctx.prisma.$transaction(async (tx) => {
    const now = ctx.clock.now();
    const won = await tx.leadHandoff.updateMany({ where: { id, status: 'pending' }, data: { status: 'accepted', decidedById: ctx.actor.userId, decidedAt: now } });
    if (!won.count) await alreadyDecided(ctx, id);
    // A pool lead becomes the accepter's; an owned one stays with its owner.
    if (before.customer.ownerId === null) {
      const { moved } = await moveOwner(tx, ctx, before.customerId, null, ctx.actor.userId, 'handoff_accept', { handoffId: id });
      if (!moved) throw conflict('handoff.customer_taken', { id, name: before.customer.name });
    }
    await audit(tx, ctx, { entity: 'handoff', entityId: id, action: 'accept', before: { status: 'pending' }, after: { status: 'accepted', customerId: before.customerId } });
    const handoff = await tx.leadHandoff.findUniqueOrThrow({ where: { id } });
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: before.customerId }, select: { id: true, code: true, name: true, ownerId: true } });
    return { handoff, customer, by: { id: ctx.actor.userId, displayName: ctx.actor.displayName } };
  });
}

/** Declined by its owner, the lead goes back to the pool at once; a pool lead just stays there. */
export async function declineHandoff(ctx: DomainContext, id: number): Promise<HandoffView> {
  const before = await load(ctx, id);
  assertMayDecide(ctx.actor, before);
  if (before.status !== 'pending') await alreadyDecided(ctx, id);
  return ctx.prisma.$transaction(async (tx) => {
    const now = ctx.clock.now();
    const won = await tx.leadHandoff.updateMany({ where: { id, status: 'pending' }, data: { status: 'declined', decidedById: ctx.actor.userId, decidedAt: now } });
    if (!won.count) await alreadyDecided(ctx, id);
    if (before.ownerId !== null) await moveOwner(tx, ctx, before.customerId, before.ownerId, null, 'handoff_decline', { handoffId: id, note: 'handoff_declined' });
    await audit(tx, ctx, { entity: 'handoff', entityId: id, action: 'decline', before: { status: 'pending' }, after: { status: 'declined', customerId: before.customerId } });
    const handoff = await tx.leadHandoff.findUniqueOrThrow({ where: { id } });
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: before.customerId }, select: { id: true, code: true, name: true, ownerId: true } });
    return { handoff, customer, by: { id: ctx.actor.userId, displayName: ctx.actor.displayName } };
  });
}

export interface ExpiredHandoff {
  handoffId: number;
  customer: { id: number; code: string; name: string };
  /** The owner it was offered to (now back in the pool), or null for a pool lead. */
  ownerId: number | null;
  hours: number;
}

/**
 * Hand-offs past their deadline, each in its own transaction that only a pending row matches: a
 * replica sweeping at the same time, or an Accept clicked at the last second, leaves one outcome.
 */
export async function expireHandoffs(
  prisma: PrismaClient,
  clock: Clock,
  teamId: number,
  /** Writes the note the expiry owes inside its transaction (the outbox), so it is sent exactly once. */
  owe?: (tx: PrismaClient, e: ExpiredHandoff) => Promise<void>,
): Promise<ExpiredHandoff[]> {
  const now = clock.now();
  const due = await prisma.leadHandoff.findMany({ where: { teamId, status: 'pending', deadline: { lte: now } }, include: { customer: { select: { id: true, code: true, name: true } } }, orderBy: { id: 'asc' } });
  const out: ExpiredHandoff[] = [];
  for (const h of due) {
    const hours = Math.round((h.deadline.getTime() - h.offeredAt.getTime()) / 3_600_000);
    const event: ExpiredHandoff = { handoffId: h.id, customer: h.customer, ownerId: h.ownerId, hours };
    const done = await prisma.$transaction(async (tx) => {
      const won = await tx.leadHandoff.updateMany({ where: { id: h.id, status: 'pending' }, data: { status: 'expired', decidedAt: now } });
      if (!won.count) return false;
      const ctx = { actor: systemActor(), door: 'system' as const, clock };
      if (h.ownerId !== null) await moveOwner(tx, ctx, h.customerId, h.ownerId, null, 'pool_return', { handoffId: h.id, note: 'handoff_expired', hours });
      await audit(tx, ctx, { entity: 'handoff', entityId: h.id, action: 'expire', before: { status: 'pending' }, after: { status: 'expired', customerId: h.customerId, hours } });
      if (owe) await owe(tx as unknown as PrismaClient, event);
      return true;
    });
    if (done) out.push(event);
  }
  return out;
}

/** Which of these hand-offs this transaction can see: one a refused step rolled back has no row to announce. */
export async function standingHandoffs(ctx: DomainContext, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await ctx.prisma.leadHandoff.findMany({ where: { id: { in: ids }, status: 'pending' }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
