// The import itself: the plan's rows in batches, each batch in one transaction (customers, their
// contacts and audit rows written with multi-row inserts). Rows that match a customer are skipped,
// or with `merge` fill only the fields that customer has empty and add a contact it lacks. A second
// import of the same file finds every row already there and writes nothing.
import { Prisma, type Channel, type Team } from '../../../generated/prisma/client.ts';
import { toJson } from '../../audit.ts';
import type { DomainContext } from '../../context.ts';
import { normalizeEmail, normalizePhone } from '../../text/normalize.ts';
import { localDateOf } from '../../time/zone.ts';
import type { Plan, PlannedRow, RowData } from './plan.ts';

export const BATCH = 500;

export interface RunResult {
  created: number;
  merged: number;
  skipped: number;
  refused: number;
  contactsAdded: number;
}

type Tx = Prisma.TransactionClient;

function columnsOf(d: RowData): Prisma.CustomerUncheckedCreateInput extends infer T ? Partial<T> : never {
  return {
    ...(d.aliases ? { aliases: d.aliases } : {}),
    ...(d.industry ? { industry: d.industry } : {}),
    ...(d.size ? { size: d.size } : {}),
    ...(d.mainBusiness ? { mainBusiness: d.mainBusiness } : {}),
    ...(d.region ? { region: d.region } : {}),
    ...(d.address ? { address: d.address } : {}),
    ...(d.founded ? { founded: d.founded } : {}),
    ...(d.tier ? { tier: d.tier } : {}),
    ...(d.status ? { status: d.status } : {}),
    ...(d.source ? { source: d.source as Prisma.CustomerUncheckedCreateInput['source'] } : {}),
    ...(d.referrer ? { referrer: d.referrer } : {}),
    ...(d.firstContact ? { firstContactOn: new Date(`${d.firstContact}T00:00:00Z`) } : {}),
    ...(d.needs ? { needs: d.needs } : {}),
    ...(d.budget ? { budgetMinMinor: BigInt(d.budget.minMinor), budgetMaxMinor: BigInt(d.budget.maxMinor), budgetCurrency: d.budget.currency } : {}),
    ...(d.decisionChain ? { decisionChain: d.decisionChain } : {}),
    ...(d.tags ? { tags: d.tags } : {}),
  };
}

/** Hands out `n` codes of the team's day in one statement, past any code already kept for that day. */
async function allocateCodes(tx: Tx, now: Date, timeZone: string, n: number): Promise<string[]> {
  if (n === 0) return [];
  const d = localDateOf(now, timeZone);
  const day = `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  const [row] = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO "CustomerCodeCounter" ("day", "last") VALUES (${day}, ${n})
    ON CONFLICT ("day") DO UPDATE SET "last" = "CustomerCodeCounter"."last" + ${n}
    RETURNING "last"`;
  const last = Number(row!.last);
  return Array.from({ length: n }, (_, i) => `CUS${day}${String(last - n + 1 + i).padStart(3, '0')}`);
}

/** A kept code must never be handed out again by the day's counter. */
async function reserveKeptCodes(tx: Tx, codes: string[]): Promise<void> {
  const byDay = new Map<string, number>();
  for (const c of codes) {
    const m = /^CUS(\d{8})(\d+)$/.exec(c);
    if (m) byDay.set(m[1]!, Math.max(byDay.get(m[1]!) ?? 0, Number(m[2])));
  }
  for (const [day, seq] of byDay) {
    await tx.$executeRaw`
      INSERT INTO "CustomerCodeCounter" ("day", "last") VALUES (${day}, ${seq})
      ON CONFLICT ("day") DO UPDATE SET "last" = GREATEST("CustomerCodeCounter"."last", ${seq})`;
  }
}

function contactRow(customerId: number, c: NonNullable<RowData['contact']>, fallbackName: string, isPrimary: boolean): Prisma.ContactCreateManyInput {
  return {
    customerId,
    name: c.name ?? fallbackName,
    title: c.title ?? null,
    phone: c.phone ?? null,
    normalizedPhone: normalizePhone(c.phone),
    email: normalizeEmail(c.email),
    preferredChannel: (c.preferredChannel as Channel | undefined) ?? null,
    birthday: c.birthday ?? null,
    isPrimary,
  };
}

export async function runPlan(ctx: DomainContext, team: Team, plan: Plan, opts: { merge: boolean; importId?: number }): Promise<RunResult> {
  const result: RunResult = { created: 0, merged: 0, skipped: 0, refused: plan.counts.refuse, contactsAdded: 0 };
  const now = ctx.clock.now();
  const today = localDateOf(now, team.timeZone);
  const todayDate = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const actorId = ctx.actor.userId || null;
  // Customers made from earlier rows, for the rows of the file that add to them.
  const madeFromRow = new Map<number, number>();
  const live = plan.rows.filter((r) => r.action !== 'refuse');
  for (let i = 0; i < live.length; i += BATCH) {
    const batch = live.slice(i, i + BATCH);
    await ctx.prisma.$transaction(
      async (tx) => {
        const creates = batch.filter((r) => r.action === 'create');
        const newCodes = await allocateCodes(tx, now, team.timeZone, creates.filter((r) => !r.data!.code).length);
        await reserveKeptCodes(tx, creates.flatMap((r) => (r.data!.code ? [r.data!.code] : [])));
        let next = 0;
        const made = await insertCustomers(
          tx,
          creates.map((r) => {
            const d = r.data!;
            const ownerId = d.ownerId ?? null;
            return { d, code: d.code ?? newCodes[next++]!, ownerId };
          }),
          { teamId: team.id, actorId, now, todayDate },
        );
        const contacts: Prisma.ContactCreateManyInput[] = [];
        made.forEach((c, j) => {
          const r = creates[j]!;
          madeFromRow.set(r.row, c.id);
          if (r.data!.contact) contacts.push(contactRow(c.id, r.data!.contact, r.data!.name, true));
        });
        await insertAudits(
          tx,
          made.map((c, j) => ({ entityId: String(c.id), after: toJson({ ...c, import: opts.importId ?? null, row: creates[j]!.row }) })),
          { actorId, door: ctx.door, now },
        );
        for (const r of batch) {
          if (r.action === 'create') continue;
          const targetId = r.action === 'same' ? madeFromRow.get(r.sameAs!) : r.match!.id;
          if (targetId === undefined) {
            // The earlier row was itself a match: this row follows it.
            result.skipped++;
            continue;
          }
          if (r.action === 'match' && !opts.merge) {
            result.skipped++;
            continue;
          }
          const added = await mergeInto(tx, ctx, targetId, r, contacts);
          if (r.action === 'match') result.merged++;
          result.contactsAdded += added;
        }
        await insertContacts(tx, contacts);
        result.created += made.length;
        result.contactsAdded += made.filter((_, j) => creates[j]!.data!.contact).length;
      },
      { timeout: 120_000 },
    );
  }
  return result;
}

/** Fills the empty fields of a customer from a row and queues the row's contact if it has no such person. Returns contacts added. */
async function mergeInto(tx: Tx, ctx: DomainContext, customerId: number, r: PlannedRow, queued: Prisma.ContactCreateManyInput[]): Promise<number> {
  const d = r.data!;
  const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: { contacts: true } });
  const fill: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(columnsOf(d))) {
    const cur = (before as Record<string, unknown>)[k];
    const empty = cur === null || cur === undefined || (Array.isArray(cur) && cur.length === 0);
    // tier/status/source always have a value; they are kept, not overwritten by a merge.
    if (empty) fill[k] = v;
  }
  if (Object.keys(fill).length) {
    const after = await tx.customer.update({ where: { id: customerId }, data: fill });
    await tx.auditEvent.create({ data: { actorId: ctx.actor.userId || null, door: ctx.door, entity: 'customer', entityId: String(customerId), action: 'import_merge', before: toJson(before), after: toJson(after), at: ctx.clock.now() } });
  }
  const c = d.contact;
  if (!c) return 0;
  const phone = normalizePhone(c.phone);
  const email = normalizeEmail(c.email);
  const all = [...before.contacts.map((k) => ({ name: k.name, normalizedPhone: k.normalizedPhone, email: k.email })), ...queued.filter((q) => q.customerId === customerId)];
  const known = all.some((k) => (phone && k.normalizedPhone === phone) || (email && k.email === email) || (c.name && k.name === c.name && !phone && !email));
  if (known) return 0;
  queued.push(contactRow(customerId, c, d.name, all.length === 0));
  return 1;
}

// Each batch's rows go to PostgreSQL as one JSON parameter, expanded by jsonb_to_recordset: a
// multi-row VALUES with ~27 parameters a row cost PostgreSQL (and Prisma) far more to take in than the
// rows cost to write (2 of the 3.5 s the writes of 5,000 rows took), and one parameter works the same on PGlite.
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const json = (rows: object[]) => JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

async function insertCustomers(
  tx: Tx,
  rows: Array<{ d: RowData; code: string; ownerId: number | null }>,
  at: { teamId: number; actorId: number | null; now: Date; todayDate: Date },
): Promise<Array<{ id: number; code: string; ownerId: number | null; status: string; tier: string }>> {
  if (!rows.length) return [];
  const records = rows.map(({ d, code, ownerId }) => {
    const c = columnsOf(d);
    const day = (c.firstContactOn as Date | undefined) ?? at.todayDate;
    return {
      code, name: d.name, normalizedName: d.normalizedName, aliases: c.aliases ?? [], industry: c.industry ?? null, size: c.size ?? null, mainBusiness: c.mainBusiness ?? null,
      region: c.region ?? null, address: c.address ?? null, founded: c.founded ?? null, source: c.source ?? 'other', referrer: c.referrer ?? null, firstContactOn: day.toISOString().slice(0, 10),
      needs: c.needs ?? null, budgetMinMinor: c.budgetMinMinor ?? null, budgetMaxMinor: c.budgetMaxMinor ?? null, budgetCurrency: c.budgetCurrency ?? null, decisionChain: c.decisionChain ?? null,
      tier: c.tier ?? 'C', status: c.status ?? 'lead', tags: c.tags ?? [], ownerId,
    };
  });
  const made = await tx.$queryRaw<Array<{ id: number; code: string; ownerId: number | null; status: string; tier: string }>>`
    INSERT INTO "Customer" ("code", "name", "normalizedName", "aliases", "industry", "size", "mainBusiness", "region", "address", "founded", "source", "referrer",
      "firstContactOn", "needs", "budgetMinMinor", "budgetMaxMinor", "budgetCurrency", "decisionChain", "tier", "status", "tags", "teamId", "ownerId",
      "ownerAssignedAt", "createdById", "createdAt", "updatedAt")
    SELECT r."code", r."name", r."normalizedName", ARRAY(SELECT jsonb_array_elements_text(r."aliases")), r."industry", r."size", r."mainBusiness", r."region", r."address", r."founded",
      r."source"::"CustomerSource", r."referrer", r."firstContactOn", r."needs", r."budgetMinMinor", r."budgetMaxMinor", r."budgetCurrency", r."decisionChain",
      r."tier"::"Tier", r."status"::"CustomerStatus", ARRAY(SELECT jsonb_array_elements_text(r."tags")), ${at.teamId}, r."ownerId",
      CASE WHEN r."ownerId" IS NULL THEN NULL ELSE ${ts(at.now)} END, ${at.actorId}::int, ${ts(at.now)}, ${ts(at.now)}
    FROM jsonb_to_recordset(${json(records)}::jsonb) AS r("code" text, "name" text, "normalizedName" text, "aliases" jsonb, "industry" text, "size" text, "mainBusiness" text,
      "region" text, "address" text, "founded" text, "source" text, "referrer" text, "firstContactOn" date, "needs" text, "budgetMinMinor" bigint, "budgetMaxMinor" bigint,
      "budgetCurrency" text, "decisionChain" text, "tier" text, "status" text, "tags" jsonb, "ownerId" int)
    RETURNING "id", "code", "ownerId", "status"::text AS "status", "tier"::text AS "tier"`;
  // Codes are unique: the rows come back in the order they were given, whatever order the server returned them in.
  const byCode = new Map(made.map((m) => [m.code, m]));
  return rows.map((r) => byCode.get(r.code)!);
}

async function insertContacts(tx: Tx, rows: Prisma.ContactCreateManyInput[]): Promise<void> {
  if (!rows.length) return;
  const now = new Date();
  const records = rows.map((k) => ({ customerId: k.customerId, name: k.name, title: k.title ?? null, phone: k.phone ?? null, normalizedPhone: k.normalizedPhone ?? null, email: k.email ?? null, preferredChannel: k.preferredChannel ?? null, birthday: k.birthday ?? null, isPrimary: k.isPrimary ?? false }));
  await tx.$executeRaw`
    INSERT INTO "Contact" ("customerId", "name", "title", "phone", "normalizedPhone", "email", "preferredChannel", "birthday", "isPrimary", "createdAt", "updatedAt")
    SELECT r."customerId", r."name", r."title", r."phone", r."normalizedPhone", r."email", r."preferredChannel"::"Channel", r."birthday", r."isPrimary", ${ts(now)}, ${ts(now)}
    FROM jsonb_to_recordset(${json(records)}::jsonb) AS r("customerId" int, "name" text, "title" text, "phone" text, "normalizedPhone" text, "email" text, "preferredChannel" text, "birthday" text, "isPrimary" boolean)`;
}

async function insertAudits(tx: Tx, rows: Array<{ entityId: string; after: Prisma.InputJsonValue | undefined }>, at: { actorId: number | null; door: string; now: Date }): Promise<void> {
  if (!rows.length) return;
  const records = rows.map((r) => ({ entityId: r.entityId, after: r.after ?? null }));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "door", "entity", "entityId", "action", "after", "at")
    SELECT ${at.actorId}::int, ${at.door}::"Door", 'customer', r."entityId", 'create', r."after", ${ts(at.now)}
    FROM jsonb_to_recordset(${json(records)}::jsonb) AS r("entityId" text, "after" jsonb)`;
}
