// The JSON POST the Slack door answers with (response_url): the answer's status and text, a bound on
// the whole exchange (a server that never answers, or trickles, is cut off), connections kept alive.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postJson } from '../../src/bots/post-json.ts';

let server: Server;
let base = '';
const seen: Array<{ body: string; type?: string; socket: number }> = [];
const sockets = new Map<unknown, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size + 1);
      seen.push({ body, type: req.headers['content-type'], socket: sockets.get(req.socket)! });
      if (req.url === '/silent') return; // never answers
      if (req.url === '/trickle') {
        res.writeHead(200);
        res.write('o'); // starts, never ends
        return;
      }
      res.writeHead(req.url === '/broken' ? 503 : 200, { 'content-type': 'text/plain' });
      res.end(req.url === '/broken' ? 'try later' : 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it('posts JSON and gives back the status and text; the next post reuses the connection', async () => {
  expect(await postJson(`${base}/ok`, { text: '已记录' }, 5_000)).toEqual({ status: 200, text: 'ok' });
  expect(await postJson(`${base}/broken`, { n: 1 }, 5_000)).toEqual({ status: 503, text: 'try later' });
  expect(seen.slice(0, 2).map((s) => [JSON.parse(s.body), s.type])).toEqual([[{ text: '已记录' }, 'application/json'], [{ n: 1 }, 'application/json']]);
  expect(seen[1]!.socket).toBe(seen[0]!.socket);
});

it('gives up on a server that never answers, or never finishes answering, within the bound', async () => {
  const started = Date.now();
  await expect(postJson(`${base}/silent`, {}, 300)).rejects.toThrow(/300 ms/);
  await expect(postJson(`${base}/trickle`, {}, 300)).rejects.toThrow(/300 ms/);
  expect(Date.now() - started).toBeLessThan(5_000);
});
