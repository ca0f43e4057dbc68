// Random and hostile text through the whole handler: an answer always comes back, nothing throws,
// and nothing is written (only reads and the sender's own provisioning, which happens first).
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

const counts = async () =>
  Promise.all([db.prisma.customer.count(), db.prisma.interaction.count(), db.prisma.task.count(), db.prisma.quote.count(), db.prisma.auditEvent.count(), db.prisma.user.count()]);

it('answers every hostile line without throwing and without writing', async () => {
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const handler = createHandler({ db, clock, log: silentLogger, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' } });
  const ask = (text: string) => handler({ door: 'console', workspaceId: '', externalUserId: 'Fuzzer', input: { kind: 'text', text }, receivedAt: clock.now() });
  await ask('/crm whoami');
  const before = await counts();
  // Commands that would write if their arguments made sense, fed nonsense arguments.
  const prefixes = ['/log ', '/task done ', '/task claim ', '/task snooze 1 ', '/quote approve ', '/quote reject 1 ', '/quote new ', '/customer ', '/crm role ', '/log Nobody call: ', '/quote submit ', '', '/'];
  const hostile = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom("'; DROP TABLE \"Customer\"; --", '\u0000\u202e\uFEFF', '9'.repeat(400), '<@U1|x>', '${process.exit(1)}', '％％', '下一步：', 'next: ', '@ 1e309', '-1', '0x10'),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...prefixes), hostile, async (prefix, tail) => {
      const reply = await ask(prefix + tail);
      expect(['info', 'error', 'warning', 'success']).toContain(reply.tone);
      expect(JSON.stringify(reply)).not.toMatch(/\bat .*\.ts:\d+/);
    }),
    { numRuns: 300 },
  );
  expect(await counts()).toEqual(before);
}, 120_000);
