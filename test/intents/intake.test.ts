// Durable intake: a request answered through the outbox is acknowledged once stored, before its
// command can run; a redelivery meanwhile gets the ack only; a stored request a killed process left
// is resumed once and answered once, and resuming again or a redelivery does nothing twice.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/domain/db/database.ts';
import { migrate } from '../../src/domain/db/migrate.ts';
import { openIntake } from '../../src/domain/intake/open.ts';
import { encodeMessage } from '../../src/domain/outbox/store.ts';
import { createHandler } from '../../src/intents/handler.ts';
import type { Notifier } from '../../src/intents/delivery.ts';
import type { Invocation } from '../../src/intents/invocation.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { TestClock } from '../support/fixtures.ts';

const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' as const };

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A replica's handler over db: the answers it owes land in `sent`, by the address they go to. */
function replica(db: Database, name: string, clock: TestClock) {
  const sent: Array<{ address: string; message: OutboundMessage }> = [];
  const notifier: Notifier = {
    async deliver(message) {
      if ('address' in message.to) sent.push({ address: message.to.address, message });
      return [];
    },
  };
  const outbox = createOutbox({ db, notifier, log: silentLogger, instanceId: name, leaseMs: 60_000 });
  const intake = openIntake(db, name, 60_000);
  const handler = createHandler({ db, clock, log: silentLogger, config, outbox, intake });
  return { handler, sent, intake };
}

describeEngines('durable intake', (engine) => {
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let seq = 0;
  const say = (text: string, key = `k${++seq}`): Invocation => ({
    door: 'slack',
    workspaceId: 'T1',
    externalUserId: 'USAM',
    profile: { displayName: 'Sam', locale: 'en' },
    input: { kind: 'text', text },
    deliveryKey: key,
    replyTo: `reply-to-${key}`,
    receivedAt: clock.now(),
  });
  const interactions = async (like: string) => db.prisma.interaction.count({ where: { summary: { contains: like } } });

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const { handler } = replica(db, 'setup', clock);
    await handler({ ...say('/customer add Acme Robotics tier:A'), replyTo: undefined });
  }, 120_000);
  afterAll(() => db?.drop());

  /** Holds every command at its interaction insert (PGlite: at its first statement) until released. */
  async function holdCommands(): Promise<() => Promise<void>> {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const began = new Promise<void>((r) => (locked = r));
    const tx = db.prisma.$transaction(
      async (t) => {
        await t.$executeRawUnsafe(`LOCK TABLE "Interaction" IN ACCESS EXCLUSIVE MODE`);
        locked();
        await gate;
      },
      { timeout: 30_000 },
    );
    await began;
    return async () => {
      release();
      await tx;
    };
  }

  it('acknowledges once the request is stored, while its command cannot run yet; a redelivery meanwhile gets the ack only', async () => {
    const { handler, sent } = replica(db, 'r1', clock);
    const release = await holdCommands();
    let acks = 0;
    const inv = say('/log Acme call: acked while held');
    const first = handler(inv, { accepted: () => acks++ });
    await until('the ack', () => acks === 1);
    // The redelivery is acknowledged and answered by nobody: the first delivery answers.
    const again = await handler(inv, { accepted: () => acks++ });
    expect(acks).toBe(2);
    expect(again.queued).toBe(true);
    expect(sent).toHaveLength(0);
    await release();
    expect((await first).queued).toBe(true);
    await until('the answer', () => sent.length === 1);
    expect(JSON.stringify(sent[0]!.message.reply)).toMatch(/Logged/);
    expect(await interactions('acked while held')).toBe(1);
    // Its delivery key, committed with the command, ends the stored request: the sweep resumes
    // nothing and clears the row (no statement of its own in the command).
    expect(await handler.resumeIntakes()).toBe(0);
    if (engine === 'postgres') expect(await db.raw.query(`SELECT "key" FROM "Intake"`)).toEqual([]);
    expect(await interactions('acked while held')).toBe(1);
  }, 60_000);

  it('a request told "busy" is not kept: nothing resumes it', async () => {
    const sent: unknown[] = [];
    const outbox = createOutbox({ db, notifier: { deliver: async (m) => (sent.push(m), []) }, log: silentLogger });
    const busy = createHandler({ db, clock, log: silentLogger, config, outbox, intake: openIntake(db, 'r2', 60_000), limits: { concurrency: 1, queue: 0 } });
    const release = await holdCommands();
    let acks = 0;
    const held = busy(say('/log Acme call: the one that runs'), { accepted: () => acks++ });
    await until('the first ack', () => acks === 1);
    const refused = await busy(say('/log Acme call: told busy'), { accepted: () => acks++ });
    expect(refused.text).toMatch(/try again in a moment/);
    await release();
    await held;
    await until('nothing left to resume', async () => (await busy.resumeIntakes()) === 0 && (engine === 'pglite' || (await db.raw.query(`SELECT 1 FROM "Intake"`)).length === 0));
    expect(await interactions('told busy')).toBe(0);
    expect(sent).toHaveLength(1);
  }, 60_000);

  it('a request a killed replica stored and never ran is run once by the next, answered once; again, nothing', async () => {
    const dir = engine === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'crm-intake-')) : undefined;
    const store = dir ? await openDatabase({ dataDir: dir }) : db;
    try {
      if (dir) {
        await migrate(store.raw);
        await replica(store, 'setup', clock).handler({ ...say('/customer add Acme Robotics tier:A'), replyTo: undefined });
      }
      const inv = say('/log Acme call: left by a killed replica');
      // What a replica killed right after its ack leaves behind: the stored request, nothing else.
      expect(await openIntake(store, 'dead', 1).take(`slack:${inv.deliveryKey}`, 'slack', encodeMessage(inv))).toBe(true);
      const next = replica(store, 'next', clock);
      await until('the stored request resumed', async () => (await next.handler.resumeIntakes()) === 1);
      await until('its answer', () => next.sent.length === 1);
      expect(next.sent[0]!.address).toBe(inv.replyTo);
      expect(JSON.stringify(next.sent[0]!.message.reply)).toMatch(/Logged/);
      expect(await next.handler.resumeIntakes()).toBe(0);
      // Slack (or Feishu) sends it again: acknowledged, done once, answered once.
      let acked = false;
      expect((await next.handler(inv, { accepted: () => (acked = true) })).queued).toBe(true);
      expect(acked).toBe(true);
      expect(await store.prisma.interaction.count({ where: { summary: { contains: 'left by a killed replica' } } })).toBe(1);
      expect(next.sent).toHaveLength(1);
      if (dir) {
        // The journal keeps nothing of requests that ended: a restart replays nothing.
        expect(await replica(store, 'after', clock).handler.resumeIntakes()).toBe(0);
        expect(readdirSync(path.join(dir, 'crm-intake'))).toEqual([]);
      }
    } finally {
      if (dir) {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
