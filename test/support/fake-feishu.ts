// A small Feishu open API on loopback, to its documented shapes: tenant token, send (with uuid
// de-duplication), patch, and contact lookups, recording what the door sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  messageId: string;
  receiveIdType: string;
  receiveId: string;
  card: Record<string, unknown>;
  uuid?: string;
}

export class FakeFeishu {
  sent: Sent[] = [];
  patched: Array<{ messageId: string; card: Record<string, unknown> }> = [];
  users = new Map<string, { name: string; time_zone?: string }>();
  tokenRequests = 0;
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
      req.on('end', () => {
        const u = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/images') return void this.receiveImage(req.headers, Buffer.concat(chunks), res);
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const reply = (o: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
        if (u.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
          this.tokenRequests++;
          if (this.failToken) return res.writeHead(this.failToken, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 10014, msg: 'app secret invalid' }));
          return reply({ code: 0, msg: 'ok', tenant_access_token: 't-fake', expire: 7200 });
        }
        if (req.headers.authorization !== 'Bearer t-fake') return res.writeHead(401).end(JSON.stringify({ code: 99991663, msg: 'invalid token' }));
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/messages') {
          if (this.failSend) return res.writeHead(this.failSend, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 230001, msg: 'invalid receive_id' }));
          const dup = body.uuid && this.sent.find((s) => s.uuid === body.uuid);
          if (dup) return reply({ code: 0, data: { message_id: dup.messageId, chat_id: dup.receiveId } });
          const messageId = `om_${this.next++}`;
          this.sent.push({ messageId, receiveIdType: u.searchParams.get('receive_id_type') ?? '', receiveId: body.receive_id, card: JSON.parse(body.content), uuid: body.uuid });
          return reply({ code: 0, msg: 'success', data: { message_id: messageId, chat_id: u.searchParams.get('receive_id_type') === 'chat_id' ? body.receive_id : `oc_dm_${body.receive_id}` } });
        }
        const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(u.pathname);
        if (req.method === 'PATCH' && patch) {
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
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
