// Slack's HTTP requests into the real Bolt App: the raw body is verified by us first (a forged,
// stale or future-dated request gets 401 and touches nothing), then handed to Bolt as a ReceiverEvent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { header, send, sendJson, type HttpServer } from '../../http/server.ts';
import type { Logger } from '../../logger.ts';
import { verifySlackRequest } from './verify.ts';

export interface HttpReceiverOptions {
  signingSecret: string;
  /** The process's one HTTP server; this receiver adds its path to it and never listens itself. */
  http: HttpServer;
  path?: string;
  log: Logger;
  now?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  private app?: App;
  constructor(private readonly o: HttpReceiverOptions) {
    o.http.route('POST', o.path ?? '/slack/events', (req, res, body) => this.handle(req, res, body.toString('utf8')), 'slack');
  }

  init(app: App): void {
    this.app = app;
  }

  // The shared server listens and stops for every door at once (src/app/start.ts).
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  private async handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const verdict = verifySlackRequest(this.o.signingSecret, { timestamp: header(req, 'x-slack-request-timestamp'), signature: header(req, 'x-slack-signature') }, raw, (this.o.now ?? Date.now)());
    if (!verdict.ok) {
      this.o.log.warn({ reason: verdict.reason }, 'slack request refused');
      return end(res, 401, 'invalid signature');
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type') ?? '');
    } catch {
      return end(res, 400, 'bad body');
    }
    if (body.type === 'url_verification') return json(res, { challenge: body.challenge });
    let acked = false;
    const event: ReceiverEvent = {
      body,
      retryNum: Number(header(req, 'x-slack-retry-num')) || undefined,
      retryReason: header(req, 'x-slack-retry-reason'),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === '') end(res, 200, '');
        else if (typeof response === 'string') end(res, 200, response);
        else json(res, response);
      },
    };
    try {
      await this.app!.processEvent(event);
    } catch (err) {
      this.o.log.error({ err }, 'slack event failed');
      if (!acked) end(res, 500, '');
    }
    // A listener that forgot to ack still gets an answer, so Slack does not retry what already ran.
    if (!acked) end(res, 200, '');
  }
}

export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  const form = contentType.includes('application/json') ? undefined : Object.fromEntries(new URLSearchParams(raw));
  // Interactivity arrives as a form with one JSON field, `payload`.
  const body: unknown = !form ? JSON.parse(raw) : typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  // `null`, a number or a list is valid JSON but no Slack payload.
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
  return body as Record<string, unknown>;
}

const end = send;
const json = (res: ServerResponse, body: unknown) => sendJson(res, 200, body);
