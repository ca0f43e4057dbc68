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
  at?: number;
}

/** What a faulty Feishu does to the next `times` message sends. */
export type FeishuFault = 'status500' | 'reset' | 'processed-reset' | 'hang';

export class FakeFeishu {
  sendFaults: Array<{ mode: FeishuFault; times: number }> = [];
  private hung: Array<import('node:http').ServerResponse> = [];
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
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const reply = (o: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
        if (u.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
          this.tokenRequests++;
          if (this.failToken) return res.writeHead(this.failToken, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 10014, msg: 'app secret invalid' }));
          return reply({ code: 0, msg: 'ok', tenant_access_token: 't-fake', expire: 7200 });
        }
        if (req.headers.authorization !== 'Bearer t-fake') return res.writeHead(401).end(JSON.stringify({ code: 99991663, msg: 'invalid token' }));
        if (req.method === 'POST' && u.pathname === '/open-apis/im/v1/messages') {
          const fault = this.sendFaults.find((f) => f.times > 0);
          if (fault) fault.times--;
          if (fault?.mode === 'hang') return void this.hung.push(res);
          if (fault?.mode === 'reset') return void req.socket.destroy();
          if (fault?.mode === 'status500') return res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1, msg: 'internal error' }));
          if (this.failSend) return res.writeHead(this.failSend, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 230001, msg: 'invalid receive_id' }));
          const dup = body.uuid && this.sent.find((s) => s.uuid === body.uuid);
          if (dup && fault?.mode === 'processed-reset') return void req.socket.destroy();
          if (dup) return reply({ code: 0, data: { message_id: dup.messageId, chat_id: dup.receiveId } });
          const messageId = `om_${this.next++}`;
          this.sent.push({ messageId, receiveIdType: u.searchParams.get('receive_id_type') ?? '', receiveId: body.receive_id, card: JSON.parse(body.content), uuid: body.uuid, at: Date.now() });
          // Processed, then the connection drops before the answer: the caller cannot tell it worked.
          if (fault?.mode === 'processed-reset') return void req.socket.destroy();
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

  /** The next `times` sends fail this way. */
  fail(mode: FeishuFault, times = 1): void {
    this.sendFaults.push({ mode, times });
  }

  async stop(): Promise<void> {
    for (const res of this.hung.splice(0)) res.socket?.destroy();
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
