// Failing token fetches and sends, through the real SDK clients and the real door, with every log
// line and every byte written to stdout/stderr captured: none may carry a secret or the message.
import { Writable } from 'node:stream';
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slackClient, slackSender } from '../../src/bots/slack/sender.ts';
import { createLogger } from '../../src/logger.ts';
import { bothDoors, FEISHU_KEY, FEISHU_TOKEN, SLACK_SECRET } from '../http/world.ts';

const FEISHU_APP_SECRET = 'feishu-app-secret';
const SLACK_TOKEN = 'xoxb-test';
const MESSAGE = 'Confidential: Acme will sign at 1.2M';

const lines: string[] = [];
const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
const log = createLogger('debug', sink);
const printed: string[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

let w: Awaited<ReturnType<typeof bothDoors>>;
beforeAll(async () => {
  w = await bothDoors({}, log);
  const capture = (real: typeof realOut) => ((chunk: unknown, ...rest: unknown[]) => (printed.push(String(chunk)), (real as (...a: unknown[]) => boolean)(chunk, ...rest))) as typeof realOut;
  process.stdout.write = capture(realOut);
  process.stderr.write = capture(realErr);
});
afterAll(async () => {
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  await w?.close();
});

const everything = () => [...lines, ...printed].join('\n');
function expectNoSecrets() {
  const all = everything();
  const hit = (s: string) => [...lines, ...printed].filter((l) => l.includes(s)).map((l) => l.slice(0, 400));
  for (const secret of [FEISHU_APP_SECRET, FEISHU_KEY, FEISHU_TOKEN, SLACK_SECRET, SLACK_TOKEN, 't-fake', 'Bearer ', MESSAGE]) expect(hit(secret), `logs carry ${secret}`).toEqual([]);
}

it('a failing Feishu token fetch (a message answered through the door) logs no secret', async () => {
  // The door read the bot's identity at start, and the SDK keeps that token per app id: forget it so
  // this message's send has to fetch one.
  (lark.internalCache as unknown as { values: Map<unknown, unknown> }).values.clear();
  w.feishuFake.failToken = 400;
  const event = { schema: '2.0', header: { event_id: 'ev_red_1', event_type: 'im.message.receive_v1', token: FEISHU_TOKEN, tenant_key: 'tk' }, event: { sender: { sender_id: { open_id: 'ou_red' }, sender_type: 'user' }, message: { chat_type: 'p2p', chat_id: 'oc_red', message_type: 'text', content: JSON.stringify({ text: `/customer ${MESSAGE}` }) } } };
  const r = w.feishuRequest(event);
  expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw })).status).toBe(200);
  const end = Date.now() + 10_000;
  // The answer goes out through the outbox, which logs the failed try (and tries again later).
  while (!lines.some((l) => l.includes('owed message not delivered yet')) && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
  const failed = lines.find((l) => l.includes('owed message not delivered yet'));
  expect(failed, 'the failure is logged').toBeDefined();
  // What is kept says what happened: message, code, status, and the request it belonged to.
  expect(JSON.parse(failed!)).toMatchObject({ err: { message: expect.any(String) }, requestId: expect.any(String), door: 'feishu' });
  expectNoSecrets();
  w.feishuFake.failToken = undefined;
});

it('a failing Feishu send logs neither the token nor the card', async () => {
  w.feishuFake.failSend = 400;
  const before = lines.length;
  const event = { schema: '2.0', header: { event_id: 'ev_red_2', event_type: 'im.message.receive_v1', token: FEISHU_TOKEN, tenant_key: 'tk' }, event: { sender: { sender_id: { open_id: 'ou_red' }, sender_type: 'user' }, message: { chat_type: 'p2p', chat_id: 'oc_red', message_type: 'text', content: JSON.stringify({ text: `/customer add ${MESSAGE}` }) } } };
  const r = w.feishuRequest(event);
  await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw });
  const end = Date.now() + 10_000;
  while (!lines.slice(before).some((l) => l.includes('owed message not delivered yet')) && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
  expect(lines.slice(before).some((l) => l.includes('owed message not delivered yet'))).toBe(true);
  expectNoSecrets();
  w.feishuFake.failSend = undefined;
});

it('a failing Slack send (connection refused, with the original axios error inside) logs no token or text', async () => {
  const sender = slackSender(slackClient(SLACK_TOKEN, 'http://127.0.0.1:9/api/', 0, log), 'T1', 0);
  const err = await sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, { tone: 'info', text: MESSAGE, visibility: 'channel' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  log.warn({ err }, 'could not deliver a message');
  expect(lines.at(-1)).toContain('could not deliver a message');
  expectNoSecrets();
});
