// A small Slack Web API on loopback, written to Slack's documented methods and shapes: enough for
// the door's calls (auth.test, users.info, conversations.open, conversations.info, chat.*, views.*) and response_url posts,
// plus files: a shared file served at its url_private_download to the bot token only, and uploads
// by files.getUploadURLExternal → POST to the upload URL (raw or multipart) → files.completeUploadExternal.
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
  /** Channels the bot has not been invited to (conversations.info says so). */
  outside = new Set<string>();
  private hung: Array<import('node:http').ServerResponse> = [];
  calls: Call[] = [];
  responses: Array<{ url: string; body: Record<string, unknown>; at?: number }> = [];
  /** response_urls that processed a post and then dropped the connection: the poster cannot know it arrived. */
  ambiguous = new Set<string>();
  users = new Map<string, { real_name: string; tz: string; locale: string }>();
  /** Files people shared (served for download) and files the app uploaded (by file id). */
  files = new Map<string, { name: string; bytes: Uint8Array; uploadedBy?: 'app' }>();
  /** Downloads of shared files that were answered with the bytes. */
  downloads: string[] = [];
  /** Uploads completed with files.completeUploadExternal: which file, into which channel, with what comment. */
  shared: Array<{ id: string; name: string; title?: string; channel: string; threadTs?: string; comment?: string; bytes: Uint8Array }> = [];
  private nextFile = 1;
  private server?: Server;
  private ts = 1_700_000_000;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const buf = Buffer.concat(chunks);
        const raw = buf.toString('utf8');
        const path = req.url ?? '';
        if (path.startsWith('/files-pri/')) return this.serveFile(path, req.headers.authorization, res);
        if (path.startsWith('/upload/')) return this.receiveUpload(path, buf, req.headers['content-type'] ?? '', res);
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
        if (fault?.mode === 'processed-reset') {
          if (responding) this.ambiguous.add(path);
          return void req.socket.destroy();
        }
        res.writeHead(200, { 'content-type': responding ? 'text/plain' : 'application/json' }).end(body);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** A file a person shared, as Slack lists it in a file_share event. */
  share(name: string, bytes: Uint8Array): { id: string; name: string; size: number; mode: string; url_private: string; url_private_download: string } {
    const id = `F${String(this.nextFile++).padStart(6, '0')}`;
    this.files.set(id, { name, bytes });
    return { id, name, size: bytes.length, mode: 'hosted', url_private: `${this.url}/files-pri/T1-${id}/${encodeURIComponent(name)}`, url_private_download: `${this.url}/files-pri/T1-${id}/download/${encodeURIComponent(name)}` };
  }

  // Private file URLs need the token in an Authorization header; without it Slack answers its sign-in page.
  private serveFile(path: string, auth: string | undefined, res: import('node:http').ServerResponse): void {
    const id = /^\/files-pri\/T1-(F\d+)\//.exec(path)?.[1];
    const file = id ? this.files.get(id) : undefined;
    if (auth !== 'Bearer xoxb-test') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
    if (!file) return void res.writeHead(404).end();
    this.downloads.push(id!);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) }).end(Buffer.from(file.bytes));
  }

  private async receiveUpload(path: string, body: Buffer, contentType: string, res: import('node:http').ServerResponse): Promise<void> {
    const id = path.slice('/upload/'.length);
    const pending = this.files.get(id);
    if (!pending) return void res.writeHead(404).end();
    let bytes: Uint8Array = new Uint8Array(body);
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      bytes = part ? new Uint8Array(await part.arrayBuffer()) : new Uint8Array();
    }
    this.files.set(id, { ...pending, bytes });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
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
        return { ok: true, team_id: 'T1', team: 'Acme Sales', user: 'crm', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'conversations.info': {
        // As Slack answers a bot token: a private channel it is not in is not found at all.
        const id = String(args.channel);
        if (this.outside.has(id) && id.startsWith('G')) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id, is_channel: id.startsWith('C'), is_im: id.startsWith('D'), is_member: !id.startsWith('D') && !this.outside.has(id) } };
      }
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
      case 'conversations.history': {
        // Newest first; a message's metadata only with include_all_metadata, as Slack documents it.
        const all = [String(args.include_all_metadata), '1'].includes('true') || args.include_all_metadata === '1';
        const messages = [...(this.history.get(String(args.channel)) ?? [])].reverse().slice(0, Number(args.limit ?? 100));
        return { ok: true, messages: messages.map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(all && metadata ? { metadata } : {}) })) };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'files.getUploadURLExternal': {
        if (!args.filename || !Number(args.length)) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(this.nextFile++).padStart(6, '0')}`;
        this.files.set(id, { name: String(args.filename), bytes: new Uint8Array(), uploadedBy: 'app' });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as Array<{ id: string; title?: string }>;
        const done = list.map((f) => ({ id: f.id, ...this.files.get(f.id) }));
        if (done.some((f) => !f.name || !f.bytes?.length)) return { ok: false, error: 'file_not_found' };
        const titles = new Map(list.map((f) => [f.id, f.title]));
        if (args.channel_id)
          for (const f of done)
            this.shared.push({
              id: f.id, name: f.name!, channel: String(args.channel_id), bytes: f.bytes!,
              ...(titles.get(f.id) ? { title: titles.get(f.id) } : {}),
              ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
              ...(args.initial_comment ? { comment: String(args.initial_comment) } : {}),
            });
        return { ok: true, files: done.map((f) => ({ id: f.id, name: f.name, title: f.name })) };
      }
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
