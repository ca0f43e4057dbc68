import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import schedule from 'node-schedule';
import type { Clock } from '../domain/context.ts';
import type { Database } from '../domain/db/database.ts';
import type { Notifier } from '../intents/delivery.ts';
import type { Logger } from '../logger.ts';
import { pruneDeliveries } from '../domain/outbox/store.ts';
import { createOutbox } from './outbox.ts';
import { sweepChurnAndTell } from './churn.ts';
import { rescoreAndTell } from './rescore.ts';
import { createRunner, type RunnerOptions } from './runner.ts';

/** The only thing node-schedule does for us: call back on a cron pattern. Tests pass their own. */
export interface Timer {
  every(cron: string, fn: () => Promise<void>): { cancel(): void };
}

export const nodeScheduleTimer: Timer = {
  every(cron, fn) {
    const job = schedule.scheduleJob(cron, () => void fn());
    return { cancel: () => void job?.cancel() };
  },
};

export interface SchedulerOptions extends Partial<Pick<RunnerOptions, 'instanceId' | 'leaseMs'>> {
  timer?: Timer;
  /** False runs only the pool rule (the console door has no channel digests to send). */
  digests?: boolean;
}

/**
 * A tick every minute claims whatever slot is due by each team's wall clock (so a process that
 * starts at 11:00 still sends the 09:00 list once, and DST never moves a slot), and an hourly sweep
 * applies the pool rule. Slot times come from src/scheduler/slots.ts, not from the cron pattern.
 */
/** Takes the AppContext (src/app/context.ts); only these four parts are used. */
export async function startScheduler(
  app: { db: Database; clock: Clock; log: Logger; notifier: Notifier; outbox?: ReturnType<typeof createOutbox> },
  opts: SchedulerOptions = {},
): Promise<{ stop(): Promise<void> }> {
  const { timer = nodeScheduleTimer, digests: withDigests = true, ...runnerOpts } = opts;
  // Owed messages whose first try failed (or whose replica died) go out from here, on any replica;
  // the pool rule's notices are written to the same outbox.
  const outbox = app.outbox ?? createOutbox({ db: app.db, notifier: app.notifier, log: app.log, now: () => app.clock.now() });
  const runner = createRunner({
    db: app.db,
    clock: app.clock,
    log: app.log,
    notifier: app.notifier,
    outbox,
    ...runnerOpts,
    instanceId: runnerOpts.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  const running = new Map<string, Promise<void>>();
  const guarded = (name: string, fn: () => Promise<unknown>) => (): Promise<void> => {
    // One of each job at a time per process: a slow chat API must not pile ticks up, and a busy
    // digest tick must not swallow the hourly pool sweep.
    if (running.has(name)) return running.get(name)!;
    const p = fn()
      .then(() => undefined)
      .catch((err) => app.log.error({ err, job: name }, 'scheduled job failed'))
      .finally(() => running.delete(name));
    running.set(name, p);
    return p;
  };
  const digests = guarded('digests', runner.tick);
  const pool = guarded('pool', runner.sweepPool);
  const sweep = guarded('outbox', outbox.sweep);
  // Delivery keys are kept past every platform's retry window (Feishu: about 7 hours), then dropped.
  const churn = guarded('churn', () => sweepChurnAndTell({ db: app.db, clock: app.clock, outbox, log: app.log }));
  const rescore = guarded('rescore', () => rescoreAndTell({ db: app.db, clock: app.clock, outbox, log: app.log }));
  const retention = guarded('retention', async () => app.log.info(await pruneDeliveries(app.db.prisma), 'pruned delivery keys and sent messages'));
  const jobs = [
    ...(withDigests ? [timer.every('* * * * *', digests)] : []),
    timer.every('7 * * * *', pool),
    timer.every('17 * * * *', churn),
    timer.every('27 * * * *', rescore),
    timer.every('*/5 * * * * *', sweep),
    timer.every('37 * * * *', retention),
  ];
  if (withDigests) await digests(); // catch-up at start
  else await pool(); // the pool rule is a domain rule: it catches up with any door, the console included
  return {
    async stop() {
      for (const j of jobs) j.cancel();
      await Promise.all(running.values());
    },
  };
}
