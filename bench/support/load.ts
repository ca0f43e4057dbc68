// The load generator's side: closed-loop virtual users (each waits for its answer before sending
// the next request, as a person in a chat does), a keep-alive HTTP client, and a response_url sink
// that reports the moment each reply lands.
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Idle sockets are dropped client-side before the server's keep-alive timeout (5 s) would close them,
// so a request never races a closing socket and counts as a failure the server did not cause.
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/** POST body to url; resolves with the status once the whole answer is read (0: connection error, -1: timed out). Never rejects. */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs = 15_000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    let timedOut = false;
    req.setTimeout(timeoutMs, () => {
      timedOut = true;
      req.destroy();
    });
    req.on('error', () => resolve(timedOut ? -1 : 0));
    req.end(body);
  });
}

/** Runs `total` operations with `concurrency` virtual users; returns the wall time in ms. */
export async function drive(total: number, concurrency: number, one: (i: number, user: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async (_, user) => {
      while (next < total) await one(next++, user);
    }),
  );
  return performance.now() - t0;
}

export interface Sink {
  url: string;
  /** Replies so far whose body says the server was too busy and changed nothing. */
  busy: number;
  /** Resolves with the arrival time (performance.now()) of the reply at `${url}/r/${id}`, or NaN after timeoutMs. */
  next(id: string, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function responseSink(): Promise<Sink> {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  const state = { busy: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      // The handler's refusal under load (error.busy in either language): answered, but nothing logged.
      if (/handling a lot of requests|请求太多|稍后再试/.test(body)) state.busy++;
      const at = performance.now();
      res.writeHead(200).end('ok');
      const key = req.url ?? '';
      const w = waiting.get(key);
      if (w) {
        waiting.delete(key);
        w(at);
      } else early.set(key, at);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get busy() {
      return state.busy;
    },
    next(id, timeoutMs = 20_000) {
      const key = `/r/${id}`;
      const at = early.get(key);
      if (at !== undefined) {
        early.delete(key);
        return Promise.resolve(at);
      }
      return new Promise<number>((resolve) => {
        const t = setTimeout(() => {
          waiting.delete(key);
          resolve(NaN);
        }, timeoutMs);
        waiting.set(key, (v) => {
          clearTimeout(t);
          resolve(v);
        });
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
