// Events and card callbacks over HTTP at /feishu/events. Every check runs on the raw bytes before
// anything is dispatched; a refusal is a non-200 status and touches nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.ts';
import { decryptEvent, feishuSignature, MAX_SKEW_MS, signatureMatches } from './crypto.ts';
import type { FeishuDoor } from './door.ts';
import type { Header } from './events.ts';

export interface WebhookOptions {
  door: FeishuDoor;
  verificationToken?: string;
  encryptKey?: string;
  port: number;
  log: Logger;
  now?: () => number;
}

type Verdict = { status: number; body?: object; reason?: string; dispatch?: () => Promise<object | void> };

export function checkAndRoute(o: WebhookOptions, raw: Buffer, headers: Record<string, string | undefined>): Verdict {
  const now = (o.now ?? Date.now)();
  const ts = headers['x-lark-request-timestamp'];
  if (o.encryptKey) {
    const nonce = headers['x-lark-request-nonce'] ?? '';
    if (!ts || !signatureMatches(feishuSignature(ts, nonce, o.encryptKey, raw), headers['x-lark-signature'])) return { status: 401, reason: 'bad signature' };
  }
  // Each delivery, retries included, carries its own send time: more than 5 minutes off is a replay.
  if (ts && Math.abs(now - Number(ts) * 1000) > MAX_SKEW_MS) return { status: 401, reason: 'stale timestamp' };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8'));
    if (typeof body.encrypt === 'string') {
      if (!o.encryptKey) return { status: 400, reason: 'encrypted body but no key configured' };
      body = JSON.parse(decryptEvent(o.encryptKey, body.encrypt));
    }
  } catch {
    return { status: 400, reason: 'body does not decrypt or parse' };
  }
  const header = (body.header ?? {}) as Header;
  const token = (header.token ?? body.token) as string | undefined;
  if (!o.verificationToken || token !== o.verificationToken) return { status: 401, reason: 'wrong verification token' };
  if (body.type === 'url_verification') return { status: 200, body: { challenge: body.challenge } };
  const event = (body.event ?? {}) as never;
  switch (header.event_type) {
    case 'im.message.receive_v1':
      return { status: 200, body: {}, dispatch: () => o.door.onMessage(header, event) };
    case 'application.bot.menu_v6':
      return { status: 200, body: {}, dispatch: () => o.door.onMenu(header, event) };
    case 'card.action.trigger':
      return { status: 200, dispatch: () => o.door.onCardAction(header, event) };
    default:
      return { status: 200, body: {} };
  }
}

export async function startWebhook(o: WebhookOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => void handle(o, req, res));
  await new Promise<void>((r) => server.listen(o.port, '0.0.0.0', r));
  return { server, port: (server.address() as AddressInfo).port };
}

async function handle(o: WebhookOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/feishu/events') return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1_000_000) return void res.writeHead(413).end();
    chunks.push(c as Buffer);
  }
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const v = checkAndRoute(o, Buffer.concat(chunks), headers);
  if (v.status !== 200) {
    o.log.warn({ reason: v.reason }, 'feishu request refused');
    return void res.writeHead(v.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: v.reason }));
  }
  if (v.body) {
    // Messages and menu clicks are acknowledged at once; the reply follows as a message.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v.body));
    if (v.dispatch) void v.dispatch().catch((err) => o.log.error({ err }, 'feishu event failed'));
    return;
  }
  try {
    const answer = await v.dispatch!();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer ?? {}));
  } catch (err) {
    o.log.error({ err }, 'feishu card action failed');
    res.writeHead(500).end();
  }
}
