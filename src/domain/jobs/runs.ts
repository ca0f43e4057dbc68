// Exactly-once for scheduled work across replicas: one row per (job, team, slot), claimed by the
// first replica to insert it; its messages are outbox rows (src/domain/outbox/store.ts), one per
// recipient, written when the run is planned and delivered by the outbox like every owed message.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { nestable, type Tx } from '../db/transaction.ts';
import { enqueue } from '../outbox/store.ts';

export interface ClaimedRun {
  id: number;
  job: string;
  teamId: number;
  slot: Date;
  late: boolean;
}

export async function claimRun(prisma: PrismaClient, run: { job: string; teamId: number; slot: Date; late: boolean; claimedBy: string; now: Date }): Promise<ClaimedRun | null> {
  const rows = await prisma.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "JobRun" ("job", "teamId", "slot", "late", "claimedBy", "startedAt", "status")
    VALUES (${run.job}, ${run.teamId}, ${run.slot}, ${run.late}, ${run.claimedBy}, ${run.now}, 'running')
    ON CONFLICT ("job", "teamId", "slot") DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id;
  return id === undefined ? null : { id, job: run.job, teamId: run.teamId, slot: run.slot, late: run.late };
}

/** Runs another replica claimed and left unfinished longer than the lease: taken over, one taker each. */
export async function takeOverStaleRuns(prisma: PrismaClient, claimedBy: string, now: Date, leaseMs: number): Promise<ClaimedRun[]> {
  const stale = await prisma.jobRun.findMany({ where: { status: 'running', startedAt: { lt: new Date(now.getTime() - leaseMs) } }, orderBy: { id: 'asc' } });
  const taken: ClaimedRun[] = [];
  for (const r of stale) {
    const ok = await prisma.jobRun.updateMany({ where: { id: r.id, status: 'running', startedAt: r.startedAt }, data: { claimedBy, startedAt: now } });
    if (ok.count) taken.push({ id: r.id, job: r.job, teamId: r.teamId, slot: r.slot, late: r.late });
  }
  return taken;
}

/**
 * A run's messages become outbox rows (key `job:<run>:<recipient>`, the dedup key on every try) in
 * one transaction with the run's end: from then on the outbox delivers them, with its leases,
 * backoff and dedup, on whichever replica is up; a run that crashed before this is taken over whole.
 * Returns the rows written now (leased to `leasedBy`, to be sent right away).
 */
export async function planRun(prisma: PrismaClient, run: { id: number; now: Date }, messages: Array<{ recipient: string; message: unknown }>, leasedBy: string, leaseMs: number): Promise<number[]> {
  return prisma.$transaction(async (tx: Tx) => {
    const ids = await enqueue(nestable(tx), messages.map((m) => ({ key: `job:${run.id}:${m.recipient}`, message: m.message })), leasedBy, leaseMs);
    await tx.jobRun.update({ where: { id: run.id }, data: { status: 'done', finishedAt: run.now } });
    return ids;
  });
}

export function teamsForSchedule(prisma: PrismaClient) {
  return prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, timeZone: true, locale: true, workdayStartMinute: true, workdays: true } });
}
