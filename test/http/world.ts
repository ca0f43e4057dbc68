// Both doors and the operator's paths on one HTTP server, as `crm start` runs them, with tight
// limits so slow-client tests finish quickly.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { AppContext } from '../../src/app/context.ts';
import { createNotifier } from '../../src/app/notifier.ts';
import { feishuSignature } from '../../src/bots/feishu/crypto.ts';
import { startFeishu } from '../../src/bots/feishu/start.ts';
import { startSlack } from '../../src/bots/slack/start.ts';
import { slackSignature } from '../../src/bots/slack/verify.ts';
import { loadConfig } from '../../src/config.ts';
import { serveOperations } from '../../src/http/health.ts';
import { createHttpServer, type HttpLimits } from '../../src/http/server.ts';
import { createHandler } from '../../src/intents/handler.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import type { Logger } from '../../src/logger.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeFeishu } from '../support/fake-feishu.ts';
import { FakeSlack } from '../support/fake-slack.ts';
import { freshDatabase } from '../support/engines.ts';
import { TestClock } from '../support/fixtures.ts';

export const SLACK_SECRET = 'slack-signing-secret-xyz';
export const FEISHU_TOKEN = 'feishu-verify-token';
export const FEISHU_KEY = 'feishu-encrypt-key';

export function encrypt(key: string, text: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]).toString('base64');
}

/** `opts.outbox`: follow-ups and notices go through an outbox (src/scheduler/outbox.ts) as `crm start` sends them. */
export async function bothDoors(limits: Partial<HttpLimits> = {}, log: Logger = silentLogger, opts: { outbox?: boolean } = {}) {
  const slackFake = new FakeSlack();
  const feishuFake = new FakeFeishu();
  await slackFake.start();
  await feishuFake.start();
  const db = await freshDatabase('pglite');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: `${slackFake.url}/api/`,
    FEISHU_APP_ID: 'cli_test', FEISHU_APP_SECRET: 'feishu-app-secret', FEISHU_VERIFICATION_TOKEN: FEISHU_TOKEN, FEISHU_ENCRYPT_KEY: FEISHU_KEY,
    FEISHU_DOMAIN: feishuFake.url, FEISHU_MODE: 'webhook', CRM_DEFAULT_TZ: 'Asia/Shanghai', PORT: '0',
  });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const notifier = createNotifier(db, log);
  const http = createHttpServer(log, limits);
  const outbox = opts.outbox ? createOutbox({ db, notifier, log, now: () => clock.now() }) : undefined;
  const ctx: AppContext = { config, db, log, clock, notifier, handler: createHandler({ db, clock, log, config, notifier, ...(outbox ? { outbox } : {}) }), http };
  const slack = await startSlack(ctx, { paceMs: 0 });
  const feishu = await startFeishu(ctx);
  serveOperations(http, db);
  const port = await http.listen(0, '127.0.0.1');
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;

  function slackHeaders(body: string, ts = String(Math.floor(Date.now() / 1000))) {
    return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SLACK_SECRET, ts, body) };
  }
  function feishuRequest(event: object, opts: { timestamp?: string; signed?: boolean } = {}) {
    const raw = JSON.stringify({ encrypt: encrypt(FEISHU_KEY, JSON.stringify(event)) });
    const ts = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.signed !== false) Object.assign(headers, { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, FEISHU_KEY, raw) });
    return { raw, headers };
  }
  const counts = async () => Promise.all([db.prisma.customer.count(), db.prisma.interaction.count(), db.prisma.user.count(), db.prisma.processedDelivery.count()]);

  return {
    db, http, port, url, slackFake, feishuFake, slackHeaders, feishuRequest, counts, clock, notifier, outbox,
    async close() {
      await http.close();
      await slack.stop();
      await feishu.stop();
      await slackFake.stop();
      await feishuFake.stop();
      await db.drop();
    },
  };
}

/**
 * Speaks raw HTTP on a socket: `chunks` are written `gapMs` apart (a slow client), and the answer
 * is whatever the server sends before it closes or `waitMs` passes.
 */
export function rawHttp(port: number, chunks: Array<string | Buffer>, opts: { gapMs?: number; waitMs?: number; abortAfter?: number } = {}): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    let i = 0;
    const timer = setTimeout(() => finish(), opts.waitMs ?? 5_000);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const writeNext = () => {
      if (socket.destroyed) return;
      if (opts.abortAfter !== undefined && i >= opts.abortAfter) return void socket.resetAndDestroy();
      if (i >= chunks.length) return;
      socket.write(chunks[i++]!, () => setTimeout(writeNext, opts.gapMs ?? 0));
    };
    socket.on('connect', writeNext);
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
  });
}
