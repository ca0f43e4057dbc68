// The outbox's lease while a send is slow: the replica sending a row keeps it (renewing its lease)
// however long the platform or a channel's pacing makes it wait, so no other replica's sweep posts
// it a second time; a replica that dies stops renewing and the row is taken over.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import { enqueue } from '../../src/domain/outbox/store.ts';
import type { Notifier } from '../../src/intents/delivery.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import { freshDatabase, postgresReachable } from '../support/engines.ts';

let db: Database & { drop(): Promise<void> };
beforeAll(async () => {
  db = await freshDatabase((await postgresReachable()) ? 'postgres' : 'pglite');
}, 120_000);
afterAll(() => db?.drop());

const message: OutboundMessage = { to: { userId: 1 }, reply: { tone: 'info', text: 'approval card', visibility: 'private' } };

/** A chat API that answers each post after `wait` (a delay in ms, or a promise the test settles), counting the posts that reach it. */
function slowChat(wait: number | Promise<void>) {
  const posts: string[] = [];
  const notifier: Notifier = {
    async deliver(_m, key) {
      await (typeof wait === 'number' ? new Promise((r) => setTimeout(r, wait)) : wait);
      posts.push(key ?? '');
      return [{ platform: 'console', workspaceId: '', channelId: 'c', messageId: String(posts.length) }];
    },
  };
  return { posts, notifier };
}

it('a send slower than the lease is not taken over and posted again by another replica', async () => {
  // The post is held until replica b has swept three times after a's first lease would have run out,
  // however slow this machine is: a count of sweeps in a fixed time would say nothing under load.
  let answer!: () => void;
  const chat = slowChat(new Promise<void>((r) => (answer = r)));
  const leaseMs = 300;
  const a = createOutbox({ db, notifier: chat.notifier, log: silentLogger, instanceId: 'replica-a', leaseMs, backoffMs: () => 0 });
  const b = createOutbox({ db, notifier: chat.notifier, log: silentLogger, instanceId: 'replica-b', leaseMs, backoffMs: () => 0 });
  const ids = await enqueue(db.prisma, [{ key: 'lease:slow', message }], a.instanceId, leaseMs);
  const leased = Date.now();
  const sending = a.flush(ids);
  let lateSweeps = 0;
  while (lateSweeps < 3) {
    const at = Date.now();
    await b.sweep();
    if (at - leased > 2 * leaseMs) lateSweeps++;
    await new Promise((r) => setTimeout(r, 50));
  }
  answer();
  await sending;
  await b.idle();
  expect(chat.posts).toEqual(['lease:slow']);
  expect((await db.prisma.outboxMessage.findFirstOrThrow({ where: { key: 'lease:slow' } })).status).toBe('sent');
}, 60_000);

it('a row whose sender stopped renewing (it died) is taken over once its lease runs out', async () => {
  const chat = slowChat(0);
  const leaseMs = 300;
  await enqueue(db.prisma, [{ key: 'lease:orphan', message }], 'replica-gone', leaseMs);
  const b = createOutbox({ db, notifier: chat.notifier, log: silentLogger, instanceId: 'replica-b', leaseMs, backoffMs: () => 0 });
  expect(await b.sweep()).toBe(0); // still the dead replica's for a moment
  const end = Date.now() + 20_000;
  while (!chat.posts.includes('lease:orphan') && Date.now() < end) {
    await b.sweep();
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(chat.posts.filter((k) => k === 'lease:orphan')).toHaveLength(1);
}, 60_000);
