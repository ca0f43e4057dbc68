// A small Feishu open API on loopback, to its documented shapes: tenant token, send (with uuid
// de-duplication), patch, contact lookups, the bot's own identity and chat membership, recording what the door sent;
// plus files: a message's
// resource (GET …/messages/:message_id/resources/:file_key?type=file) and uploads (POST
// /open-apis/im/v1/files, multipart with file_type, file_name and file; at most 30 MB, never empty).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  messageId: string;
  receiveIdType: string;
  receiveId: string;
  card: Record<string, unknown>;
  uuid?: string;
  /** interactive (a card) or file ({file_key}). */
  msgType?: string;
  at?: number;
}

/** What a faulty Feishu does to the next `times` message sends. */
export type FeishuFault = 'status500' | 'reset' | 'processed-reset' | 'hang';

export class FakeFeishu {
  sendFaults: Array<{ mode: FeishuFault; times: number }> = [];
  patchFaults: Array<{ mode: FeishuFault; times: number }> = [];
  private hung: Array<import('node:http').ServerResponse> = [];
  sent: Sent[] = [];
  patched: Array<{ messageId: string; card: Record<string, unknown> }> = [];
  users = new Map<string, { name: string; time_zone?: string }>();
  tokenRequests = 0;
  /** What GET /open-apis/bot/v3/info answers: the bot's own identity. */
  bot = { open_id: 'ou_bot', app_name: 'CRM' };
  /** Chats the bot has not been added to (is_in_chat says so). */
  outside = new Set<string>();
  /** Files people sent the bot, by message id and file key; files the app uploaded, by file key. */
  resources = new Map<string, Uint8Array>();
  uploads = new Map<string, { name: string; type: string; bytes: Uint8Array }>();
  downloads: string[] = [];
  /** Every send request, those answered from the uuid de-duplication included. */
  sendRequests = 0;
  /** HTTP status to answer token requests / sends with instead of success (a failing platform). */
  failToken?: number;
  failSend?: number;
  url = '';
  private server?: Server;
  private next = 1;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const u = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/images') return void this.receiveImage(req.headers, Buffer.concat(chunks), res);
        const raw = Buffer.concat(chunks);
        const type = req.headers['content-type'] ?? '';
        const form = type.startsWith('multipart/form-data') ? multipart(raw, type) : undefined;
        const body = form || !chunks.length ? {} : JSON.parse(raw.toString('utf8'));
        const reply = (o: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
        if (u.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
          this.tokenRequests++;
          if (this.failToken) return res.writeHead(this.failToken, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 10014, msg: 'app secret invalid' }));
          return reply({ code: 0, msg: 'ok', tenant_access_token: 't-fake', expire: 7200 });
        }
        if (req.headers.authorization !== 'Bearer t-fake') return res.writeHead(401).end(JSON.stringify({ code: 99991663, msg: 'invalid token' }));
        if (req.method === 'GET' && u.pathname === '/open-apis/bot/v3/info') {
          return reply({ code: 0, msg: 'ok', bot: { activate_status: 2, avatar_url: '', ip_white_list: [], ...this.bot } });
        }
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/messages') {
          this.sendRequests++;
          const fault = this.sendFaults.find((f) => f.times > 0);
          if (fault) fault.times--;
          if (fault?.mode === 'hang') return void this.hung.push(res);
          if (fault?.mode === 'reset') return void req.socket.destroy();
          if (fault?.mode === 'status500') return res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1, msg: 'internal error' }));
          if (this.failSend) return res.writeHead(this.failSend, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 230001, msg: 'invalid receive_id' }));
          const dup = body.uuid && this.sent.find((s) => s.uuid === body.uuid);
          if (dup && fault?.mode === 'processed-reset') return void req.socket.destroy();
          if (dup) return reply({ code: 0, data: { message_id: dup.messageId, chat_id: dup.receiveId } });
          if (body.msg_type === 'file' && !this.uploads.has(JSON.parse(body.content).file_key)) return reply({ code: 234001, msg: 'invalid file_key' });
          const messageId = `om_${this.next++}`;
          this.sent.push({ messageId, receiveIdType: u.searchParams.get('receive_id_type') ?? '', receiveId: body.receive_id, card: JSON.parse(body.content), uuid: body.uuid, msgType: body.msg_type, at: Date.now() });
          // Processed, then the connection drops before the answer: the caller cannot tell it worked.
          if (fault?.mode === 'processed-reset') return void req.socket.destroy();
          return reply({ code: 0, msg: 'success', data: { message_id: messageId, chat_id: u.searchParams.get('receive_id_type') === 'chat_id' ? body.receive_id : `oc_dm_${body.receive_id}` } });
        }
        const inChat = /^\/open-apis\/im\/v1\/chats\/([^/]+)\/members\/is_in_chat$/.exec(u.pathname);
        if (req.method === 'GET' && inChat) return reply({ code: 0, msg: 'success', data: { is_in_chat: !this.outside.has(decodeURIComponent(inChat[1]!)) } });
        const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(u.pathname);
        if (req.method === 'GET' && resource) {
          const bytes = this.resources.get(`${resource[1]}/${resource[2]}`);
          if (!bytes || u.searchParams.get('type') !== 'file') return reply({ code: 234003, msg: 'file not in msg' });
          this.downloads.push(resource[2]!);
          return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(Buffer.from(bytes));
        }
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/files') {
          const bytes = form?.get('file');
          const name = form?.get('file_name')?.toString('utf8');
          const fileType = form?.get('file_type')?.toString('utf8');
          if (!bytes || !name || !['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream'].includes(String(fileType))) return reply({ code: 234001, msg: 'invalid request param' });
          if (!bytes.length || bytes.length > 30 * 1024 * 1024) return reply({ code: 234006, msg: 'file size exceed the limit or empty' });
          const fileKey = `file_v3_${this.next++}`;
          this.uploads.set(fileKey, { name, type: String(fileType), bytes: new Uint8Array(bytes) });
          return reply({ code: 0, msg: 'success', data: { file_key: fileKey } });
        }
        const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(u.pathname);
        if (req.method === 'PATCH' && patch) {
          const fault = this.patchFaults.find((f) => f.times > 0);
          if (fault) fault.times--;
          if (fault?.mode === 'hang') return void this.hung.push(res);
          if (fault?.mode === 'reset') return void req.socket.destroy();
          if (fault?.mode === 'status500') return res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1, msg: 'internal error' }));
          this.patched.push({ messageId: patch[1]!, card: JSON.parse(body.content) });
          return reply({ code: 0, msg: 'success', data: {} });
        }
        const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(u.pathname);
        if (req.method === 'GET' && user) {
          const found = this.users.get(user[1]!);
          return found ? reply({ code: 0, data: { user: { open_id: user[1], ...found } } }) : reply({ code: 41050, msg: 'no user authority' });
        }
        res.writeHead(404).end(JSON.stringify({ code: 404, msg: `no route ${req.method} ${u.pathname}` }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The next `times` sends fail this way. */
  fail(mode: FeishuFault, times = 1): void {
    this.sendFaults.push({ mode, times });
  }

  /** The next `times` card patches (PATCH /open-apis/im/v1/messages/:id) fail this way. */
  failPatch(mode: FeishuFault, times = 1): void {
    this.patchFaults.push({ mode, times });
  }

  // Charts (issue 13): POST /open-apis/im/v1/images, multipart/form-data with image_type=message and
  // the image file, answered with an image_key a card's `img` element names.
  // https://open.feishu.cn/document/server-docs/im-v1/image/create
  images = new Map<string, { imageType: string; bytes: Buffer }>();

  private receiveImage(headers: import('node:http').IncomingHttpHeaders, body: Buffer, res: import('node:http').ServerResponse): void {
    const answer = (status: number, o: object): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
    if (headers.authorization !== 'Bearer t-fake') return answer(401, { code: 99991663, msg: 'invalid token' });
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(headers['content-type'] ?? '');
    if (!boundary) return answer(400, { code: 234001, msg: 'invalid request' });
    const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    const fields: Record<string, Buffer> = {};
    for (let at = body.indexOf(sep); at >= 0; ) {
      const next = body.indexOf(sep, at + sep.length);
      if (next < 0) break;
      const part = body.subarray(at + sep.length + 2, next - 2);
      const headEnd = part.indexOf('\r\n\r\n');
      const name = /name="([^"]+)"/.exec(part.subarray(0, Math.max(0, headEnd)).toString('utf8'))?.[1];
      if (name) fields[name] = Buffer.from(part.subarray(headEnd + 4));
      at = next;
    }
    const imageType = fields.image_type?.toString('utf8') ?? '';
    if (imageType !== 'message' && imageType !== 'avatar') return answer(400, { code: 234001, msg: 'invalid image_type' });
    if (!fields.image?.length) return answer(400, { code: 234006, msg: 'image is empty' });
    const key = `img_v3_${this.next++}`;
    this.images.set(key, { imageType, bytes: fields.image });
    return answer(200, { code: 0, msg: 'success', data: { image_key: key } });
  }

  async stop(): Promise<void> {
    for (const res of this.hung.splice(0)) res.socket?.destroy();
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

/**
 * The parts of a multipart/form-data body by name, as bytes. The SDK's form (the form-data package)
 * sends the file part without a filename, which the platform's own parsers (undici's formData()
 * included) would read as text, so the fake splits the body itself.
 */
function multipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const parts = new Map<string, Buffer>();
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const name = /name="([^"]*)"/.exec(part.subarray(0, split).toString('utf8'))?.[1];
    if (name !== undefined) parts.set(name, Buffer.from(part.subarray(split + 4)));
    at = next;
  }
  return parts;
}
