// One person, two doors: `/crm link` on one platform gives a one-time code; typing it on the other
// joins the two CRM users into the one that asked for the code. The typist's rows move to it and
// their user stays, inactive, as the audit trail's "merged into" record.
import { createHash, randomInt } from 'node:crypto';
import { audit, type Tx } from '../audit.ts';
import type { Actor, DomainContext, Role } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { toActor } from './provision.ts';

export const LINK_CODE_MINUTES = 10;
// No 0/O, 1/I/L: read off one screen and typed on another, often a phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** What a person types: case, spaces and dashes do not matter. */
export function normalizeLinkCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export function looksLikeLinkCode(text: string): boolean {
  const code = normalizeLinkCode(text);
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

/** A new code for the actor; earlier unused ones stop working, so only the last one shown counts. */
export async function issueLinkCode(ctx: DomainContext): Promise<{ code: string; expiresAt: Date }> {
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.linkCode.updateMany({ where: { userId: ctx.actor.userId, usedAt: null }, data: { usedAt: now } });
    await tx.linkCode.create({ data: { codeHash: hash(raw), userId: ctx.actor.userId, expiresAt } });
  });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

/**
 * A user as loaded, or, when `/crm link` merged it away, the user it joined: messages queued for
 * the old id and rules about the person follow them there.
 */
export async function followMerge<T extends { active: boolean; mergedIntoId: number | null }>(load: (id: number) => Promise<T | null>, id: number): Promise<T | null> {
  const user = await load(id);
  return user && !user.active && user.mergedIntoId ? load(user.mergedIntoId) : user;
}

const RANK: Record<Role, number> = { rep: 0, manager: 1, admin: 2 };

export interface LinkResult {
  /** The user both identities now belong to (the one who asked for the code). */
  actor: Actor;
  /** How many rows moved from the typist's user, by kind, for the reply and the audit. */
  moved: Record<string, number>;
  platforms: string[];
}

/**
 * The actor typed someone's code: the code's owner keeps their records, team and role (the higher
 * of the two, since the code proves both accounts are one person), and gains the actor's
 * identities and every row the actor's user owned.
 */
export async function redeemLinkCode(ctx: DomainContext, typed: string): Promise<LinkResult> {
  if (!looksLikeLinkCode(typed)) throw invalid('link.bad_code', {});
  const codeHash = hash(normalizeLinkCode(typed));
  const now = ctx.clock.now();
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.linkCode.findUnique({ where: { codeHash } });
    if (!row || row.usedAt || row.expiresAt <= now) throw notFound('link.code_unknown', { minutes: LINK_CODE_MINUTES });
    if (row.userId === ctx.actor.userId) throw invalid('link.same_user', {});
    // One redeemer: a second typist (or a retried delivery racing the first) finds it used.
    const taken = await tx.linkCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
    if (taken.count !== 1) throw notFound('link.code_unknown', { minutes: LINK_CODE_MINUTES });
    const [keep, gone] = await lockPair(tx, row.userId, ctx.actor.userId);
    if (!keep.active) throw notFound('link.code_unknown', { minutes: LINK_CODE_MINUTES });
    if (keep.teamId !== gone.teamId) throw forbidden('link.other_team', { team: keep.team.name });
    const keepIds = await tx.identity.findMany({ where: { userId: keep.id } });
    const goneIds = await tx.identity.findMany({ where: { userId: gone.id } });
    const clash = goneIds.find((g) => keepIds.some((k) => k.platform === g.platform && k.workspaceId === g.workspaceId));
    if (clash) throw conflict('link.same_platform', { platform: clash.platform });

    const moved = await moveRows(tx, gone.id, keep.id);
    const role: Role = RANK[gone.role as Role] > RANK[keep.role as Role] ? (gone.role as Role) : (keep.role as Role);
    const after = await tx.user.update({
      where: { id: keep.id },
      data: {
        role,
        // What the survivor has not set, the merged user may have: the person's own choices.
        timeZone: keep.timeZone ?? gone.timeZone,
        chosenLocale: keep.chosenLocale ?? gone.chosenLocale,
        managerId: keep.managerId !== null && keep.managerId !== gone.id ? keep.managerId : gone.managerId === keep.id ? null : gone.managerId,
        lastDoor: ctx.door === 'slack' || ctx.door === 'feishu' || ctx.door === 'console' ? ctx.door : keep.lastDoor,
      },
      include: { team: true },
    });
    await tx.user.update({ where: { id: gone.id }, data: { active: false, mergedIntoId: keep.id, role: 'rep' } });
    await audit(tx, ctx, { entity: 'user', entityId: keep.id, action: 'link', before: { kept: keep, merged: gone }, after: { user: after, moved } });
    const platforms = [...new Set([...keepIds, ...goneIds].map((i) => i.platform))];
    return { actor: toActor(after), moved, platforms };
  });
}

/** Both rows locked in id order, so two links crossing each other wait rather than deadlock. */
async function lockPair(tx: Tx, keepId: number, goneId: number) {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${keepId}, ${goneId}) ORDER BY "id" FOR UPDATE`;
  const keep = await tx.user.findUniqueOrThrow({ where: { id: keepId }, include: { team: true } });
  const gone = await tx.user.findUniqueOrThrow({ where: { id: goneId }, include: { team: true } });
  return [keep, gone] as const;
}

async function moveRows(tx: Tx, from: number, to: number): Promise<Record<string, number>> {
  const n = async (p: Promise<{ count: number }>) => (await p).count;
  return {
    identities: await n(tx.identity.updateMany({ where: { userId: from }, data: { userId: to } })),
    ownedCustomers: await n(tx.customer.updateMany({ where: { ownerId: from }, data: { ownerId: to } })),
    createdCustomers: await n(tx.customer.updateMany({ where: { createdById: from }, data: { createdById: to } })),
    interactions: await n(tx.interaction.updateMany({ where: { authorId: from }, data: { authorId: to } })),
    ownedTasks: await n(tx.task.updateMany({ where: { ownerId: from }, data: { ownerId: to } })),
    createdTasks: await n(tx.task.updateMany({ where: { createdById: from }, data: { createdById: to } })),
    doneTasks: await n(tx.task.updateMany({ where: { doneById: from }, data: { doneById: to } })),
    quotes: await n(tx.quote.updateMany({ where: { authorId: from }, data: { authorId: to } })),
    decidedQuotes: await n(tx.quote.updateMany({ where: { decidedById: from }, data: { decidedById: to } })),
    // A person cannot be their own manager.
    reports: await n(tx.user.updateMany({ where: { managerId: from, id: { not: to } }, data: { managerId: to } })),
    poolSteps: await n(tx.poolStep.updateMany({ where: { ownerId: from }, data: { ownerId: to } })),
    complaintsOpened: await n(tx.complaint.updateMany({ where: { openedById: from }, data: { openedById: to } })),
    complaintsResolved: await n(tx.complaint.updateMany({ where: { resolvedById: from }, data: { resolvedById: to } })),
    imports: await n(tx.customerImport.updateMany({ where: { createdById: from }, data: { createdById: to } })),
    linkCodes: await n(tx.linkCode.updateMany({ where: { userId: from, usedAt: null }, data: { usedAt: new Date(0) } })),
  };
}
