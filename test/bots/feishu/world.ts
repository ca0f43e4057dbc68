// The Feishu door as it runs in webhook mode: the real SDK client against the fake Open Platform,
// the shared handler on a fresh PGlite database, events sent encrypted and signed over loopback.
// One setup for the door's tests (like test/bots/slack/harness.ts for Slack).
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../../src/app/context.ts';
import { createNotifier } from '../../../src/app/notifier.ts';
import { feishuSignature } from '../../../src/bots/feishu/crypto.ts';
import { startFeishu } from '../../../src/bots/feishu/start.ts';
import { loadConfig } from '../../../src/config.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import { createHttpServer } from '../../../src/http/server.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

export const TOKEN = 'verify-token';
export const KEY = 'encrypt-key';

/** An event body encrypted as Feishu does (AES-256-CBC under the SHA-256 of the key, IV first). */
export function encrypt(text: string, key = KEY): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}

let seq = 0;
/** A fresh number for event and message ids. */
export const nextId = () => ++seq;

export const envelope = (eventType: string, event: object, eventId = `ev_${nextId()}`) => ({
  schema: '2.0',
  header: { event_id: eventId, event_type: eventType, create_time: String(Date.now()), token: TOKEN, app_id: 'cli_test', tenant_key: 'tk1' },
  event,
});

/** A text message to the bot in `openId`'s direct chat. */
export const message = (openId: string, text: string, eventId?: string) =>
  envelope('im.message.receive_v1', { sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk1' }, message: { message_id: `om_in_${nextId()}`, chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) } }, eventId);

/** A card button pressed by `openId` on the message `messageId` in their direct chat. */
export const click = (openId: string, value: object, messageId: string) =>
  envelope('card.action.trigger', { operator: { open_id: openId, tenant_key: 'tk1' }, action: { tag: 'button', value }, context: { open_message_id: messageId, open_chat_id: `oc_${openId}` } });

/** Waits for a condition (replies go out after the HTTP answer), never for a fixed time. */
export async function until(ok: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface SendOptions {
  /** Encrypt with another key (the door cannot decrypt: 400). */
  encryptWith?: string;
  /** Sign with another key. */
  signWith?: string;
  /** Change the body after signing. */
  tamper?: boolean;
  /** The request's timestamp in seconds (default now). */
  timestamp?: number;
  /** Attempts when the connection fails (Feishu redelivers a failed event; the door deduplicates on event_id). */
  tries?: number;
}

export type FeishuWorld = Awaited<ReturnType<typeof feishuWorld>>;

/** The door started against the fake with these users (open_id to name, all in Asia/Shanghai); `ou_admin` is an admin. */
export async function feishuWorld(users: Record<string, string>) {
  const fake = new FakeFeishu();
  await fake.start();
  for (const [openId, name] of Object.entries(users)) fake.users.set(openId, { name, time_zone: 'Asia/Shanghai' });
  const db = await freshDatabase('pglite');
  const config = loadConfig({
    FEISHU_APP_ID: 'cli_test', FEISHU_APP_SECRET: 'secret', FEISHU_VERIFICATION_TOKEN: TOKEN, FEISHU_ENCRYPT_KEY: KEY,
    FEISHU_DOMAIN: fake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_ADMINS: 'feishu:ou_admin', PORT: '0',
  });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const notifier = createNotifier(db, silentLogger);
  const ctx: AppContext = { config, db, log: silentLogger, clock, notifier, handler: createHandler({ db, clock, log: silentLogger, config, notifier }), http: createHttpServer(silentLogger) };
  const started = await startFeishu(ctx);
  const port = await ctx.http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/feishu/events`;

  async function sendOnce(body: object, opts: SendOptions) {
    const raw = JSON.stringify({ encrypt: encrypt(JSON.stringify(body), opts.encryptWith ?? KEY) });
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const signature = feishuSignature(ts, nonce, opts.signWith ?? KEY, opts.tamper ? raw + ' ' : raw);
    const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature }, body: raw });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> & { toast?: { type: string; content: string } } };
  }

  /** Posts `body` as Feishu does: encrypted, signed, with a timestamp and nonce. */
  async function send(body: object, opts: SendOptions = {}): Promise<Awaited<ReturnType<typeof sendOnce>>> {
    try {
      return await sendOnce(body, opts);
    } catch (err) {
      if ((opts.tries ?? 1) <= 1) throw err;
      return send(body, { ...opts, tries: (opts.tries ?? 1) - 1 });
    }
  }

  async function close() {
    await started.stop();
    await ctx.http.close();
    await fake.stop();
    await db.drop();
  }

  return { fake, db, clock, ctx, base, send, close };
}
