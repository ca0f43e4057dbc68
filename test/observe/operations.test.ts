// What an operator reads: /metrics in Prometheus' format, and log lines that name their request,
// door, user and intent, with the same id in the answer a person can quote.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import { createHandler } from '../../src/intents/handler.ts';
import { createLogger } from '../../src/logger.ts';
import { bothDoors } from '../http/world.ts';

let w: Awaited<ReturnType<typeof bothDoors>>;
beforeAll(async () => {
  w = await bothDoors();
});
afterAll(async () => w?.close());

it('GET /metrics: requests by door, intent and outcome, latency histograms, event-loop lag', async () => {
  const body = new URLSearchParams({ team_id: 'T1', channel_id: 'C1', user_id: 'UM', command: '/crm', text: 'whoami', response_url: `${w.slackFake.url}/respond/m1`, trigger_id: 'm.1' }).toString();
  expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body })).status).toBe(200);
  const end = Date.now() + 10_000;
  let text = '';
  while (!/crm_requests_total\{[^}]*intent="whoami"/.test(text) && Date.now() < end) text = await (await fetch(w.url('/metrics'))).text();
  expect(text).toMatch(/crm_requests_total\{door="slack",intent="whoami",outcome="ok"\} 1/);
  expect(text).toMatch(/crm_http_ack_seconds_bucket\{le="[\d.]+",door="slack"\} [1-9]/);
  expect(text).toMatch(/crm_reply_seconds_count\{door="slack"\} [1-9]/);
  expect(text).toContain('nodejs_eventloop_lag_seconds');
  expect(text).toContain('# TYPE crm_outbound_sends_total counter');
});

it('an internal error answers with a reference that every log line of that request carries', async () => {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  const broken = new Proxy({}, { get: () => { throw new Error('database is on fire'); } }) as Database;
  const handler = createHandler({ db: broken, clock: { now: () => new Date() }, log, config: { CRM_ADMINS: '', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'UTC', CRM_DEFAULT_LOCALE: 'zh-CN' } });
  const reply = await handler({ door: 'feishu', workspaceId: 'tk', externalUserId: 'ou_x', input: { kind: 'text', text: '/tasks' }, receivedAt: new Date() });
  const id = /编号 ([0-9a-f]{12})/.exec(reply.text ?? '')?.[1];
  expect(id, reply.text).toBeDefined();
  const failed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request failed');
  expect(failed).toMatchObject({ requestId: id, door: 'feishu', user: 'ou_x', err: { message: 'database is on fire' } });
});
