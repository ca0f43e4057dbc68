import type { Contact, Customer, CustomerStatus } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { assertCanAct } from '../permissions.ts';
import { normalizeEmail, normalizeName, normalizePhone } from '../text/normalize.ts';
import { columnsOf } from './columns.ts';
import { contactSchema, customerFieldsSchema, type ContactInput } from './input.ts';
import { z } from 'zod';

export async function load(ctx: DomainContext, id: number): Promise<Customer> {
  const c = await ctx.prisma.customer.findUnique({ where: { id } });
  if (!c || (ctx.actor.role !== 'admin' && c.teamId !== ctx.actor.teamId)) throw notFound('customer.not_found', { query: String(id) });
  assertCanAct(ctx.actor, c, 'customer');
  return c;
}

const patchSchema = customerFieldsSchema.extend({ name: z.string().trim().min(1).max(200).optional(), contact: contactSchema.optional() });
export type CustomerPatch = z.input<typeof patchSchema>;

/**
 * Changes only the fields given. A new name keeps the old one as an alias, so searches and
 * `/log` lines with the old name still find the customer.
 */
export async function updateCustomer(ctx: DomainContext, id: number, patch: CustomerPatch): Promise<Customer> {
  const { contact, status, name, ...fields } = parseOrInvalid(patchSchema, patch, 'customer.invalid');
  const before = await load(ctx, id);
  const team = await ctx.prisma.team.findUniqueOrThrow({ where: { id: before.teamId } });
  const columns = columnsOf(fields, team, before.tags);
  if (name && name !== before.name) {
    const aliases = (columns.aliases as string[] | undefined) ?? before.aliases;
    columns.name = name;
    columns.normalizedName = normalizeName(name) || name.toLowerCase();
    columns.aliases = [...aliases.filter((a) => a !== name && a !== before.name), before.name];
  }
  if (status && status !== before.status) await moveStatus(ctx, id, status);
  const updated = await ctx.prisma.$transaction(async (tx) => {
    const c = await tx.customer.update({ where: { id }, data: columns });
    await audit(tx, ctx, { entity: 'customer', entityId: id, action: name && name !== before.name ? 'rename' : 'update', before, after: c });
    // Tier, budget and source feed the lead score (issue 13).
    await rescore(tx, ctx, id);
    return c;
  });
  if (contact && (contact.name || contact.phone || contact.email)) await addContact(ctx, id, contact);
  return updated;
}

// lead -> intent -> deal moves forward; anything may be lost; a lost customer reopens as a lead.
const MOVES: Record<CustomerStatus, CustomerStatus[]> = { lead: ['intent', 'deal', 'lost'], intent: ['deal', 'lost'], deal: ['lost'], lost: ['lead'] };

export async function moveStatus(ctx: DomainContext, id: number, status: CustomerStatus): Promise<Customer> {
  const before = await load(ctx, id);
  if (before.status === status) return before;
  if (!MOVES[before.status].includes(status)) throw invalid('customer.bad_status_move', { from: before.status, to: status });
  return ctx.prisma.$transaction(async (tx) => {
    const c = await tx.customer.update({ where: { id }, data: { status } });
    await audit(tx, ctx, { entity: 'customer', entityId: id, action: 'status', before: { status: before.status }, after: { status } });
    return c;
  });
}

/** Reps take pool customers for themselves or release their own; managers assign within the team. */
export async function changeOwner(ctx: DomainContext, id: number, ownerId: number | null): Promise<Customer> {
  const before = await load(ctx, id);
  if (ctx.actor.role === 'rep' && ownerId !== null && ownerId !== ctx.actor.userId) throw forbidden('customer.needs_manager', { role: ctx.actor.role });
  if (ownerId !== null) {
    const owner = await ctx.prisma.user.findUnique({ where: { id: ownerId } });
    if (!owner || !owner.active || owner.teamId !== before.teamId) throw invalid('customer.owner_not_in_team', { id: ownerId });
  }
  return ctx.prisma.$transaction(async (tx) => {
    const c = await tx.customer.update({ where: { id }, data: { ownerId, ownerAssignedAt: ownerId === null ? null : ctx.clock.now() } });
    await audit(tx, ctx, { entity: 'customer', entityId: id, action: 'owner', before: { ownerId: before.ownerId }, after: { ownerId } });
    return c;
  });
}

/** A new contact; the first one, or one marked primary, becomes the one primary contact. */
export async function addContact(ctx: DomainContext, customerId: number, input: ContactInput & { primary?: boolean }): Promise<Contact> {
  const data = parseOrInvalid(contactSchema, input, 'contact.invalid');
  const customer = await load(ctx, customerId);
  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.contact.count({ where: { customerId } });
    const primary = existing === 0 || input.primary === true;
    if (primary) await tx.contact.updateMany({ where: { customerId, isPrimary: true }, data: { isPrimary: false } });
    const contact = await tx.contact.create({
      data: {
        customerId,
        name: data.name ?? customer.name,
        title: data.title,
        phone: data.phone,
        normalizedPhone: normalizePhone(data.phone),
        email: normalizeEmail(data.email) ?? undefined,
        preferredChannel: data.preferredChannel,
        birthday: data.birthday,
        isPrimary: primary,
      },
    });
    await audit(tx, ctx, { entity: 'contact', entityId: contact.id, action: 'create', after: contact });
    return contact;
  });
}
