// The people at a customer: edit, remove, make primary. A customer has at most one primary contact;
// removing it hands the role to the oldest remaining contact. Every change is audited.
import type { Contact } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { ambiguous, notFound } from '../errors.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { foldForMatch, normalizeEmail, normalizePhone } from '../text/normalize.ts';
import { contactSchema, type ContactInput } from './input.ts';
import { load } from './update.ts';

/** The contact of a customer named `query`: exact name first, else a unique prefix, phone or email. */
export async function findContact(ctx: DomainContext, customerId: number, query: string): Promise<Contact> {
  await load(ctx, customerId);
  const contacts = await ctx.prisma.contact.findMany({ where: { customerId }, orderBy: { id: 'asc' } });
  const q = foldForMatch(query);
  const exact = contacts.filter((c) => foldForMatch(c.name) === q || (c.email && c.email === normalizeEmail(query)) || (c.normalizedPhone && c.normalizedPhone === normalizePhone(query)));
  const hits = exact.length ? exact : contacts.filter((c) => foldForMatch(c.name).startsWith(q));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw ambiguous('contact.ambiguous', { query, names: hits.map((c) => c.name).join(', ') });
  throw notFound('contact.not_found', { query, names: contacts.map((c) => c.name).join(', ') });
}

/** Changes the fields given (a new `name` renames); `primary: true` makes it the primary contact. */
export async function editContact(ctx: DomainContext, contactId: number, input: ContactInput & { primary?: boolean }): Promise<Contact> {
  const data = parseOrInvalid(contactSchema, input, 'contact.invalid');
  const before = await ctx.prisma.contact.findUnique({ where: { id: contactId } });
  if (!before) throw notFound('contact.not_found', { query: String(contactId) });
  await load(ctx, before.customerId);
  return ctx.prisma.$transaction(async (tx) => {
    if (input.primary) await tx.contact.updateMany({ where: { customerId: before.customerId, isPrimary: true, NOT: { id: contactId } }, data: { isPrimary: false } });
    const after = await tx.contact.update({
      where: { id: contactId },
      data: {
        ...(data.name ? { name: data.name } : {}),
        ...(data.title ? { title: data.title } : {}),
        ...(data.phone ? { phone: data.phone, normalizedPhone: normalizePhone(data.phone) } : {}),
        ...(data.email ? { email: normalizeEmail(data.email) } : {}),
        ...(data.preferredChannel ? { preferredChannel: data.preferredChannel } : {}),
        ...(data.birthday ? { birthday: data.birthday } : {}),
        ...(input.primary ? { isPrimary: true } : {}),
      },
    });
    await audit(tx, ctx, { entity: 'contact', entityId: contactId, action: input.primary && !before.isPrimary ? 'primary' : 'update', before, after });
    return after;
  });
}

export async function setPrimaryContact(ctx: DomainContext, contactId: number): Promise<Contact> {
  return editContact(ctx, contactId, { primary: true });
}

/** Removes a contact; if it was the primary one, the oldest remaining contact becomes primary. */
export async function removeContact(ctx: DomainContext, contactId: number): Promise<{ removed: Contact; primary: Contact | null }> {
  const before = await ctx.prisma.contact.findUnique({ where: { id: contactId } });
  if (!before) throw notFound('contact.not_found', { query: String(contactId) });
  await load(ctx, before.customerId);
  return ctx.prisma.$transaction(async (tx) => {
    await tx.contact.delete({ where: { id: contactId } });
    let primary = await tx.contact.findFirst({ where: { customerId: before.customerId, isPrimary: true } });
    if (!primary) {
      const next = await tx.contact.findFirst({ where: { customerId: before.customerId }, orderBy: { id: 'asc' } });
      primary = next ? await tx.contact.update({ where: { id: next.id }, data: { isPrimary: true } }) : null;
    }
    await audit(tx, ctx, { entity: 'contact', entityId: contactId, action: 'delete', before });
    return { removed: before, primary };
  });
}
