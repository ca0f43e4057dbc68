// Random and hostile text through the whole handler, against a world where write commands have
// something to act on (a customer, an open task, a submitted quote, a colleague) and the speaker is
// an admin who may do anything: an answer always comes back, nothing throws, and every answer that
// is not a success leaves the database exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

let db: Database & { drop(): Promise<void> };
beforeAll(async () => {
  db = await freshDatabase('pglite');
});
afterAll(() => db?.drop());

/** Everything a write could touch: row counts and the mutable fields of the seeded rows. */
const snapshot = async () =>
  JSON.stringify(
    await Promise.all([
      db.prisma.customer.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, ownerId: true, status: true } }),
      db.prisma.interaction.count(),
      db.prisma.task.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, dueAt: true, ownerId: true, version: true, snoozeCount: true } }),
      db.prisma.quote.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, version: true, decidedById: true } }),
      db.prisma.auditEvent.count(),
      db.prisma.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, role: true, managerId: true } }),
    ]),
  );

it('answers every hostile line without throwing, and a refusal writes nothing', async () => {
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const handler = createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: 'console:Fuzzer', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' } });
  const as = (who: string) => (text: string) => handler({ door: 'console', workspaceId: '', externalUserId: who, input: { kind: 'text', text }, receivedAt: clock.now() });
  const ask = as('Fuzzer');
  // The world the write commands act on.
  await ask('/crm whoami');
  await as('Sam Rep')('/customer add Acme Robotics tier:A');
  await as('Sam Rep')('/log Acme call: demo went well. next: send proposal Friday 3pm');
  await as('Sam Rep')('/quote new Acme 2 x Pro @ 100');
  const task = await db.prisma.task.findFirstOrThrow();
  const quote = await db.prisma.quote.findFirstOrThrow();
  expect((await as('Sam Rep')(`/quote submit ${quote.id}`)).tone).toBe('success');
  expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('pending');

  const prefixes = ['/log ', '/log Acme call: ', `/task done ${task.id} `, `/task claim ${task.id} `, `/task snooze ${task.id} `, `/task reassign ${task.id} `, `/quote approve ${quote.id} `, `/quote new Acme `, '/quote new ', '/customer ', '/customer add ', '/crm role ', '/crm role Sam ', '/log Nobody call: ', '/quote submit ', '', '/'];
  const hostile = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom("'; DROP TABLE \"Customer\"; --", '\u0000\u202e\uFEFF', '9'.repeat(400), '<@U1|x>', '${process.exit(1)}', '％％', '下一步：', 'next: ', '@ 1e309', '-1', '0x10', 'yesterday', '昨天', '2020-01-01', 'x @ -5', 'nobody', 'god', '10 x Pro @ 1 discount 150%'),
  );
  let refusals = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...prefixes), hostile, async (prefix, tail) => {
      const before = await snapshot();
      const reply = await ask(prefix + tail);
      expect(['info', 'error', 'warning', 'success']).toContain(reply.tone);
      expect(JSON.stringify(reply)).not.toMatch(/\bat .*\.ts:\d+/);
      if (reply.tone === 'error' || reply.tone === 'warning') {
        refusals++;
        expect(await snapshot(), `${prefix}${tail} was refused but wrote`).toBe(before);
      }
    }),
    { numRuns: 300 },
  );
  expect(refusals).toBeGreaterThan(100);
}, 240_000);
