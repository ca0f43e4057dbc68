import type { Prisma } from '../generated/prisma/client.ts';
import type { DomainContext } from './context.ts';

export type Tx = Prisma.TransactionClient;

/** JSON-safe copy of a row: BigInt money as strings, dates as ISO text. */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Every change leaves a trail: who, through which door, what it was before and after. Call inside the change's transaction. */
export async function audit(
  tx: Tx,
  ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>,
  entry: { entity: string; entityId: string | number; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(ctx, entry) });
}

type Entry = { entity: string; entityId: string | number; action: string; before?: unknown; after?: unknown };

function auditRow(ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>, entry: Entry) {
  return {
    actorId: ctx.actor.userId || null,
    door: ctx.door,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    before: toJson(entry.before),
    after: toJson(entry.after),
    at: ctx.clock.now(),
  };
}

/** Several audit rows of one change in one statement (ids in the order given). */
export async function auditAll(tx: Tx, ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>, entries: Entry[]): Promise<void> {
  if (entries.length) await tx.auditEvent.createMany({ data: entries.map((e) => auditRow(ctx, e)) });
}
