// Runs digest slots exactly once across replicas and the pool rule every hour. Every replica may
// tick; the database decides who does the work (see src/domain/jobs/runs.ts).
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import { claimRun, finishIfComplete, markFailed, markSent, planDeliveries, takeOverStaleRuns, teamsForSchedule, unsentDeliveries, type ClaimedRun } from '../domain/jobs/runs.ts';
import { metrics } from '../observe/metrics.ts';
import type { Notifier, Outbox } from '../intents/delivery.ts';
import type { Logger } from '../logger.ts';
import { digestMessages } from './messages.ts';
import { createOutbox } from './outbox.ts';
import { sweepAndTell } from './pool.ts';
import { isRetryable } from './retry.ts';
import { latestSlot, stillDue, type DigestKind } from './slots.ts';

export interface RunnerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  notifier: Notifier;
  /** Where the pool rule's notices are written with their steps; by default one over `notifier`. */
  outbox?: Outbox;
  instanceId: string;
  /** A run unfinished this long after its claim is taken over by another replica. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Wait before retry n (1-based); bounded so one failing chat API cannot stall the others for long. */
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  /** A weekly summary or monthly review sent this long after its slot says it is late. */
  lateAfterMs?: number;
}

const KINDS: DigestKind[] = ['daily', 'weekly', 'monthly'];

export function createRunner(o: RunnerOptions) {
  const prisma = o.db.prisma;
  const leaseMs = o.leaseMs ?? 10 * 60_000;
  const maxAttempts = o.maxAttempts ?? 5;
  const backoff = o.backoffMs ?? ((n: number) => Math.min(30_000, 1000 * 2 ** (n - 1)));
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lateAfter = o.lateAfterMs ?? 15 * 60_000;
  const outbox = o.outbox ?? createOutbox({ db: o.db, notifier: o.notifier, log: o.log, instanceId: o.instanceId, now: () => o.clock.now() });

  /**
   * Sends every unsent delivery of the run. Failures are retried in rounds: everyone else is tried
   * first, then the failed ones again after a bounded backoff, so one failing recipient delays only
   * itself. The dedup key is the same on every try, so a door that took a message whose answer got
   * lost posts nothing twice.
   */
  async function deliver(run: ClaimedRun): Promise<void> {
    const messages = await digestMessages(prisma, run.job as DigestKind, run.teamId, run.slot, run.late);
    await planDeliveries(prisma, run.id, [...messages.keys()]);
    let pending = await unsentDeliveries(prisma, run.id, maxAttempts);
    for (let round = 1; pending.length; round++) {
      const again: typeof pending = [];
      for (const d of pending) {
        const message = messages.get(d.recipient);
        if (!message) {
          // Nothing to say to this recipient any more (e.g. their list emptied before a resume).
          await markSent(prisma, d.id, o.clock.now(), 'nothing-to-send');
          continue;
        }
        try {
          // A try before this one may have reached some doors: they look for their copy first.
          const refs = await o.notifier.deliver(message, `${run.id}:${d.recipient}`, { maybeSent: d.attempts > 0 });
          await markSent(prisma, d.id, o.clock.now(), refs[0]?.messageId);
        } catch (err) {
          const retry = isRetryable(err);
          await markFailed(prisma, d.id, (err as Error)?.message ?? String(err), retry ? undefined : maxAttempts);
          o.log.warn({ err, run: run.id, recipient: d.recipient, attempt: d.attempts + 1, retry }, 'digest delivery failed');
          if (retry && d.attempts + 1 < maxAttempts) again.push({ ...d, attempts: d.attempts + 1 });
        }
      }
      if (!again.length) break;
      await sleep(backoff(round));
      pending = again;
    }
    const done = await finishIfComplete(prisma, run.id, o.clock.now(), maxAttempts);
    metrics.digestRuns.inc({ job: run.job, result: done ? 'done' : 'incomplete' });
    o.log.info({ run: run.id, job: run.job, team: run.teamId, slot: run.slot, done }, 'digest run');
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
