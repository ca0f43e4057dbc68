import type { Customer, Prisma, Team } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import { rescore } from '../funnel/rescore.ts';
import type { DomainContext } from '../context.ts';
import { parseOrInvalid } from '../interactions/input.ts';
import { normalizeEmail, normalizeName, normalizePhone } from '../text/normalize.ts';
import { colleagueOwning } from './colleague.ts';
import { coreName, HAN } from './match.ts';
import { localDateOf } from '../time/zone.ts';
import { nextCustomerCode } from './code.ts';
import { columnsOf } from './columns.ts';
import { createCustomerSchema, type CreateCustomerInput } from './input.ts';

export interface CreateResult {
  customer: Customer;
  created: boolean;
  /** The existing customer this one looks like (same folded name, phone or email); nothing was written. */
  duplicateOf?: Customer;
  /** The colleague who owns `duplicateOf`, when it is not the person adding. */
  duplicateOwner?: string;
}

/** Creates a customer owned by the person who adds it, unless it looks like one the team already has. */
export async function createCustomer(ctx: DomainContext, input: CreateCustomerInput): Promise<CreateResult> {
  const data = parseOrInvalid(createCustomerSchema, input, 'customer.invalid');
  const normalizedName = normalizeName(data.name) || data.name.toLowerCase();
  const phone = normalizePhone(data.contact?.phone);
  const email = normalizeEmail(data.contact?.email);

  if (!data.force) {
    const duplicate = await findDuplicate(ctx, normalizedName, phone, email);
    if (duplicate) {
      // Whose it is, when it is a colleague's: a rep cannot open it, so the warning must say whom to ask.
      const owner = await colleagueOwning(ctx, duplicate);
      return { customer: duplicate, created: false, duplicateOf: duplicate, ...(owner !== null ? { duplicateOwner: owner } : {}) };
    }
  }
  const team = await ctx.prisma.team.findUniqueOrThrow({ where: { id: ctx.actor.teamId } });
  const columns = columnsOf(data, team, []);
  const now = ctx.clock.now();
  const customer = await ctx.prisma.$transaction(async (tx) => {
    const c = await insertCustomer(tx, team, now, { ...data, normalizedName, columns, ownerId: data.ownerId === undefined ? ctx.actor.userId : data.ownerId, createdById: ctx.actor.userId });
    await audit(tx, ctx, { entity: 'customer', entityId: c.id, action: 'create', after: { ...c, contact: data.contact } });
    await rescore(tx, ctx, c.id);
    return c;
  });
  return { customer, created: true };
}

/** The insert itself, shared with the import: a kept code or the next one, first contact defaulting to today. */
export async function insertCustomer(
  tx: Prisma.TransactionClient,
  team: Team,
  now: Date,
  d: {
    name: string;
    normalizedName: string;
    code?: string;
    columns: Prisma.CustomerUncheckedUpdateInput;
    ownerId: number | null;
    createdById: number | null;
    contact?: { name?: string; title?: string; phone?: string; email?: string; preferredChannel?: Prisma.ContactCreateWithoutCustomerInput['preferredChannel']; birthday?: string };
  },
): Promise<Customer> {
  const code = d.code ?? (await nextCustomerCode(tx, now, team.timeZone));
  const today = localDateOf(now, team.timeZone);
  const phone = normalizePhone(d.contact?.phone);
  const email = normalizeEmail(d.contact?.email);
  return tx.customer.create({
    data: {
      tier: 'C',
      status: 'lead',
      source: 'other',
      firstContactOn: new Date(Date.UTC(today.year, today.month - 1, today.day)),
      ...(d.columns as Prisma.CustomerUncheckedCreateInput),
      code,
      name: d.name,
      normalizedName: d.normalizedName,
      teamId: team.id,
      ownerId: d.ownerId,
      ownerAssignedAt: d.ownerId === null ? null : now,
      createdById: d.createdById,
      createdAt: now,
      ...(d.contact && (d.contact.name || phone || email)
        ? {
            contacts: {
              create: {
                name: d.contact.name ?? d.name,
                title: d.contact.title,
                phone: d.contact.phone,
                normalizedPhone: phone,
                email: email ?? undefined,
                preferredChannel: d.contact.preferredChannel,
                birthday: d.contact.birthday,
                isPrimary: true,
              },
            },
          }
        : {}),
    },
  });
}

async function findDuplicate(ctx: DomainContext, normalizedName: string, phone: string | null, email: string | null): Promise<Customer | null> {
  const byName = await ctx.prisma.customer.findFirst({ where: { teamId: ctx.actor.teamId, normalizedName }, orderBy: { id: 'asc' } });
  if (byName) return byName;
  const byCore = await sameCompany(ctx, normalizedName);
  if (byCore) return byCore;
  if (!phone && !email) return null;
  const contact = await ctx.prisma.contact.findFirst({
    where: { customer: { teamId: ctx.actor.teamId }, OR: [...(phone ? [{ normalizedPhone: phone }] : []), ...(email ? [{ email }] : [])] },
    include: { customer: true },
    orderBy: { id: 'asc' },
  });
  return contact?.customer ?? null;
}


/**
 * A customer the team already has under a longer or shorter form of the same Chinese company name:
 * with or without its region (上海海川智能装备 and 海川智能装备), or with the trade word left off
 * (海川智能 for 海川智能装备). People write a company the way they say it, so an exact match alone
 * lets a rep enter a colleague's customer twice. Latin names only match on the same core name; a
 * shared start there ("Acme" and "Acme Robotics") is too often two companies. The person can still
 * create it anyway from the warning.
 */
async function sameCompany(ctx: DomainContext, normalizedName: string): Promise<Customer | null> {
  const core = coreName(normalizedName);
  const han = HAN.test(core);
  if ([...core].length < (han ? 3 : 2)) return null;
  const near = await ctx.prisma.customer.findMany({ where: { teamId: ctx.actor.teamId, normalizedName: { contains: core } }, orderBy: { id: 'asc' }, take: 20 });
  return near.find((c) => {
    const theirs = coreName(c.normalizedName);
    return theirs === core || (han && [...core].length >= 4 && theirs.startsWith(core));
  }) ?? null;
}
