// A small Slack Web API on loopback, written to Slack's documented methods and shapes: enough for
// the door's calls (auth.test, users.info, conversations.open, chat.*, views.*) and response_url posts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  args: Record<string, unknown>;
}

export class FakeSlack {
  calls: Call[] = [];
  responses: Array<{ url: string; body: Record<string, unknown> }> = [];
  users = new Map<string, { real_name: string; tz: string; locale: string }>();
  private server?: Server;
  private ts = 1_700_000_000;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        if (path.startsWith('/respond/')) {
          this.responses.push({ url: path, body: JSON.parse(raw || '{}') });
          res.writeHead(200).end('ok');
          return;
        }
        const method = path.replace(/^\/api\//, '').split('?')[0]!;
        const args = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw || '{}') : decodeForm(raw);
        this.calls.push({ method, args });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer(method, args)));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  respondUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  called(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  private answer(method: string, args: Record<string, unknown>): object {
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: 'T1', team: 'Acme Sales', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const u = this.users.get(String(args.user));
        return u ? { ok: true, user: { id: args.user, name: u.real_name, real_name: u.real_name, tz: u.tz, locale: u.locale, profile: { real_name: u.real_name } } } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return { ok: true, channel: args.channel, ts: `${++this.ts}.000100`, message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.ts}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function decodeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}
