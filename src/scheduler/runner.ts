// Runs digest slots exactly once across replicas and the pool rule every hour. Every replica may
// tick; the database decides who does the work (see src/domain/jobs/runs.ts).
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { claimRun, planRun, takeOverStaleRuns, teamsForSchedule, type ClaimedRun } from '../domain/jobs/runs.ts';
import { metrics } from '../observe/metrics.ts';
import type { Notifier, Outbox } from '../intents/delivery.ts';
import type { Logger } from '../logger.ts';
import { digestMessages } from './messages.ts';
import { createOutbox } from './outbox.ts';
import { sweepAndTell } from './pool.ts';
import { latestSlot, stillDue, type DigestKind } from './slots.ts';

export interface RunnerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  notifier: Notifier;
  /** Where digests and the pool rule's notices are written and sent from; by default one over `notifier`. */
  outbox?: Outbox;
  instanceId: string;
  /** A run claimed and not planned this long after its claim is taken over by another replica. */
  leaseMs?: number;
  /** A weekly summary or monthly review sent this long after its slot says it is late. */
  lateAfterMs?: number;
}

const KINDS: DigestKind[] = ['daily', 'weekly', 'monthly'];

export function createRunner(o: RunnerOptions) {
  const prisma = o.db.prisma;
  const leaseMs = o.leaseMs ?? 10 * 60_000;
  const lateAfter = o.lateAfterMs ?? 15 * 60_000;
  const outbox = o.outbox ?? createOutbox({ db: o.db, notifier: o.notifier, log: o.log, instanceId: o.instanceId, now: () => o.clock.now() });

  /**
   * Writes the run's messages to the outbox as it ends, then gives each its first try. Retries are
   * the outbox's (backoff, bounded attempts, a refusal that will not change recorded once, the same
   * dedup key on every try so a door that took a lost one posts nothing twice), resumed by any replica.
   */
  async function deliver(run: ClaimedRun): Promise<void> {
    const messages = await digestMessages(prisma, run.job as DigestKind, run.teamId, run.slot, run.late);
    const ids = await planRun(prisma, { id: run.id, now: o.clock.now() }, [...messages].map(([recipient, message]) => ({ recipient, message })), outbox.instanceId, outbox.leaseMs);
    metrics.digestRuns.inc({ job: run.job, result: 'done' });
    o.log.info({ run: run.id, job: run.job, team: run.teamId, slot: run.slot, messages: ids.length }, 'digest run');
    await outbox.flush(ids).catch((err) => o.log.warn({ err, run: run.id }, 'digest messages left to the outbox sweep'));
  }

  /** Runs the slot if no replica has claimed it yet; returns whether this replica ran it. */
  async function runSlot(kind: DigestKind, teamId: number, slot: Date, late = false): Promise<boolean> {
    // Every replica ticks each minute all day: a plain read spares the insert (and a sequence value)
    // once the slot is taken. The insert below is still what decides between racing replicas.
    if (await prisma.jobRun.findUnique({ where: { job_teamId_slot: { job: kind, teamId, slot } }, select: { id: true } })) return false;
    const run = await claimRun(prisma, { job: kind, teamId, slot, late, claimedBy: o.instanceId, now: o.clock.now() });
    if (!run) return false;
    await deliver(run);
    return true;
  }

  async function resume(): Promise<number> {
    const runs = await takeOverStaleRuns(prisma, o.instanceId, o.clock.now(), leaseMs);
    for (const run of runs) await deliver(run);
    return runs.length;
  }

  /** Every slot due today that nobody has run yet runs now; earlier missed days are skipped and logged. */
  let firstTick = true;
  async function tick(): Promise<void> {
    const now = o.clock.now();
    const starting = firstTick;
    firstTick = false;
    for (const team of await teamsForSchedule(prisma)) {
      for (const kind of KINDS) {
        const { slot, date } = latestSlot(kind, team, now);
        if (!stillDue(date, team, now)) {
          if (starting) o.log.info({ team: team.name, kind, slot }, 'missed slot from an earlier day skipped');
          continue;
        }
        await runSlot(kind, team.id, slot, kind !== 'daily' && now.getTime() - slot.getTime() > lateAfter);
      }
    }
    await resume();
  }

  /** The pool rule for every team; returns how many steps (reminders, notes, returns) it took. */
  async function sweepPool(): Promise<number> {
    const swept = await sweepAndTell({ db: o.db, clock: o.clock, outbox, log: o.log });
    metrics.poolReturns.inc(swept.reduce((n, t) => n + t.events.filter((e) => e.step === 'return').length, 0));
    return swept.reduce((n, t) => n + t.events.length, 0);
  }

  return { runSlot, resume, tick, sweepPool };
}

export type Runner = ReturnType<typeof createRunner>;
