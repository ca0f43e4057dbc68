// Events and card callbacks over HTTP at /feishu/events on the shared server. Every check runs on
// the raw bytes before anything is dispatched; a refusal is a non-200 status and touches nothing.
//
// The URL check (url_verification) is the one request answered without a signature: Feishu's
// documentation describes it as the body {challenge, token, type} alone (encrypted when an Encrypt
// Key is set), and the SDK's own autoChallenge answers it before, and without, any signature check.
// Requiring X-Lark-* headers on it would keep the Request URL from being saved. What proves it
// genuine is that it decrypts with our key and carries our token; all it can obtain is its own echo.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, sendJson, type HttpServer } from '../../http/server.ts';
import type { Progress } from '../../intents/invocation.ts';
import type { Logger } from '../../logger.ts';
import { ackOnAccept } from '../ack.ts';
import { decryptEvent, feishuSignature, MAX_SKEW_MS, sameSecret, signatureMatches } from './crypto.ts';
import type { FeishuDoor } from './door.ts';
import type { Header } from './events.ts';

export interface WebhookOptions {
  door: FeishuDoor;
  verificationToken: string;
  encryptKey: string;
  log: Logger;
  now?: () => number;
}

type Verdict = { status: number; body?: object; reason?: string; dispatch?: (progress?: Progress) => Promise<object | void> };

const TIMESTAMP = /^\d{1,12}$/;

function signatureVerdict(o: WebhookOptions, raw: Buffer, headers: Record<string, string | undefined>, now: number): string | undefined {
  const ts = headers['x-lark-request-timestamp'];
  if (!ts || !TIMESTAMP.test(ts)) return 'missing or non-numeric timestamp';
  const nonce = headers['x-lark-request-nonce'] ?? '';
  if (!signatureMatches(feishuSignature(ts, nonce, o.encryptKey, raw), headers['x-lark-signature'])) return 'bad signature';
  // Each delivery, retries included, carries its own send time: more than 5 minutes off is a replay.
  if (Math.abs(now - Number(ts) * 1000) > MAX_SKEW_MS) return 'stale timestamp';
  return undefined;
}

function parseObject(text: string): Record<string, unknown> {
  const v: unknown = JSON.parse(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
  return v as Record<string, unknown>;
}

export function checkAndRoute(o: WebhookOptions, raw: Buffer, headers: Record<string, string | undefined>): Verdict {
  const unsigned = signatureVerdict(o, raw, headers, (o.now ?? Date.now)());
  let body: Record<string, unknown>;
  let encrypted = false;
  try {
    body = parseObject(raw.toString('utf8'));
    if (typeof body.encrypt === 'string') {
      encrypted = true;
      body = parseObject(decryptEvent(o.encryptKey, body.encrypt));
    }
  } catch {
    return { status: unsigned ? 401 : 400, reason: unsigned ?? 'body does not decrypt or parse' };
  }
  const head = (body.header && typeof body.header === 'object' ? body.header : {}) as Header;
  const token = head.token ?? body.token;
  const tokenOk = typeof token === 'string' && sameSecret(token, o.verificationToken);
  if (body.type === 'url_verification') {
    // Feishu encrypts the check when an Encrypt Key is set: a plaintext one did not come from it.
    if (!encrypted || !tokenOk || typeof body.challenge !== 'string') return { status: 401, reason: 'not a genuine url_verification' };
    return { status: 200, body: { challenge: body.challenge } };
  }
  if (unsigned) return { status: 401, reason: unsigned };
  if (!tokenOk) return { status: 401, reason: 'wrong verification token' };
  const event = (body.event ?? {}) as never;
  switch (head.event_type) {
    case 'im.message.receive_v1':
      return { status: 200, body: {}, dispatch: (p) => o.door.onMessage(head, event, p) };
    case 'application.bot.menu_v6':
      return { status: 200, body: {}, dispatch: (p) => o.door.onMenu(head, event, p) };
    case 'card.action.trigger':
      return { status: 200, dispatch: () => o.door.onCardAction(head, event) };
    default:
      return { status: 200, body: {} };
  }
}

/** Adds POST /feishu/events to the shared server. */
export function serveWebhook(http: HttpServer, o: WebhookOptions): void {
  http.route('POST', '/feishu/events', (req, res, raw) => handle(o, req, res, raw), 'feishu');
}

async function handle(o: WebhookOptions, req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
  const headers = Object.fromEntries(['x-lark-request-timestamp', 'x-lark-request-nonce', 'x-lark-signature'].map((k) => [k, header(req, k)]));
  const v = checkAndRoute(o, raw, headers);
  if (v.status !== 200) {
    o.log.warn({ reason: v.reason }, 'feishu request refused');
    return sendJson(res, v.status, { error: v.reason });
  }
  if (v.body) {
    // Messages and menu clicks are acknowledged once stored (src/intents/intake.ts; at most 2 s on),
    // so Feishu delivers again an event whose replica died before that; the reply follows as a message.
    const body = v.body;
    const acked = ackOnAccept(() => sendJson(res, 200, body));
    if (!v.dispatch) return acked.now();
    void v
      .dispatch(acked)
      .catch((err) => o.log.error({ err }, 'feishu event failed'))
      .finally(acked.now);
    return;
  }
  try {
    sendJson(res, 200, (await v.dispatch!()) ?? {});
  } catch (err) {
    o.log.error({ err }, 'feishu card action failed');
    sendJson(res, 500, {});
  }
}
