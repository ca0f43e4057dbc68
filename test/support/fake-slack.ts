// A small Slack Web API on loopback, written to Slack's documented methods and shapes: enough for
// the door's calls (auth.test, users.info, conversations.open, chat.*, views.*) and response_url posts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  args: Record<string, unknown>;
}

/** What a faulty Slack does to the next `times` calls of a method ('respond' for response_url posts). */
export type FaultMode = 'status500' | 'reset' | 'processed-reset' | 'hang';

export class FakeSlack {
  faults: Array<{ method: string; mode: FaultMode; times: number }> = [];
  /** Messages posted per channel, newest last, with their metadata (for conversations.history). */
  history = new Map<string, Array<{ ts: string; text: unknown; metadata?: unknown }>>();
  private hung: Array<import('node:http').ServerResponse> = [];
  calls: Call[] = [];
  responses: Array<{ url: string; body: Record<string, unknown>; at?: number }> = [];
  users = new Map<string, { real_name: string; tz: string; locale: string }>();
  private server?: Server;
  private ts = 1_700_000_000;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        if (path.startsWith('/upload/')) return void this.receiveUpload(path, req.headers['content-type'] ?? '', Buffer.concat(chunks), res);
        const raw = Buffer.concat(chunks).toString('utf8');
        const responding = path.startsWith('/respond/');
        const method = responding ? 'respond' : path.replace(/^\/api\//, '').split('?')[0]!;
        const fault = this.faults.find((f) => f.method === method && f.times > 0);
        if (fault) fault.times--;
        if (fault?.mode === 'hang') return void this.hung.push(res);
        if (fault?.mode === 'reset') return void req.socket.destroy();
        if (fault?.mode === 'status500') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"ok":false,"error":"internal_error"}');
        let body: string;
        if (responding) {
          this.responses.push({ url: path, body: JSON.parse(raw || '{}'), at: Date.now() });
          body = 'ok';
        } else {
          const args = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw || '{}') : decodeForm(raw);
          this.calls.push({ method, args });
          body = JSON.stringify(this.answer(method, args));
        }
        // Processed, then the connection drops before the answer: the caller cannot tell it worked.
        if (fault?.mode === 'processed-reset') return void req.socket.destroy();
        res.writeHead(200, { 'content-type': responding ? 'text/plain' : 'application/json' }).end(body);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  fail(method: string, mode: FaultMode, times = 1): void {
    this.faults.push({ method, mode, times });
  }

  /** Posts that reached the fake, by method (chat.postMessage) and the message's dedup metadata. */
  posts(): Call[] {
    return this.called('chat.postMessage');
  }

  async stop(): Promise<void> {
    for (const res of this.hung.splice(0)) res.socket?.destroy();
    this.server?.closeAllConnections?.();
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
      case 'chat.postEphemeral': {
        const ts = `${++this.ts}.000100`;
        const channel = String(args.channel);
        if (method === 'chat.postMessage') this.history.set(channel, [...(this.history.get(channel) ?? []), { ts, text: args.text, metadata: args.metadata }]);
        return { ok: true, channel: args.channel, ts, message: { text: args.text } };
      }
      case 'conversations.history':
        return { ok: true, messages: [...(this.history.get(String(args.channel)) ?? [])].reverse().slice(0, Number(args.limit ?? 100)) };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.ts}` } };
      default:
        return this.answerFiles(method, args) ?? { ok: false, error: 'unknown_method' };
    }
  }

  // Charts (issue 13): files.uploadV2 as the SDK does it: files.getUploadURLExternal gives an upload
  // URL, the bytes are POSTed there (multipart/form-data, field "body"), files.completeUploadExternal
  // shares the file into channel_id (and thread_ts). https://docs.slack.dev/messaging/working-with-files
  /** Bytes received per file id, and the files completed into a channel. */
  uploads = new Map<string, { filename: string; bytes: Buffer }>();
  shared: Array<{ id: string; title?: string; channel: string; threadTs?: string }> = [];
  private fileSeq = 0;

  private answerFiles(method: string, args: Record<string, unknown>): object | undefined {
    if (method === 'files.getUploadURLExternal') {
      if (!args.filename || !Number(args.length)) return { ok: false, error: 'invalid_arguments' };
      const id = `F${++this.fileSeq}`;
      this.uploads.set(id, { filename: String(args.filename), bytes: Buffer.alloc(0) });
      return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
    }
    if (method === 'files.completeUploadExternal') {
      const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as Array<{ id: string; title?: string }>;
      if (files.some((f) => !this.uploads.get(f.id)?.bytes.length)) return { ok: false, error: 'file_not_found' };
      for (const f of files) this.shared.push({ id: f.id, title: f.title, channel: String(args.channel_id ?? ''), ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}) });
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
    }
    return undefined;
  }

  private receiveUpload(path: string, contentType: string, body: Buffer, res: import('node:http').ServerResponse): void {
    const id = path.slice('/upload/'.length);
    const file = this.uploads.get(id);
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
    if (!file || !boundary) return void res.writeHead(400).end('bad upload');
    const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    for (let at = body.indexOf(sep); at >= 0; ) {
      const next = body.indexOf(sep, at + sep.length);
      if (next < 0) break;
      const part = body.subarray(at + sep.length + 2, next - 2);
      const headEnd = part.indexOf('\r\n\r\n');
      if (headEnd >= 0 && /name="body"/.test(part.subarray(0, headEnd).toString('utf8'))) file.bytes = Buffer.from(part.subarray(headEnd + 4));
      at = next;
    }
    res.writeHead(file.bytes.length ? 200 : 400, { 'content-type': 'text/plain' }).end(file.bytes.length ? `OK - ${file.bytes.length}` : 'no file');
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
