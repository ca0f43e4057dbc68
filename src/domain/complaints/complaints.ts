// A customer's complaints: opened with the interaction that reported it, resolved by hand with what
// was done, listed for the owner and the manager. An open complaint makes the customer a churn risk.
import type { Complaint } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { assertCanAct } from '../permissions.ts';

/** "complaint", "complained", 投诉, 客诉, 抱怨 …: a negative log that names one is a complaint. */
const COMPLAINT_WORDS = /\b(complain(?:t|ts|ed|ing|s)?)\b|投诉|客诉|抱怨|不满意/i;

export function soundsLikeComplaint(summary: string, mood: string | null | undefined): boolean {
  return mood === 'negative' && COMPLAINT_WORDS.test(summary);
}

/** Opens a complaint for an interaction just logged; run in the log's transaction. */
export async function openComplaint(ctx: DomainContext, input: { customerId: number; interactionId: number; summary: string }): Promise<Complaint> {
  const customer = await ctx.prisma.customer.findUnique({ where: { id: input.customerId }, select: { id: true, teamId: true, ownerId: true } });
  if (!customer) throw notFound('customer.not_found', { id: input.customerId });
  assertCanAct(ctx.actor, customer, 'customer');
  const complaint = await ctx.prisma.complaint.create({
    data: { teamId: customer.teamId, customerId: customer.id, interactionId: input.interactionId, openedById: ctx.actor.userId, summary: input.summary.slice(0, 1000), openedAt: ctx.clock.now() },
  });
  await audit(ctx.prisma, ctx, { entity: 'complaint', entityId: complaint.id, action: 'open', after: complaint });
  return complaint;
}

export async function resolveComplaint(ctx: DomainContext, id: number, how: string): Promise<Complaint & { customer: { name: string; code: string } }> {
  const resolution = how.trim();
  if (!resolution) throw invalid('complaint.resolution_required', { id });
  return ctx.prisma.$transaction(async (tx) => {
    const found = await tx.complaint.findUnique({ where: { id }, include: { customer: { select: { teamId: true, ownerId: true, name: true, code: true } } } });
    if (!found) throw notFound('complaint.not_found', { id });
    assertCanAct(ctx.actor, found.customer, 'complaint');
    if (found.resolvedAt) throw conflict('complaint.already_resolved', { id });
    const done = await tx.complaint.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: ctx.clock.now(), resolvedById: ctx.actor.userId, resolution: resolution.slice(0, 1000) } });
    if (done.count !== 1) throw conflict('complaint.already_resolved', { id });
    const after = await tx.complaint.findUniqueOrThrow({ where: { id }, include: { customer: { select: { name: true, code: true } } } });
    await audit(tx, ctx, { entity: 'complaint', entityId: id, action: 'resolve', before: found, after });
    return after;
  });
}

export interface OpenComplaint {
  id: number;
  summary: string;
  openedAt: Date;
  escalatedAt: Date | null;
  customer: { id: number; name: string; code: string; ownerId: number | null };
}

/** Open complaints the actor may act on: a rep's own customers', a manager's whole team's. */
export async function openComplaints(ctx: DomainContext, limit = 20): Promise<OpenComplaint[]> {
  const a = ctx.actor;
  const scope = a.role === 'rep' ? { teamId: a.teamId, customer: { ownerId: a.userId } } : a.role === 'manager' ? { teamId: a.teamId } : {};
  return ctx.prisma.complaint.findMany({
    where: { resolvedAt: null, ...scope },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, summary: true, openedAt: true, escalatedAt: true, customer: { select: { id: true, name: true, code: true, ownerId: true } } },
  });
}
