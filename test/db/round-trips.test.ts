// How many statements a command sends, counted at the driver adapter on both engines. Each one is
// a round trip and about 0.4 ms of Prisma CPU under load: a new read on the /log path (a second
// team read, a read-back after a write) shows here as a changed number, not as a slower week.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Team, User } from '../../src/generated/prisma/client.ts';
import { claimCustomer } from '../../src/domain/pool/ownership.ts';
import { decideQuote } from '../../src/domain/quotes/decide.ts';
import { submitQuote } from '../../src/domain/quotes/submit.ts';
import { createQuote } from '../../src/domain/quotes/write.ts';
import { createHandler } from '../../src/intents/handler.ts';
import type { Invocation } from '../../src/intents/invocation.ts';
import { silentLogger } from '../../src/logger.ts';
import { openIntake } from '../../src/domain/intake/open.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { actorOf, contextFor, makeUser, TestClock } from '../support/fixtures.ts';
import { makeCustomer } from '../domain/interactions/world.ts';

describeEngines('SQL round trips per command', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let seen: string[] | undefined;
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  let handler: ReturnType<typeof createHandler>;
  let sam: User;
  let team: Team;

  /** The statements `run` sends, one line each. */
  async function statements(run: () => Promise<unknown>): Promise<string[]> {
    seen = [];
    try {
      await run();
      return seen.map((s) => s.replace(/\s+/g, ' ').trim());
    } finally {
      seen = undefined;
    }
  }

  const say = (text: string, deliveryKey: string): Invocation => ({
    door: 'console',
    workspaceId: '',
    externalUserId: 'sam',
    profile: { displayName: 'Sam', locale: 'en' },
    input: { kind: 'text', text },
    deliveryKey,
    receivedAt: clock.now(),
  });

  beforeAll(async () => {
    db = await freshDatabase(engine, { onStatement: (sql) => seen?.push(sql) });
    handler = createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } });
    await handler(say('/crm whoami', 'first-contact'));
    sam = await db.prisma.user.findFirstOrThrow({ where: { displayName: 'Sam' } });
    team = await db.prisma.team.findUniqueOrThrow({ where: { id: sam.teamId } });
    await makeCustomer(db, team.id, { name: 'Acme Robotics', ownerId: sam.id });
  }, 120_000);
  afterAll(() => db?.drop());

  it('logs a call with a next step in 8 statements, and a retried delivery in 5 that write nothing', async () => {
    const text = '/log Acme call: walked through pricing. next: send proposal Friday 3pm';
    const sent = await statements(() => handler(say(text, 'log-1')));
    // user with identity and team; BEGIN, claim the delivery key; the customer with its contacts
    // (ranking); the customer with its score's signals (checked for the author); one statement for
    // the interaction, the task, both audit rows and the new score; the stored answer; COMMIT.
    expect(sent, sent.join('\n')).toHaveLength(8);
    // The team comes with the user, never as a read of its own.
    expect(sent.filter((s) => /FROM "public"."Team"/.test(s))).toHaveLength(0);
    expect(sent.filter((s) => /INSERT INTO "AuditEvent"|INSERT INTO "public"."AuditEvent"/.test(s))).toHaveLength(1);
    const interactions = await db.prisma.interaction.count();
    const audits = await db.prisma.auditEvent.count();
    expect(interactions).toBe(1);
    expect(await db.prisma.task.count()).toBe(1);

    const again = await statements(() => handler(say(text, 'log-1')));
    // user with identity and team; BEGIN, the claim finds the key taken, ROLLBACK; the stored answer.
    expect(again, again.join('\n')).toHaveLength(5);
    expect(await db.prisma.interaction.count()).toBe(interactions);
    expect(await db.prisma.auditEvent.count()).toBe(audits);
  });

  it('claims a pool customer in 6 statements and decides a quote in 8', async () => {
    const ctx = { ...contextFor(db, actorOf(sam, team), clock), team };
    const pooled = await makeCustomer(db, team.id, { ownerId: null });
    const claim = await statements(() => claimCustomer(ctx, pooled.id));
    // BEGIN, lock the claimer, the customer, claims today, one statement moving it with its tasks and the audit row, COMMIT.
    expect(claim, claim.join('\n')).toHaveLength(6);

    const boss = await makeUser(db, team.id, { name: 'Boss', role: 'manager' });
    await db.prisma.user.update({ where: { id: sam.id }, data: { managerId: boss.id } });
    const draft = await createQuote(ctx, { customerId: pooled.id, lines: [{ product: 'Plan', quantity: 10, unitPriceMinor: 10_000n }], discountBps: 1000 });
    await submitQuote(ctx, draft.id);
    const bossCtx = { ...contextFor(db, actorOf(boss, team), clock), team };
    let decided: Awaited<ReturnType<typeof decideQuote>> | undefined;
    const approve = await statements(async () => (decided = await decideQuote(bossCtx, draft.id, { decision: 'approve' })));
    // BEGIN, the quote with its lines, customer and author, the conditional update with its audit
    // row, COMMIT; and the lead score's read (the score itself does not move here).
    expect(approve, approve.join('\n')).toHaveLength(8);
    // The answer built from the read is what a fresh read gives.
    const { updatedAt: _u, ...fresh } = await db.prisma.quote.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: { orderBy: { position: 'asc' } }, customer: { select: { id: true, code: true, name: true, ownerId: true, tier: true, status: true } }, author: { select: { id: true, displayName: true, managerId: true } }, decidedBy: { select: { id: true, displayName: true } } } });
    expect(decided).toMatchObject(fresh);
  });
  it('logs a call answered at a response_url in 9 statements, the send included: the answer is stored by its outbox row\'s INSERT and the row is sent without leasing it again', async () => {
    const delivered: string[] = [];
    const outbox = createOutbox({ db, notifier: { deliver: async (_m, key) => (delivered.push(key!), []) }, log: silentLogger });
    const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } as const;
    const queued = createHandler({ db, clock, log: silentLogger, config, outbox });
    const inv: Invocation = { ...say('/log Acme call: outbox path. next: send proposal Friday 3pm', 'outbox-1'), replyTo: 'reply:outbox-1' };
    const sent = await statements(() => queued(inv, { accepted: () => undefined }));
    // user with identity and team; BEGIN, claim; the customer twice; the write; the answer's outbox
    // row with the stored answer; COMMIT; the row marked sent.
    expect(sent, sent.join('\n')).toHaveLength(9);
    expect(sent.filter((s) => /UPDATE "ProcessedDelivery"/.test(s) && !/INSERT INTO "OutboxMessage"/.test(s))).toHaveLength(0);
    expect(sent.filter((s) => /"leaseUntil" IS NULL OR/.test(s))).toHaveLength(0);
    expect(delivered).toEqual(['console:outbox-1:reply']);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: 'console:outbox-1:reply' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, leasedBy: null });

    // The retry answers the same from the stored answer, writes and sends nothing.
    const again = await queued(inv, { accepted: () => undefined });
    expect(again).toMatchObject({ queued: true, tone: 'success' });
    expect(delivered).toHaveLength(1);
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: 'console:outbox-1' } } })).toBe(1);
  });
  it('a request stored on arrival (durable intake) costs 1 statement more on PostgreSQL (the row; the committed delivery key ends it) and none on PGlite (its journal)', async () => {
    const outbox = createOutbox({ db, notifier: { deliver: async () => [] }, log: silentLogger });
    const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'en' } as const;
    const plain = createHandler({ db, clock, log: silentLogger, config, outbox });
    const stored = createHandler({ db, clock, log: silentLogger, config, outbox, intake: openIntake(db, 'round-trips', 60_000) });
    const log = (key: string): Invocation => ({ ...say(`/log Acme call: intake ${key}`, key), replyTo: `reply:${key}` });
    const progress = { accepted: () => undefined };
    const without = await statements(() => plain(log('intake-a'), progress));
    const withIntake = await statements(() => stored(log('intake-b'), progress));
    const intakeSql = withIntake.filter((s) => /"Intake"/.test(s));
    expect(intakeSql, withIntake.join('\n')).toHaveLength(engine === 'postgres' ? 1 : 0);
    expect(withIntake.length - without.length, withIntake.join('\n')).toBe(intakeSql.length);
  });
});
