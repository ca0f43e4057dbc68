// Faults between the Feishu door and Feishu: a send failing with 500, a send Feishu processed before
// the connection dropped, an event delivered twice. The answer to a text message is written to the
// outbox with the command's effect and reaches the chat exactly once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.ts';
import { createNotifier } from '../../../src/app/notifier.ts';
import { feishuSignature } from '../../../src/bots/feishu/crypto.ts';
import { startFeishu } from '../../../src/bots/feishu/start.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHttpServer } from '../../../src/http/server.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { freshDatabase, postgresReachable } from '../../support/engines.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { TestClock } from '../../support/fixtures.ts';
import { encrypt } from '../../http/world.ts';

const TOKEN = 'verify-token';
const KEY = 'encrypt-key';

const fake = new FakeFeishu();
let db: Database & { drop(): Promise<void> };
let outbox: ReturnType<typeof createOutbox>;
let base = '';
let stop: () => Promise<void>;
let inflight = 0;
let seq = 0;

beforeAll(async () => {
  await fake.start();
  fake.users.set('ou_li', { name: '李雷', time_zone: 'Asia/Shanghai' });
  db = await freshDatabase((await postgresReachable()) ? 'postgres' : 'pglite');
  const config = loadConfig({
    FEISHU_APP_ID: 'cli_test', FEISHU_APP_SECRET: 'secret', FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY,
    FEISHU_DOMAIN: fake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TZ: 'Asia/Shanghai', PORT: '0',
  });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const notifier = createNotifier(db, silentLogger);
  // No backoff, so sweep() retries at once; the real default is exponential.
  outbox = createOutbox({ db, notifier, log: silentLogger, backoffMs: () => 0, instanceId: 'feishu-test', now: () => clock.now() });
  const shared = createHandler({ db, clock, log: silentLogger, config, notifier, outbox });
  const handler: AppContext['handler'] = async (inv, progress) => {
    inflight++;
    try {
      return await shared(inv, progress);
    } finally {
      inflight--;
    }
  };
  const http = createHttpServer(silentLogger);
  const ctx: AppContext = { config, db, log: silentLogger, clock, notifier, handler, http, outbox };
  const started = await startFeishu(ctx);
  const port = await http.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}/feishu/events`;
  stop = async () => {
    await started.stop();
    await http.close();
  };
  await deliver(message('ou_li', 'oc_setup', '/customer add 华为技术 等级:A'));
  await until(async () => (await db.prisma.customer.count()) === 1 && inflight === 0);
}, 120_000);

afterAll(async () => {
  await stop?.();
  await outbox?.idle();
  await fake.stop();
  await db?.drop();
});

function message(openId: string, chatId: string, text: string, eventId = `ev_rel_${++seq}`) {
  return {
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: TOKEN, app_id: 'cli_test', tenant_key: 'tk1' },
    event: { sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk1' }, message: { message_id: `om_in_${seq}`, chat_id: chatId, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } },
  };
}

async function deliver(body: object): Promise<number> {
  const raw = JSON.stringify({ encrypt: encrypt(KEY, JSON.stringify(body)) });
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, KEY, raw) }, body: raw });
  await res.text();
  return res.status;
}

async function until(ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits for the handler to finish and the outbox to have nothing left that is due. */
async function settle(): Promise<void> {
  await until(() => inflight === 0);
  await outbox.idle();
  for (let i = 0; i < 20; i++) {
    if (!(await outbox.sweep())) break;
  }
}

const inChat = (chatId: string) => fake.sent.filter((s) => s.receiveId === chatId);
const logged = (marker: string) => db.prisma.interaction.count({ where: { summary: { contains: marker } } });

it('a send failing with 500 once: one reply in the chat', async () => {
  fake.fail('status500', 1);
  expect(await deliver(message('ou_li', 'oc_500_once', '/log 华为 电话：五百一次'))).toBe(200);
  await until(() => inChat('oc_500_once').length > 0);
  await settle();
  expect(inChat('oc_500_once')).toHaveLength(1);
  expect(await logged('五百一次')).toBe(1);
});

it('every try of the first attempt fails with 500: the outbox sends the reply once Feishu recovers', async () => {
  fake.fail('status500', 4); // the sender's own quick tries, all refused
  expect(await deliver(message('ou_li', 'oc_500_all', '/log 华为 电话：五百四次'))).toBe(200);
  await until(async () => inflight === 0 && (await db.prisma.outboxMessage.count({ where: { status: 'failed' } })) === 1);
  expect(inChat('oc_500_all')).toHaveLength(0);
  await settle();
  expect(inChat('oc_500_all')).toHaveLength(1);
  expect(await logged('五百四次')).toBe(1);
});

it('a send Feishu processed before the connection dropped, on every quick try: one reply (the uuid dedups the outbox retry)', async () => {
  fake.fail('processed-reset', 4);
  expect(await deliver(message('ou_li', 'oc_reset', '/log 华为 电话：处理后断开'))).toBe(200);
  await until(async () => inflight === 0 && (await db.prisma.outboxMessage.count({ where: { status: 'failed' } })) === 1);
  await settle();
  const sends = inChat('oc_reset');
  expect(sends).toHaveLength(1);
  expect(sends[0]!.uuid).toMatch(/^feishu:evt:ev_rel_\d+:reply$/);
  expect(await db.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);
});

it('a send that hangs times out and is tried again: one reply, and the chat\'s pacing queue is not held', async () => {
  fake.fail('hang', 1);
  expect(await deliver(message('ou_li', 'oc_hang', '/log 华为 电话：发送卡住'))).toBe(200);
  await until(() => inChat('oc_hang').length > 0, 30_000);
  await settle();
  expect(inChat('oc_hang')).toHaveLength(1);
  expect(await logged('发送卡住')).toBe(1);
});

it('the same event delivered three times (twice at once, once later): one effect, one reply', async () => {
  const body = message('ou_li', 'oc_dup', '/log 华为 微信：重复投递');
  expect(await Promise.all([deliver(body), deliver(body)])).toEqual([200, 200]);
  await until(async () => inflight === 0 && (await logged('重复投递')) === 1);
  await settle();
  expect(await deliver(body)).toBe(200);
  await settle();
  expect(await logged('重复投递')).toBe(1);
  expect(inChat('oc_dup')).toHaveLength(1);
});
