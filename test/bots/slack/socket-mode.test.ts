// Socket Mode has no public URL: Bolt's SocketModeReceiver hands each envelope's payload to
// app.processEvent. Here the socket-mode App is built as startSlack builds it, and envelopes are
// delivered the way the receiver delivers them, without Slack's servers.
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNotifier } from '../../../src/app/notifier.ts';
import { registerListeners } from '../../../src/bots/slack/listeners.ts';
import { profileCache } from '../../../src/bots/slack/profile.ts';
import { slackClient, slackSender } from '../../../src/bots/slack/sender.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeSlack } from '../../support/fake-slack.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

let fake: FakeSlack;
let db: Database & { drop(): Promise<void> };
let app: App;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  db = await freshDatabase('pglite');
  const clientOptions = { slackApiUrl: `${fake.url}/api/` };
  app = new App({ token: 'xoxb-test', appToken: 'xapp-test', socketMode: true, clientOptions, logLevel: LogLevel.ERROR });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const config = { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };
  const client = slackClient('xoxb-test', `${fake.url}/api/`);
  // As startSlack does: answers leave through the outbox, which sends them with the Slack sender.
  const notifier = createNotifier(db, silentLogger);
  notifier.register(slackSender(slackClient('xoxb-test', `${fake.url}/api/`, 0), 'T1', 0));
  const handler = createHandler({ db, clock, log: silentLogger, config, notifier });
  registerListeners(app, { handler, profile: profileCache(() => client), log: silentLogger, now: () => clock.now() });
});
afterAll(async () => {
  await fake.stop();
  await db.drop();
});

it('handles a slash command envelope: acks, runs it, answers at response_url', async () => {
  let acked = false;
  const payload = {
    team_id: 'T1', channel_id: 'C1', user_id: 'UREP', user_name: 'sam', command: '/customer', text: 'add Socket Works tier:B',
    response_url: fake.respondUrl('socket-1'), trigger_id: '9.9.socket', api_app_id: 'A1',
  };
  await app.processEvent({ body: payload, ack: async () => void (acked = true), retryNum: undefined, retryReason: undefined });
  expect(acked).toBe(true);
  expect((await db.prisma.customer.findFirstOrThrow()).name).toBe('Socket Works');
  // The answer goes to response_url after the ack: wait for it rather than for a fixed time.
  for (const end = Date.now() + 10_000; !fake.responses.some((r) => r.url === '/respond/socket-1') && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  expect(JSON.stringify(fake.responses.find((r) => r.url === '/respond/socket-1')?.body)).toContain('Socket Works');
});

it('a retried envelope changes nothing twice', async () => {
  // /log has no natural uniqueness (two calls are two interactions): only delivery dedup stops a
  // retried envelope from logging the call twice.
  await app.processEvent({ body: { team_id: 'T1', channel_id: 'C1', user_id: 'UREP', command: '/customer', text: 'add Twice Co', response_url: fake.respondUrl('socket-2a'), trigger_id: '9.9.twice-add' }, ack: async () => undefined });
  const payload = { team_id: 'T1', channel_id: 'C1', user_id: 'UREP', command: '/log', text: 'Twice Co call: went over the contract', response_url: fake.respondUrl('socket-2'), trigger_id: '9.9.twice' };
  const before = await db.prisma.interaction.count();
  await app.processEvent({ body: payload, ack: async () => undefined });
  expect(await db.prisma.interaction.count()).toBe(before + 1);
  await app.processEvent({ body: payload, ack: async () => undefined, retryNum: 1, retryReason: 'timeout' });
  expect(await db.prisma.interaction.count()).toBe(before + 1);
});
