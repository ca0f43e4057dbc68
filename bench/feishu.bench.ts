// A signed, encrypted Feishu message event (`/log` in Chinese) → our HTTP answer, against the SDK's
// own EventDispatcher (lark.adaptDefault) that decrypts, checks and only answers, at 1, 20 and 100
// concurrent senders, on PostgreSQL and PGlite. Servers are child processes (`crm start` in webhook
// mode with its open API pointed at a fake Feishu on loopback); each virtual user waits for its reply
// card before sending again, so our work never piles up behind the answers.
// Run: npx tsx bench/feishu.bench.ts [postgres|pglite]   (BENCH_QUICK=1 for the reduced run)
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { feishuSignature } from '../src/bots/feishu/crypto.ts';
import { FakeFeishu, type Sent } from '../test/support/fake-feishu.ts';
import { drive, post } from './support/load.ts';
import { emit, pct, quick, verdict } from './support/report.ts';
import { freshStore, startBare, startCrm, type Child, type Engine } from './support/servers.ts';

const TOKEN = 'bench-token';
const KEY = 'bench-key';
const CONCURRENCY = [1, 20, 100];
const ROUNDS = 2;
const BATCH: Record<number, number> = quick ? { 1: 20, 20: 100, 100: 200 } : { 1: 100, 20: 500, 100: 1000 };
const WARMUP = quick ? 50 : 200;
const engines = process.argv.slice(2).filter((a) => a === 'postgres' || a === 'pglite') as Engine[];
if (engines.length === 0) engines.push('postgres', 'pglite');

function encrypt(text: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(KEY).digest(), iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}
let seq = 0;
function signedEvent(chat: string, text: string) {
  const id = ++seq;
  const body = {
    schema: '2.0',
    header: { event_id: `ev_bench_${id}_${randomBytes(3).toString('hex')}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: TOKEN, app_id: 'cli', tenant_key: 'tk' },
    event: { sender: { sender_id: { open_id: 'ou_rep' }, sender_type: 'user' }, message: { message_id: `om_in_${id}`, chat_id: chat, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } },
  };
  const raw = JSON.stringify({ encrypt: encrypt(JSON.stringify(body)) });
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return { raw, headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, KEY, raw) } };
}

/** Resolves waiters as the fake open API receives cards, per receiver, oldest waiter first. */
function cardWaiter(fake: FakeFeishu) {
  const waiting = new Map<string, Array<() => void>>();
  const sent = fake.sent;
  const push = sent.push.bind(sent);
  sent.push = (...items: Sent[]) => {
    for (const s of items) {
      const q = waiting.get(s.receiveId) ?? waiting.get('*');
      q?.shift()?.();
    }
    return push(...items);
  };
  return (receiver: string, timeoutMs = 20_000) =>
    new Promise<boolean>((resolve) => {
      const q = waiting.get(receiver) ?? [];
      waiting.set(receiver, q);
      const done = () => {
        clearTimeout(t);
        resolve(true);
      };
      const t = setTimeout(() => {
        q.splice(q.indexOf(done), 1);
        resolve(false);
      }, timeoutMs);
      q.push(done);
    });
}

interface Batch {
  answer: number[];
  failed: number;
  wallMs: number;
  n: number;
}

async function batch(server: Child, n: number, concurrency: number, card?: ReturnType<typeof cardWaiter>): Promise<Batch> {
  const url = `http://127.0.0.1:${server.port}/feishu/events`;
  const answer: number[] = [];
  let failed = 0;
  const wallMs = await drive(n, concurrency, async (i, user) => {
    // Each event in a chat of its own; its reply card is addressed to that chat. One chat per
    // virtual user would measure Feishu's own limit instead (5 messages a second per chat, kept by
    // src/bots/feishu/pace.ts): a user answered in 15 ms sends again at once, no person does.
    const chat = `oc_bench_${user}_${i}`;
    const e = signedEvent(chat, `/log 华为 电话：第${i}次沟通。下一步：明天下午3点回访`);
    const replied = card?.(chat);
    const t0 = performance.now();
    const status = await post(url, e.raw, e.headers);
    if (status !== 200) {
      failed++;
      return;
    }
    answer.push(performance.now() - t0);
    if (replied && !(await replied)) failed++;
  });
  return { answer, failed, wallMs, n };
}

async function onEngine(engine: Engine): Promise<void> {
  const fake = new FakeFeishu();
  await fake.start();
  const card = cardWaiter(fake);
  const store = await freshStore(engine);
  const env = { FEISHU_APP_ID: 'cli', FEISHU_APP_SECRET: 's', FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY, FEISHU_DOMAIN: fake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_LOCALE: 'zh-CN' };
  const ours = await startCrm({ ...env, ...store.env }, `crm-feishu-${engine}`);
  const bare = await startBare('bare-feishu.mjs', env);
  try {
    const add = signedEvent('oc_bench_add', '/customer add 华为技术 等级:A');
    const added = card('oc_bench_add');
    if ((await post(`http://127.0.0.1:${ours.port}/feishu/events`, add.raw, add.headers)) !== 200 || !(await added)) throw new Error('could not add the customer');
    await batch(bare, WARMUP, 20);
    await batch(ours, WARMUP, 20, card);
    for (const c of CONCURRENCY) {
      const o: Batch[] = [];
      const b: Batch[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        b.push(await batch(bare, BATCH[c]!, c));
        o.push(await batch(ours, BATCH[c]!, c, card));
      }
      const oa = o.flatMap((x) => x.answer);
      const ba = b.flatMap((x) => x.answer);
      const of = o.reduce((a, x) => a + x.failed, 0);
      const on = o.reduce((a, x) => a + x.n, 0);
      const ratio = pct(oa, 99) / pct(ba, 99);
      emit({
        scenario: `feishu event answer [${engine}]`, concurrency: c, unit: 'ms',
        ours: { p50: pct(oa, 50), p99: pct(oa, 99), tput: (on * 1000) / o.reduce((a, x) => a + x.wallMs, 0) },
        baseline: { name: 'SDK EventDispatcher', p50: pct(ba, 50), p99: pct(ba, 99), tput: (b.reduce((a, x) => a + x.n, 0) * 1000) / b.reduce((a, x) => a + x.wallMs, 0) },
        ratio, target: 'p99 ≤ 1.5× SDK, 0 failed', verdict: verdict(ratio <= 1.5 && of === 0),
        note: `${of}/${on} failed; ours /s counts commands answered AND replied (card at the open API), the SDK's only answers`,
      });
    }
  } finally {
    await ours.stop();
    await bare.stop();
    await fake.stop();
    await store.drop();
  }
}

for (const engine of engines) await onEngine(engine);
