// Slack's HTTP requests into the real Bolt App: the raw body is verified by us first (a forged,
// stale or future-dated request gets 401 and touches nothing), then handed to Bolt as a ReceiverEvent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.ts';
import { verifySlackRequest } from './verify.ts';

const MAX_BODY = 1_000_000;

export interface HttpReceiverOptions {
  signingSecret: string;
  port: number;
  path?: string;
  log: Logger;
  now?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  constructor(private readonly o: HttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<AddressInfo> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.o.port, '0.0.0.0', resolve));
    return this.server.address() as AddressInfo;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== (this.o.path ?? '/slack/events')) return end(res, 404, 'not found');
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return end(res, 413, 'too large');
    }
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

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw);
  const form = Object.fromEntries(new URLSearchParams(raw));
  // Interactivity arrives as a form with one JSON field, `payload`.
  return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
}

function end(res: ServerResponse, status: number, text: string) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

function json(res: ServerResponse, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
