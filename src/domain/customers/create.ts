import type { Customer } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { normalizeEmail, normalizeName, normalizePhone } from '../text/normalize.ts';
import { nextCustomerCode } from './code.ts';
import { createCustomerSchema, type CreateCustomerInput } from './input.ts';

export interface CreateResult {
  customer: Customer;
  created: boolean;
  /** The existing customer this one looks like (same folded name, phone or email); nothing was written. */
  duplicateOf?: Customer;
}

/** Creates a customer owned by the person who adds it, unless it looks like one the team already has. */
export async function createCustomer(ctx: DomainContext, input: CreateCustomerInput): Promise<CreateResult> {
  const data = parseOrInvalid(createCustomerSchema, input, 'customer.invalid');
  const normalizedName = normalizeName(data.name) || data.name.toLowerCase();
  const phone = normalizePhone(data.contact?.phone);
  const email = normalizeEmail(data.contact?.email);

  if (!data.force) {
    const duplicate = await findDuplicate(ctx, normalizedName, phone, email);
    if (duplicate) return { customer: duplicate, created: false, duplicateOf: duplicate };
  }
  const team = await ctx.prisma.team.findUniqueOrThrow({ where: { id: ctx.actor.teamId } });
  const now = ctx.clock.now();
  const customer = await ctx.prisma.$transaction(async (tx) => {
    const code = await nextCustomerCode(tx, now, team.timeZone);
    const c = await tx.customer.create({
      data: {
        code,
        name: data.name,
        normalizedName,
        aliases: data.aliases ?? [],
        industry: data.industry,
        size: data.size,
        region: data.region,
        source: data.source ?? 'other',
        tier: data.tier ?? 'C',
        status: data.status ?? 'lead',
        tags: data.tags ?? [],
        teamId: team.id,
        ownerId: ctx.actor.userId,
        ownerAssignedAt: now,
        createdById: ctx.actor.userId,
        createdAt: now,
        ...(data.contact && (data.contact.name || phone || email)
          ? {
              contacts: {
                create: {
                  name: data.contact.name ?? data.name,
                  title: data.contact.title,
                  phone: data.contact.phone,
                  normalizedPhone: phone,
                  email: email ?? undefined,
                  preferredChannel: data.contact.preferredChannel,
                  isPrimary: true,
                },
              },
            }
          : {}),
      },
    });
    await audit(tx, ctx, { entity: 'customer', entityId: c.id, action: 'create', after: { ...c, contact: data.contact } });
    return c;
  });
  return { customer, created: true };
}

async function findDuplicate(ctx: DomainContext, normalizedName: string, phone: string | null, email: string | null): Promise<Customer | null> {
  const byName = await ctx.prisma.customer.findFirst({ where: { teamId: ctx.actor.teamId, normalizedName }, orderBy: { id: 'asc' } });
  if (byName) return byName;
  if (!phone && !email) return null;
  const contact = await ctx.prisma.contact.findFirst({
    where: { customer: { teamId: ctx.actor.teamId }, OR: [...(phone ? [{ normalizedPhone: phone }] : []), ...(email ? [{ email }] : [])] },
    include: { customer: true },
    orderBy: { id: 'asc' },
  });
  return contact?.customer ?? null;
}
