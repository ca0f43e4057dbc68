import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import schedule from 'node-schedule';
import type { AppContext } from '../app/context.ts';
import { createRunner } from './runner.ts';

/**
 * node-schedule fires the timers: a tick every minute claims whatever slot is due (so a process that
 * starts at 11:00 still sends the 09:00 list once), and an hourly sweep applies the pool rule.
 */
export async function startScheduler(app: AppContext): Promise<{ stop(): Promise<void> }> {
  const runner = createRunner({ db: app.db, clock: app.clock, log: app.log, notifier: app.notifier, instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` });
  let busy = false;
  const guarded = (name: string, fn: () => Promise<unknown>) => async () => {
    // One tick at a time per process; a slow chat API must not pile ticks up.
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch (err) {
      app.log.error({ err, job: name }, 'scheduled job failed');
    } finally {
      busy = false;
    }
  };
  const jobs = [schedule.scheduleJob('* * * * *', guarded('digests', runner.tick)), schedule.scheduleJob('7 * * * *', guarded('pool', runner.sweepPool))];
  await guarded('catch-up', runner.tick)();
  return {
    async stop() {
      for (const j of jobs) j?.cancel();
    },
  };
}
