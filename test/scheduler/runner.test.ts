import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import { claimRun } from '../../src/domain/jobs/runs.ts';
import type { Notifier, Outbox } from '../../src/intents/delivery.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import { createRunner } from '../../src/scheduler/runner.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { DAY, HOUR, makeTeam, makeUser, TestClock } from '../support/fixtures.ts';

const key = (m: OutboundMessage) => ('userId' in m.to ? `user:${m.to.userId}` : 'teamId' in m.to ? `team:${m.to.teamId}` : m.to.address);

class FakeChat implements Notifier {
  sent: OutboundMessage[] = [];
  keys: string[] = [];
  failures = new Map<string, number>();
  refuse = new Set<string>();
  crashOn?: string;
  async deliver(message: OutboundMessage, dedupKey?: string) {
    const k = key(message);
    this.keys.push(dedupKey ?? '');
    if (this.refuse.has(k)) throw Object.assign(new Error('channel_not_found'), { code: 'slack_webapi_platform_error' });
    if (this.crashOn === k) throw new Error('process died');
    const left = this.failures.get(k) ?? 0;
    if (left > 0) {
      this.failures.set(k, left - 1);
      throw Object.assign(new Error('HTTP 503 from the chat API'), { statusCode: 503 });
    }
    this.sent.push(message);
    return [{ platform: 'console' as const, workspaceId: '', channelId: k, messageId: String(this.sent.length) }];
  }
  count(k: string) {
    return this.sent.filter((m) => key(m) === k).length;
  }
}

describeEngines('scheduler runs', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let teamId: number;
  let rep: number;
  const clock = new TestClock(new Date('2026-11-23T03:00:00Z')); // Monday 11:00 in Shanghai, two hours after the 09:00 slots
  const runner = (chat: Notifier, id: string, outbox?: Outbox) => createRunner({ db, clock, log: silentLogger, notifier: chat, instanceId: id, leaseMs: 10 * 60_000, ...(outbox ? { outbox } : {}) });
  // No backoff, so sweep() retries at once; the real default is exponential.
  const quickOutbox = (chat: Notifier, id: string, leaseMs?: number) => createOutbox({ db, notifier: chat, log: silentLogger, backoffMs: () => 0, instanceId: id, now: () => clock.now(), ...(leaseMs ? { leaseMs } : {}) });
  const rowFor = (recipient: string) => db.prisma.outboxMessage.findFirstOrThrow({ where: { key: { startsWith: 'job:', endsWith: `:${recipient}` } } });

  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  beforeEach(async () => {
    await db.prisma.jobRun.deleteMany();
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.task.deleteMany();
    await db.prisma.customer.deleteMany();
    await db.prisma.user.deleteMany();
    await db.prisma.team.deleteMany();
    clock.set('2026-11-23T03:00:00Z');
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    teamId = team.id;
    rep = (await makeUser(db, teamId, { name: 'Sam' })).id;
    const quiet = await makeUser(db, teamId, { name: 'Quiet Rep' });
    void quiet;
    const second = await makeUser(db, teamId, { name: 'Priya' });
    await db.prisma.task.createMany({
      data: [
        { title: 'Overdue follow-up', teamId, ownerId: rep, dueAt: new Date('2026-11-20T02:00:00Z') },
        { title: 'Today call', teamId, ownerId: rep, dueAt: new Date('2026-11-23T07:00:00Z'), dueHasTime: true },
        { title: 'Priya today', teamId, ownerId: second.id, dueAt: new Date('2026-11-23T01:00:00Z') },
        { title: 'Pool lead callback', teamId, ownerId: null, dueAt: new Date('2026-11-24T01:00:00Z') },
      ],
    });
  });

  it('catches up after downtime: a process up at 11:00 sends the 09:00 list once, the weekly marked late, nobody an empty message', async () => {
    const chat = new FakeChat();
    await runner(chat, 'a').tick();
    expect(chat.count(`user:${rep}`)).toBe(1);
    const priya = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Priya' } });
    // Quiet Rep has nothing due, so gets nothing.
    expect(new Set(chat.sent.map(key))).toEqual(new Set([`user:${rep}`, `user:${priya.id}`, `team:${teamId}`]));
    expect(chat.sent.filter((m) => key(m) === `team:${teamId}`).length).toBe(2);
    const weekly = chat.sent.find((m) => m.reply.title?.startsWith('Team summary'));
    expect(weekly?.reply.notices?.[0]).toMatch(/late/);
    expect(Buffer.from(weekly!.reply.images![0]!.png.subarray(1, 4)).toString()).toBe('PNG');
    const daily = chat.sent.find((m) => key(m) === `user:${rep}`)!;
    expect(daily.reply.sections?.[0]?.items[0]?.buttons?.map((b) => b.action.action)).toEqual(['task.done', 'task.snooze']);
    const pool = chat.sent.find((m) => m.reply.title?.startsWith('Shared pool'))!;
    expect(pool.reply.sections?.[0]?.items[0]?.buttons?.[0]?.action.action).toBe('task.claim');
    clock.advance(HOUR);
    await runner(chat, 'a').tick();
    expect(chat.sent.length).toBe(4);
  });

  it('skips a missed slot from an earlier day instead of sending it late', async () => {
    clock.set('2026-11-24T00:30:00Z'); // Tuesday 08:30: Monday's slots are gone, Tuesday's not due yet
    const chat = new FakeChat();
    await runner(chat, 'a').tick();
    expect(chat.sent).toEqual([]);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });

  it('three schedulers firing together make one run and one message per recipient', async () => {
    const chats = [new FakeChat(), new FakeChat(), new FakeChat()];
    await Promise.all(chats.map((c, i) => runner(c, `replica-${i}`).tick()));
    const all = chats.flatMap((c) => c.sent);
    expect(all.filter((m) => key(m) === `user:${rep}`).length).toBe(1);
    expect(all.length).toBe(4);
    expect(await db.prisma.jobRun.count()).toBe(2);
  });

  it('a chat API failing twice then succeeding delivers once, through the outbox, without holding up the others', async () => {
    const chat = new FakeChat();
    chat.failures.set(`user:${rep}`, 2);
    const outbox = quickOutbox(chat, 'a');
    await runner(chat, 'a', outbox).tick();
    // The others went out on their first try; the failing one waits for the outbox's next try.
    expect(chat.count(`user:${rep}`)).toBe(0);
    expect(chat.sent.length).toBe(3);
    // One sweep: the second try fails, and (no backoff here) the third, due at once, goes out.
    expect(await outbox.sweep()).toBe(1);
    expect(await outbox.sweep()).toBe(0);
    expect(chat.count(`user:${rep}`)).toBe(1);
    expect(chat.sent.length).toBe(4);
    const d = await rowFor(`user:${rep}`);
    expect(d).toMatchObject({ status: 'sent', attempts: 3 });
    // Every try carried the same key, `job:${runId}:${recipient}`, so a door that took a lost one posts nothing twice.
    expect(chat.keys.filter((k) => k === d.key).length).toBe(3);
  });

  it('a refusal that will not change (unknown channel) is recorded once, not retried, and the run still finishes', async () => {
    const chat = new FakeChat();
    chat.refuse.add(`user:${rep}`);
    const outbox = quickOutbox(chat, 'a');
    await runner(chat, 'a', outbox).tick();
    expect(await outbox.sweep()).toBe(0);
    expect(chat.count(`user:${rep}`)).toBe(0);
    expect(chat.sent.length).toBe(3);
    expect(chat.keys.filter((k) => k.endsWith(`:user:${rep}`))).toHaveLength(1);
    const d = await rowFor(`user:${rep}`);
    expect(d.status).toBe('failed');
    expect(d.lastError).toMatch(/channel_not_found/);
    expect((await db.prisma.jobRun.findMany()).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('a replica dies after planning a run and sending one of its messages: another replica\'s outbox sends the rest once and resends nothing', async () => {
    const chat = new FakeChat();
    const users = await db.prisma.user.findMany({ where: { teamId, displayName: { in: ['Sam', 'Priya'] } }, orderBy: { id: 'asc' } });
    const second = users[1]!.id;
    // Replica a's outbox sends the first row and then the process is gone: its leases are not renewed.
    const a = quickOutbox(chat, 'a', 300);
    const dying: Outbox = { instanceId: 'a', leaseMs: 300, flush: async (ids) => (await a.flush(ids.slice(0, 1)), Promise.reject(new Error('process died'))) };
    expect(await runner(chat, 'a', dying).runSlot('daily', teamId, new Date('2026-11-23T01:00:00Z'))).toBe(true);
    expect(chat.sent.map(key)).toEqual([`user:${rep}`]);
    const b = quickOutbox(chat, 'b');
    const end = Date.now() + 20_000;
    while (chat.sent.length < 3 && Date.now() < end) {
      await b.sweep();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await b.sweep()).toBe(0);
    expect(chat.count(`user:${rep}`)).toBe(1);
    expect(chat.count(`user:${second}`)).toBe(1);
    expect(chat.count(`team:${teamId}`)).toBe(1);
    expect((await db.prisma.jobRun.findFirstOrThrow({ where: { job: 'daily' } })).status).toBe('done');
  });

  it('a replica dies between claiming a slot and planning it: another takes the run over after the lease, once', async () => {
    const chat = new FakeChat();
    await claimRun(db.prisma, { job: 'daily', teamId, slot: new Date('2026-11-23T01:00:00Z'), late: false, claimedBy: 'a', now: clock.now() });
    expect(await runner(chat, 'b').resume()).toBe(0);
    clock.advance(11 * 60_000);
    expect(await runner(chat, 'b').resume()).toBe(1);
    expect(await runner(chat, 'c').resume()).toBe(0);
    expect(chat.sent.map(key).sort()).toEqual([`team:${teamId}`, `user:${rep}`, `user:${(await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Priya' } })).id}`].sort());
    expect((await db.prisma.jobRun.findFirstOrThrow({ where: { job: 'daily' } })).status).toBe('done');
  });

  it('returns a lead nobody followed within 48 hours to the pool and tells its owner, once', async () => {
    const c = await db.prisma.customer.create({ data: { code: 'CUS20261120001', name: 'Stale Lead', normalizedName: 'staleLead', tier: 'A', teamId, ownerId: rep, ownerAssignedAt: new Date(clock.now().getTime() - 49 * HOUR) } });
    const fresh = await db.prisma.customer.create({ data: { code: 'CUS20261120002', name: 'Fresh Lead', normalizedName: 'freshlead', teamId, ownerId: rep, ownerAssignedAt: new Date(clock.now().getTime() - 10 * HOUR) } });
    const worked = await db.prisma.customer.create({ data: { code: 'CUS20261120003', name: 'Worked Lead', normalizedName: 'workedlead', teamId, ownerId: rep, ownerAssignedAt: new Date(clock.now().getTime() - 3 * DAY) } });
    await db.prisma.interaction.create({ data: { customerId: worked.id, authorId: rep, occurredAt: new Date(clock.now().getTime() - 2 * DAY), summary: 'called' } });
    const chat = new FakeChat();
    const [a, b] = await Promise.all([runner(chat, 'a').sweepPool(), runner(chat, 'b').sweepPool()]);
    expect(a + b).toBe(1);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBeNull();
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: fresh.id } })).ownerId).toBe(rep);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: worked.id } })).ownerId).toBe(rep);
    // The former owner hears of it with a Claim button, and so does the team's channel; each once.
    expect(chat.sent.map((m) => [key(m), m.reply.text])).toEqual([
      [`user:${rep}`, expect.stringContaining('Stale Lead')],
      [`team:${teamId}`, expect.stringContaining('Stale Lead')],
    ]);
    expect(chat.sent.every((m) => m.reply.buttons?.[0]?.action.action === 'customer.claim')).toBe(true);
  });

  it('a pool notice whose first send fails is not lost: written with the step, sent by the outbox sweep, once', async () => {
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.customer.create({ data: { code: 'CUS20261120009', name: 'Dropped Lead', normalizedName: 'droppedlead', tier: 'A', teamId, ownerId: rep, ownerAssignedAt: new Date(clock.now().getTime() - 49 * HOUR) } });
    const chat = new FakeChat();
    chat.crashOn = `user:${rep}`;
    const outbox = createOutbox({ db, notifier: chat, log: silentLogger, backoffMs: () => 0, instanceId: 'a', now: () => clock.now() });
    const r = createRunner({ db, clock, log: silentLogger, notifier: chat, outbox, instanceId: 'a' });
    expect(await r.sweepPool()).toBe(1);
    expect(chat.count(`user:${rep}`)).toBe(0);
    expect(chat.count(`team:${teamId}`)).toBe(1);
    chat.crashOn = undefined;
    expect(await r.sweepPool()).toBe(0); // the step is taken once
    expect(chat.count(`user:${rep}`)).toBe(0);
    expect(await outbox.sweep()).toBe(1);
    expect(await outbox.sweep()).toBe(0);
    expect(chat.count(`user:${rep}`)).toBe(1);
    expect(chat.count(`team:${teamId}`)).toBe(1);
    // Tried twice under one key, so a door that took the first try posts nothing twice.
    const tries = chat.keys.filter((k) => k.startsWith('pool:return:'));
    expect(tries).toHaveLength(2);
    expect(new Set(tries).size).toBe(1);
  });
});
