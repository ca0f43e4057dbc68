// The one HTTP server of a process: Slack's /slack/events, Feishu's /feishu/events, /healthz,
// /readyz and /metrics on PORT, in every mode (Socket Mode and the Feishu long connection start it
// too, for the health checks). Limits protect it from slow, huge and broken clients: a header
// timeout, a whole-request timeout, a connection cap, and a body limit answered 413 unread.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import { metrics } from '../observe/metrics.ts';
import { newRequestId, withRequest } from '../observe/request.ts';
import { BodyError, readBody } from './body.ts';

export interface HttpLimits {
  maxBodyBytes: number;
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this. */
  bodyTimeoutMs: number;
  maxConnections: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = { maxBodyBytes: 1_000_000, headersTimeoutMs: 10_000, bodyTimeoutMs: 15_000, maxConnections: 1_000, keepAliveTimeoutMs: 5_000 };

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

export interface HttpServer {
  route(method: 'GET' | 'POST', path: string, handle: RouteHandler, door?: string): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  readonly server: Server;
  readonly limits: HttpLimits;
}

const ID = /^[\w.-]{1,64}$/;

export function createHttpServer(log: Logger, limits: Partial<HttpLimits> = {}): HttpServer {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const routes = new Map<string, { handle: RouteHandler; door: string }>();
  const server = createServer(
    {
      headersTimeout: l.headersTimeoutMs,
      requestTimeout: l.bodyTimeoutMs,
      keepAliveTimeout: l.keepAliveTimeoutMs,
      // How often Node looks for requests past their timeouts; the default (30 s) would let a
      // trickling body live that much longer than bodyTimeoutMs.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(l.headersTimeoutMs, l.bodyTimeoutMs) / 4))),
    },
    (req, res) => void serve(req, res),
  );
  server.maxConnections = l.maxConnections;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Garbage instead of HTTP, a header timeout, a reset: answer if the socket still can, never throw.
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable && !(socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
    log.debug({ code: err.code }, 'http client error');
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(`${req.method} ${path}`);
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && ID.test(given) ? given : newRequestId();
    res.setHeader('x-request-id', requestId);
    const door = route?.door ?? 'http';
    res.on('finish', () => {
      metrics.httpResponses.inc({ door, status: String(res.statusCode) });
      if (route) metrics.ackSeconds.observe({ door }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    if (!route) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      return send(res, known ? 405 : 404, known ? 'method not allowed' : 'not found');
    }
    await withRequest({ requestId, door: route.door }, async () => {
      let body: Buffer = Buffer.alloc(0);
      if (req.method === 'POST') {
        try {
          body = await readBody(req, l.maxBodyBytes);
        } catch (err) {
          const e = err instanceof BodyError ? err : new BodyError(400, 'aborted');
          log.warn({ reason: e.reason, door }, 'http request refused');
          // Nothing more is read: the answer closes the connection.
          return send(res, e.status, e.reason, true);
        }
      }
      try {
        await route.handle(req, res, body);
      } catch (err) {
        log.error({ err }, 'http handler failed');
        send(res, 500, `internal error (request ${requestId})`);
      }
    });
  }

  return {
    server,
    limits: l,
    route(method, path, handle, door = 'http') {
      const key = `${method} ${path}`;
      if (routes.has(key)) throw new Error(`${key} is already served`);
      routes.set(key, { handle, door });
    },
    async listen(port, host = '0.0.0.0') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    async close() {
      if (!server.listening) return;
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(timer);
    },
  };
}

export function send(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(close ? { connection: 'close' } : {}) }).end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** One header's value (the first, when a client repeats it). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
