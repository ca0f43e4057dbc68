// Scores that went stale with no change to their customer: the team changed the weights or the
// threshold, a customer came in by import (never scored), or time alone moved a contact past the
// 7- or 30-day line the rule reads. The hourly sweep rescores exactly those, in batches, through the
// same rescore() a command uses, so a lead that now reaches the threshold is handed off as always.
// Not covered: a source's conversion rate moving as other customers close (it feeds in at the next change).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { systemActor, type Clock } from '../context.ts';
import { collectHandoffs, type HandoffEvent } from './effects.ts';
import { rescore } from './rescore.ts';

const BATCH = 100;

/** Open customers (lead, intent) whose stored score may no longer be what the rule gives now, oldest id first. */
export async function staleScores(prisma: PrismaClient, teamId: number, now: Date, limit: number): Promise<number[]> {
  // scoredAt moves only when a score changes, so it is at or before the last computation: the
  // windows below are then a superset of the contacts that crossed a line since, never fewer.
  const rows = await prisma.$queryRaw<Array<{ id: number }>>`
    SELECT c.id FROM "Customer" c JOIN "Team" t ON t.id = c."teamId"
    WHERE c."teamId" = ${teamId} AND c.status IN ('lead', 'intent')
      AND (c."scoredAt" IS NULL OR c."scoredAt" < t."scoreSettingsAt" OR EXISTS (
        SELECT 1 FROM "Interaction" i WHERE i."customerId" = c.id AND (
          (i."occurredAt" > c."scoredAt" - interval '7 days' AND i."occurredAt" <= ${now}::timestamp - interval '7 days')
          OR (i."occurredAt" > c."scoredAt" - interval '30 days' AND i."occurredAt" <= ${now}::timestamp - interval '30 days'))))
    ORDER BY c.id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Rescores up to `limit` stale customers of one team, a batch per transaction; `owe` writes the
 * notices of the batch's hand-offs inside that transaction (the outbox), so none is lost or doubled.
 */
export async function rescoreStale(
  prisma: PrismaClient,
  clock: Clock,
  teamId: number,
  owe?: (tx: PrismaClient, handoffs: HandoffEvent[]) => Promise<void>,
  limit = 100_000,
): Promise<{ rescored: number; handoffs: HandoffEvent[] }> {
  const now = clock.now();
  const ids = await staleScores(prisma, teamId, now, limit);
  const ctx = { actor: systemActor(teamId), door: 'system' as const, clock };
  const all: HandoffEvent[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const handoffs = await prisma.$transaction(async (tx) => {
      const { handoffs } = await collectHandoffs(async () => {
        for (const id of batch) await rescore(tx, ctx, id);
      });
      // Scored now, changed or not: the next sweep looks only at what moves after this.
      await tx.customer.updateMany({ where: { id: { in: batch } }, data: { scoredAt: now } });
      if (handoffs.length && owe) await owe(tx as unknown as PrismaClient, handoffs);
      return handoffs;
    });
    all.push(...handoffs);
  }
  return { rescored: ids.length, handoffs: all };
}
