// A JSON POST over node's own http client with kept-alive connections. Global fetch (undici) cost
// about 1.1–1.5 ms of CPU per small POST on this machine against 0.3–0.45 ms here (issue 16: every
// Slack answer at a response_url is one), and a reply's latency is mostly that CPU under load.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

/** Posts `body` as JSON; the status and text of the answer. Rejects on a connection error or when `timeoutMs` passes first. */
export function postJson(url: string, body: unknown, timeoutMs: number): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`cannot post to ${target.protocol} addresses`));
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      { method: 'POST', agent: secure ? agents.https : agents.http, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      },
    );
    // The whole exchange is bounded, not just an idle socket: a server that trickles is cut off too.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}
