// The monthly digest on a simulated clock: the team's first workday of the month at its digest hour
// (09:00 Asia/Shanghai), once across two replicas ticking together, marked late when a replica
// catches up hours after the slot, skipped when the day has passed; the review covers the month before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import type { Notifier } from '../../src/intents/delivery.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { createRunner } from '../../src/scheduler/runner.ts';
import { isSlotDay, latestSlot } from '../../src/scheduler/slots.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { makeTeam, makeUser, TestClock } from '../support/fixtures.ts';

class Chat implements Notifier {
  sent: OutboundMessage[] = [];
  async deliver(message: OutboundMessage) {
    this.sent.push(message);
    return [{ platform: 'console' as const, workspaceId: '', channelId: 'c', messageId: String(this.sent.length) }];
  }
  monthly() {
    return this.sent.filter((m) => m.reply.title?.startsWith('Team monthly review'));
  }
}

describe('the month’s first workday', () => {
  const d = (year: number, month: number, day: number) => ({ year, month, day });
  it('is the first day of the month the team works', () => {
    // November 2026 starts on a Sunday, December on a Tuesday, August on a Saturday.
    expect([1, 2, 3].filter((day) => isSlotDay('monthly', d(2026, 11, day)))).toEqual([2]);
    expect([1, 2].filter((day) => isSlotDay('monthly', d(2026, 12, day)))).toEqual([1]);
    expect([1, 2, 3, 4].filter((day) => isSlotDay('monthly', d(2026, 8, day)))).toEqual([3]);
    // A team that works Saturdays starts August on the 1st; one that works Wednesday to Sunday starts December on the 2nd.
    expect(isSlotDay('monthly', d(2026, 8, 1), { workdays: [1, 2, 3, 4, 5, 6] })).toBe(true);
    expect([1, 2].filter((day) => isSlotDay('monthly', d(2026, 12, day), { workdays: [3, 4, 5, 6, 7] }))).toEqual([2]);
    // Four weeks into the month, the latest slot is still its first workday.
    expect(latestSlot('monthly', { timeZone: 'Asia/Shanghai', workdayStartMinute: 540 }, new Date('2026-11-29T02:00:00Z')).slot.toISOString()).toBe('2026-11-02T01:00:00.000Z');
  });
});

describeEngines('monthly digest', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let teamId: number;
  const clock = new TestClock(new Date('2026-12-01T00:59:00Z'));
  const runner = (chat: Notifier, id: string) => createRunner({ db, clock, log: silentLogger, notifier: chat, instanceId: id });

  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    await db.prisma.jobRun.deleteMany();
    await db.prisma.customer.deleteMany();
    await db.prisma.user.deleteMany();
    await db.prisma.team.deleteMany();
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    teamId = team.id;
    const rep = await makeUser(db, teamId, { name: 'Sam' });
    // One customer in November (Shanghai), one a minute into December: the review is November's.
    for (const [name, createdAt] of [['Acme', '2026-11-10T02:00:00Z'], ['Globex', '2026-11-30T16:01:00Z']] as const)
      await db.prisma.customer.create({ data: { code: `CUS-${name}`, name, normalizedName: name.toLowerCase(), teamId, ownerId: rep.id, source: 'expo', createdAt: new Date(createdAt) } });
  });

  it('posts November’s review at 09:00 on 1 December once across two replicas, with its chart', async () => {
    const chat = new Chat();
    clock.set('2026-12-01T00:59:00Z');
    await runner(chat, 'a').tick();
    expect(chat.monthly()).toEqual([]);
    clock.set('2026-12-01T01:00:00Z');
    await Promise.all([runner(chat, 'a').tick(), runner(chat, 'b').tick()]);
    clock.set('2026-12-01T05:00:00Z');
    await runner(chat, 'b').tick();
    const sent = chat.monthly();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual({ teamId, purpose: 'digest' });
    expect(sent[0]!.reply.title).toBe('Team monthly review, Nov 1, 2026 to Nov 30, 2026');
    expect(sent[0]!.reply.notices).toBeUndefined();
    expect(sent[0]!.reply.fields?.[0]).toEqual({ label: 'New customers', value: '1' });
    expect(Buffer.from(sent[0]!.reply.images![0]!.png.subarray(1, 4)).toString()).toBe('PNG');
    expect(await db.prisma.jobRun.count({ where: { job: 'monthly', teamId } })).toBe(1);
    clock.set('2026-12-02T01:00:00Z');
    await runner(chat, 'a').tick();
    expect(chat.monthly()).toHaveLength(1);
  });

  it('says it is late when sent hours after the slot, and skips a day already past', async () => {
    const chat = new Chat();
    clock.set('2026-12-01T04:00:00Z');
    await runner(chat, 'a').tick();
    expect(chat.monthly()).toHaveLength(1);
    expect(chat.monthly()[0]!.reply.notices).toEqual(['Sent late: the run due on the first workday of the month was missed.']);
    await db.prisma.jobRun.deleteMany();
    clock.set('2026-12-02T01:30:00Z');
    await runner(chat, 'b').tick();
    expect(chat.monthly()).toHaveLength(1);
  });
});
