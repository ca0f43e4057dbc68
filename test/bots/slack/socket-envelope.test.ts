// Socket Mode without Slack's servers: the App is built exactly as `crm start` builds it when
// SLACK_APP_TOKEN is set, and raw Socket Mode envelopes (the JSON Slack sends over the WebSocket) are
// fed to the real SocketModeClient, which hands them to Bolt's SocketModeReceiver and our listeners.
// Acks are captured where the client would write them back to the socket.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.ts';
import { createNotifier } from '../../../src/app/notifier.ts';
import { buildSlackApp } from '../../../src/bots/slack/start.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { createHttpServer } from '../../../src/http/server.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeSlack } from '../../support/fake-slack.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

type SocketClient = { onWebSocketMessage(data: string, isBinary: boolean): Promise<void>; send(id: string, body?: unknown): Promise<void> };
let fake: FakeSlack;
let db: Database & { drop(): Promise<void> };
let socket: SocketClient;
const acks: Array<{ id: string; body: unknown }> = [];

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
  db = await freshDatabase('pglite');
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: `${fake.url}/api/`, CRM_DEFAULT_TZ: 'Asia/Shanghai' });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const notifier = createNotifier(db, silentLogger);
  const ctx: AppContext = { config, db, log: silentLogger, clock, handler: createHandler({ db, clock, log: silentLogger, config, notifier }), notifier, http: createHttpServer(silentLogger) };
  const { app, mode } = await buildSlackApp(ctx, { paceMs: 0 });
  expect(mode).toBe('socket');
  socket = (app as unknown as { receiver: { client: SocketClient } }).receiver.client;
  socket.send = async (id, body) => void acks.push({ id, body });
});
afterAll(async () => {
  await fake.stop();
  await db.drop();
});

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
/** Waits for something the door does after its ack (a response_url post), up to a few seconds. */
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await settle(50);
}
const deliver = (envelope: object) => socket.onWebSocketMessage(JSON.stringify(envelope), false);

function commandEnvelope(id: string, text: string, retry?: number) {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    ...(retry ? { retry_attempt: retry, retry_reason: 'timeout' } : {}),
    payload: {
      token: 'legacy', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'sales', user_id: 'UREP', user_name: 'sam',
      command: '/customer', text, api_app_id: 'A1', response_url: fake.respondUrl(id), trigger_id: `${id}.1.socket`,
    },
  };
}

it('a slash command envelope is acked on the socket, runs once, and is answered at response_url', async () => {
  await deliver(commandEnvelope('env-1', 'add Socket Works tier:B'));
  await until(() => fake.responses.some((r) => r.url === '/respond/env-1'));
  expect(acks.map((a) => a.id)).toContain('env-1');
  expect((await db.prisma.customer.findFirstOrThrow()).name).toBe('Socket Works');
  expect(JSON.stringify(fake.responses.find((r) => r.url === '/respond/env-1')?.body)).toContain('Socket Works');
});

it('the same envelope redelivered (retry_attempt 1) changes nothing twice', async () => {
  await deliver(commandEnvelope('env-2', 'add Twice Co'));
  await deliver(commandEnvelope('env-2', 'add Twice Co', 1));
  // Each envelope is acked once its command is committed (or found already done), not on arrival.
  await until(() => acks.filter((a) => a.id === 'env-2').length === 2);
  expect(acks.filter((a) => a.id === 'env-2')).toHaveLength(2);
  expect(await db.prisma.customer.count({ where: { name: 'Twice Co' } })).toBe(1);
});

it('an events_api envelope for app_home_opened publishes the Home tab', async () => {
  await deliver({
    envelope_id: 'env-home',
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: { token: 't', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev9', event_time: 1, event: { type: 'app_home_opened', user: 'UREP', channel: 'D1', tab: 'home' } },
  });
  await until(() => fake.called('views.publish').length > 0);
  expect(acks.map((a) => a.id)).toContain('env-home');
  const publish = fake.called('views.publish').at(-1)!;
  expect(publish.args.user_id).toBe('UREP');
  expect((publish.args.view as { type: string }).type).toBe('home');
});
