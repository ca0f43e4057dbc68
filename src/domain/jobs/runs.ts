// Exactly-once for scheduled work across replicas: one row per (job, team, slot), claimed by the
// first replica to insert it; one row per (run, recipient), written before sending, marked after.
import type { PrismaClient } from '../../generated/prisma/client.ts';

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

export async function planDeliveries(prisma: PrismaClient, runId: number, recipients: string[]): Promise<void> {
  if (!recipients.length) return;
  await prisma.jobDelivery.createMany({ data: recipients.map((recipient) => ({ runId, recipient })), skipDuplicates: true });
}

export function unsentDeliveries(prisma: PrismaClient, runId: number, maxAttempts: number) {
  return prisma.jobDelivery.findMany({ where: { runId, status: { in: ['pending', 'failed'] }, attempts: { lt: maxAttempts } }, orderBy: { id: 'asc' } });
}

export async function markSent(prisma: PrismaClient, id: number, now: Date, externalId?: string): Promise<void> {
  await prisma.jobDelivery.update({ where: { id }, data: { status: 'sent', sentAt: now, attempts: { increment: 1 }, externalId } });
}

/** `giveUpAt` (the attempt limit) marks a failure that will not change as used up, so it is not retried. */
export async function markFailed(prisma: PrismaClient, id: number, error: string, giveUpAt?: number): Promise<void> {
  const attempts = giveUpAt === undefined ? { increment: 1 } : giveUpAt;
  await prisma.jobDelivery.update({ where: { id }, data: { status: 'failed', attempts, lastError: (giveUpAt === undefined ? error : `not retried: ${error}`).slice(0, 500) } });
}

/** Done when nothing is left to send (or what is left has used up its attempts). */
export async function finishIfComplete(prisma: PrismaClient, runId: number, now: Date, maxAttempts: number): Promise<boolean> {
  const left = await prisma.jobDelivery.count({ where: { runId, status: { in: ['pending', 'failed'] }, attempts: { lt: maxAttempts } } });
  if (left) return false;
  await prisma.jobRun.update({ where: { id: runId }, data: { status: 'done', finishedAt: now } });
  return true;
}

export function teamsForSchedule(prisma: PrismaClient) {
  return prisma.team.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, timeZone: true, locale: true, workdayStartMinute: true, workdays: true } });
}
