// The scheduler as the start command runs it, with a hand-driven timer and clock: catch-up at
// start, each minute's tick across a DST change in New York, the hourly pool sweep, stop.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import type { Notifier } from '../../src/intents/delivery.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScheduler, type Timer } from '../../src/scheduler/start.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { HOUR, makeTeam, makeUser, TestClock } from '../support/fixtures.ts';

class HandTimer implements Timer {
  jobs = new Map<string, () => Promise<void>>();
  every(cron: string, fn: () => Promise<void>) {
    this.jobs.set(cron, fn);
    return { cancel: () => void this.jobs.delete(cron) };
  }
}

describeEngines('scheduler started by the app', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('catches up at start, ticks at 09:00 local on both sides of the DST change, sweeps the pool hourly, stops', async () => {
    const sent: OutboundMessage[] = [];
    const notifier: Notifier = { deliver: async (m) => (sent.push(m), []) };
    // Friday 2026-10-30 10:00 EDT: today's 09:00 list is owed.
    const clock = new TestClock(new Date('2026-10-30T14:00:00Z'));
    const team = await makeTeam(db, { timeZone: 'America/New_York' });
    const rep = await makeUser(db, team.id, { name: 'Rep' });
    // An open task keeps the rep's list non-empty every day.
    await db.prisma.task.create({ data: { title: 'Call back', teamId: team.id, ownerId: rep.id, dueAt: new Date('2026-10-29T16:00:00Z') } });
    const timer = new HandTimer();
    const scheduler = await startScheduler({ db, clock, log: silentLogger, notifier }, { timer, instanceId: 'only' });
    const runs = () => db.prisma.jobRun.findMany({ where: { teamId: team.id }, orderBy: { id: 'asc' } });
    expect((await runs()).map((r) => [r.job, r.slot.toISOString()])).toEqual([['daily', '2026-10-30T13:00:00.000Z']]);
    expect(sent.length).toBe(1);

    const tick = async (iso: string) => {
      clock.set(iso);
      await timer.jobs.get('* * * * *')!();
    };
    // The clocks go back on Sunday 2026-11-01. Monday 08:59 EST is 13:59Z: nothing yet (09:00 EDT would have been 13:00Z).
    await tick('2026-11-02T13:59:00Z');
    expect((await runs()).length).toBe(1);
    await tick('2026-11-02T14:00:00Z');
    await tick('2026-11-02T14:01:00Z');
    expect((await runs()).map((r) => [r.job, r.slot.toISOString()])).toEqual([
      ['daily', '2026-10-30T13:00:00.000Z'],
      ['daily', '2026-11-02T14:00:00.000Z'],
      ['weekly', '2026-11-02T14:00:00.000Z'],
      // Monday 2 November is also the month's first workday: October's review goes out beside the weekly one.
      ['monthly', '2026-11-02T14:00:00.000Z'],
    ]);
    expect((await runs()).find((r) => r.job === 'weekly')?.late).toBe(false);

    // The hourly sweep returns a lead its owner left alone for 48 hours.
    const lead = await db.prisma.customer.create({ data: { code: 'L1', name: 'Quiet Lead', normalizedName: 'quiet lead', tier: 'A', teamId: team.id, ownerId: rep.id, ownerAssignedAt: new Date(clock.now().getTime() - 50 * HOUR) } });
    await timer.jobs.get('7 * * * *')!();
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBeNull();
    expect(sent.some((m) => 'userId' in m.to && m.to.userId === rep.id && m.reply.text?.includes('Quiet Lead'))).toBe(true);

    await scheduler.stop();
    expect(timer.jobs.size).toBe(0);
  });

  it('with no chat door (the console) it still runs the pool rule: at start and hourly, no digests', async () => {
    const sent: OutboundMessage[] = [];
    const notifier: Notifier = { deliver: async (m) => (sent.push(m), []) };
    const clock = new TestClock(new Date('2026-11-23T03:00:00Z'));
    const team = await makeTeam(db);
    const rep = await makeUser(db, team.id, { name: 'Console Rep' });
    const lead = await db.prisma.customer.create({ data: { code: 'L2', name: 'Console Lead', normalizedName: 'console lead', tier: 'A', teamId: team.id, ownerId: rep.id, ownerAssignedAt: new Date(clock.now().getTime() - 30 * HOUR) } });
    const timer = new HandTimer();
    const scheduler = await startScheduler({ db, clock, log: silentLogger, notifier }, { timer, instanceId: 'console', digests: false });
    // The pool rule, the churn rule, rescoring, the outbox sweep and retention run with any door; digests only with a chat door.
    expect([...timer.jobs.keys()].sort()).toEqual(['*/5 * * * * *', '17 * * * *', '27 * * * *', '37 * * * *', '7 * * * *']);
    expect(await db.prisma.jobRun.count({ where: { teamId: team.id } })).toBe(0);
    expect(sent.map((m) => m.reply.title)).toEqual(['Lead waiting for you']);
    clock.advance(20 * HOUR);
    await timer.jobs.get('7 * * * *')!();
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBeNull();
    expect(sent.map((m) => m.reply.title)).toEqual(['Lead waiting for you', 'Lead returned to the pool', 'Back in the pool']);
    await scheduler.stop();
  });
});
