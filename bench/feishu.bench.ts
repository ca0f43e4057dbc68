// A signed, encrypted Feishu message event: time to the HTTP answer and to the reply card reaching
// the (loopback fake) open API, median and p99 over 200 events, next to a bare SDK dispatcher
// (lark.EventDispatcher behind lark.adaptDefault) that only answers, same run.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import type { AppContext } from '../src/app/context.ts';
import { createNotifier } from '../src/app/notifier.ts';
import { feishuSignature } from '../src/bots/feishu/crypto.ts';
import { createHttpServer } from '../src/http/server.ts';
import { startFeishu } from '../src/bots/feishu/start.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/domain/context.ts';
import { createHandler } from '../src/intents/handler.ts';
import { silentLogger } from '../src/logger.ts';
import { FakeFeishu } from '../test/support/fake-feishu.ts';
import { freshDatabase } from '../test/support/engines.ts';

const N = 200;
const TOKEN = 'bench-token';
const KEY = 'bench-key';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

function encrypt(text: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(KEY).digest(), iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}
function signed(body: object) {
  const raw = JSON.stringify({ encrypt: encrypt(JSON.stringify(body)) });
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return { raw, headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, KEY, raw) } };
}
let seq = 0;
const message = (text: string) => ({
  schema: '2.0',
  header: { event_id: `ev_bench_${++seq}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: TOKEN, app_id: 'cli', tenant_key: 'tk' },
  event: { sender: { sender_id: { open_id: 'ou_rep' }, sender_type: 'user' }, message: { message_id: `om_${seq}`, chat_id: 'oc_rep', chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } },
});

// Bare: the SDK's own dispatcher, only answering.
const bareDispatcher = new lark.EventDispatcher({ verificationToken: TOKEN, encryptKey: KEY, loggerLevel: lark.LoggerLevel.error }).register({ 'im.message.receive_v1': async () => undefined });
const bare = createServer(lark.adaptDefault('/feishu/events', bareDispatcher));
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const barePort = (bare.address() as AddressInfo).port;

const fake = new FakeFeishu();
await fake.start();
const db = await freshDatabase('pglite');
const config = loadConfig({ FEISHU_APP_ID: 'cli', FEISHU_APP_SECRET: 's', FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY, FEISHU_DOMAIN: fake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TZ: 'Asia/Shanghai', PORT: '0' });
const notifier = createNotifier(db, silentLogger);
const ctx: AppContext = { config, db, log: silentLogger, clock: systemClock, notifier, handler: createHandler({ db, clock: systemClock, log: silentLogger, config, notifier }), http: createHttpServer(silentLogger) };
const door = await startFeishu(ctx);
const ours = `http://127.0.0.1:${await ctx.http.listen(0, '127.0.0.1')}/feishu/events`;

const post = async (url: string, body: object) => {
  const s = signed(body);
  const res = await fetch(url, { method: 'POST', headers: s.headers, body: s.raw });
  await res.text();
  return res.status;
};
await post(ours, message('/customer add 华为技术 等级:A'));
while (fake.sent.length < 1) await new Promise((r) => setTimeout(r, 10));

const bareAnswer: number[] = [];
const answer: number[] = [];
const reply: number[] = [];
for (let i = 0; i < N; i++) {
  let t = performance.now();
  await post(`http://127.0.0.1:${barePort}/feishu/events`, message('/tasks'));
  bareAnswer.push(performance.now() - t);
  const before = fake.sent.length;
  t = performance.now();
  if ((await post(ours, message(`/log 华为 电话：第${i}次沟通。下一步：明天下午3点回访`))) !== 200) throw new Error('refused');
  answer.push(performance.now() - t);
  while (fake.sent.length === before) await new Promise((r) => setImmediate(r));
  reply.push(performance.now() - t);
}
const row = (name: string, xs: number[]) => `| ${name} | ${pct(xs, 50).toFixed(2)} | ${pct(xs, 99).toFixed(2)} | ${(pct(xs, 50) / pct(bareAnswer, 50)).toFixed(2)} |`;
console.log(`${N} signed, encrypted message events each (PGlite, loopback fake open API)`);
console.log('| path | median ms | p99 ms | median vs bare answer |');
console.log('|---|---|---|---|');
console.log(row('bare SDK dispatcher, answer only', bareAnswer));
console.log(row('CRM /log → HTTP answer', answer));
console.log(row('CRM /log → reply card at the open API', reply));
await door.stop();
bare.close();
await fake.stop();
await db.drop();
