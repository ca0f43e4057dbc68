// The Slack sender against a scripted Web API on loopback: DMs through conversations.open, updates in
// place, 429 Retry-After waited out, 5xx retried a bounded number of times, one channel paced.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { slackClient, slackSender } from '../../../src/bots/slack/sender.ts';
import type { Reply } from '../../../src/intents/reply.ts';

type Scripted = { status: number; headers?: Record<string, string>; body?: object };
let server: Server;
let url = '';
let script: Scripted[] = [];
let seen: Array<{ method: string; args: Record<string, unknown>; at: number }> = [];
let ts = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const raw = Buffer.concat(chunks).toString('utf8');
      const args = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
      seen.push({ method, args, at: performance.now() });
      const next = script.shift();
      if (next && next.status !== 200) return void res.writeHead(next.status, next.headers ?? {}).end('{}');
      const ok = method === 'conversations.open' ? { ok: true, channel: { id: `D${args.users}` } } : { ok: true, channel: args.channel, ts: args.ts ?? `17000000${++ts}.000100` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(next?.body ?? ok));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  script = [];
  seen = [];
});

const reply: Reply = { tone: 'info', title: 'Quote Q-7 approved', text: 'Approved by Mei Chen', visibility: 'private' };

it('a DM goes to the conversation Slack opens for the person; an update edits that message', async () => {
  const sender = slackSender(slackClient('xoxb-t', url, 0), 'T1', 0);
  const ref = await sender.sendToUser({ workspaceId: 'T1', externalUserId: 'UREP' }, reply);
  expect(seen.map((s) => s.method)).toEqual(['conversations.open', 'chat.postMessage']);
  expect(seen[1]!.args.channel).toBe('DUREP');
  expect(ref).toMatchObject({ platform: 'slack', workspaceId: 'T1', channelId: 'DUREP' });
  await sender.update(ref, { ...reply, title: 'Quote Q-7 rejected' });
  expect(seen[2]).toMatchObject({ method: 'chat.update', args: { channel: 'DUREP', ts: ref.messageId } });
  expect(JSON.stringify(seen[2]!.args.blocks)).toContain('rejected');
});

it('a 429 is waited out for its Retry-After, then the message is posted once', async () => {
  script = [{ status: 429, headers: { 'retry-after': '1' } }];
  const sender = slackSender(slackClient('xoxb-t', url, 2), 'T1', 0);
  await sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply);
  const posts = seen.filter((s) => s.method === 'chat.postMessage');
  expect(posts).toHaveLength(2);
  expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(990);
});

it('5xx answers are retried, but only a bounded number of times', async () => {
  script = [{ status: 500 }, { status: 503 }];
  const sender = slackSender(slackClient('xoxb-t', url, 2), 'T1', 0);
  await sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply);
  expect(seen.filter((s) => s.method === 'chat.postMessage')).toHaveLength(3);

  seen = [];
  script = Array.from({ length: 10 }, () => ({ status: 502 }));
  await expect(sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply)).rejects.toThrow();
  expect(seen).toHaveLength(3);
});

it('posts to one channel keep the pace apart; another channel does not wait for them', async () => {
  const sender = slackSender(slackClient('xoxb-t', url, 0), 'T1', 200);
  await Promise.all([
    sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply),
    sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply),
    sender.sendToChannel({ workspaceId: 'T1', channelId: 'C1' }, reply),
    sender.sendToChannel({ workspaceId: 'T1', channelId: 'C2' }, reply),
  ]);
  const c1 = seen.filter((s) => s.args.channel === 'C1').map((s) => s.at);
  expect(c1).toHaveLength(3);
  expect(c1[1]! - c1[0]!).toBeGreaterThanOrEqual(190);
  expect(c1[2]! - c1[1]!).toBeGreaterThanOrEqual(190);
  // C2 was not queued behind C1's three posts.
  expect(seen.findIndex((s) => s.args.channel === 'C2')).toBeLessThan(3);
});
