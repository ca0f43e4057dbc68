// Hostile clients against both doors on the one HTTP server: aborts, slow headers and bodies,
// oversized and garbage requests. The process stays up (no unhandled rejection), every refusal is
// an HTTP answer, and nothing is written. Mention and link injection through both doors is in
// test/http/mentions.test.ts; channel membership in test/http/channel-membership.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothDoors, rawHttp } from './world.ts';

const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => void unhandled.push(err);

let w: Awaited<ReturnType<typeof bothDoors>>;
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  w = await bothDoors({ maxBodyBytes: 64 * 1024, headersTimeoutMs: 600, bodyTimeoutMs: 800, maxConnections: 20 });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await w?.close();
});

const head = (path: string, extra: string[] = []) => [`POST ${path} HTTP/1.1`, 'Host: x', ...extra, '', ''].join('\r\n');
const DOORS = ['/slack/events', '/feishu/events'] as const;

describe('one server for both doors and the operator', () => {
  it('serves Slack, Feishu, /healthz and /readyz on one port', async () => {
    expect((await fetch(w.url('/healthz'))).status).toBe(200);
    const ready = await fetch(w.url('/readyz'));
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    // Each door answers its own refusal on the same port: the paths are really served.
    expect((await fetch(w.url('/slack/events'), { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(401);
    expect((await fetch(w.url('/feishu/events'), { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(w.url('/nowhere'))).status).toBe(404);
    expect((await fetch(w.url('/slack/events'))).status).toBe(405);
  });

  it('/readyz is 503 while a migration this build ships is not applied', async () => {
    const [row] = await w.db.raw.query<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await w.db.raw.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [row!.id]);
    try {
      const res = await fetch(w.url('/readyz'));
      expect(res.status).toBe(503);
      expect(JSON.stringify(await res.json())).toContain(String(row!.migration_name));
    } finally {
      await w.db.raw.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`, [row!.id, row!.checksum, row!.migration_name]);
    }
    expect((await fetch(w.url('/readyz'))).status).toBe(200);
  });
});

describe.each(DOORS)('hostile clients at %s', (path) => {
  it('a client that aborts mid-body does not crash the process', async () => {
    const before = await w.counts();
    await rawHttp(w.port, [head(path, ['Content-Type: application/json', 'Content-Length: 5000']), '{"encrypt":"' + 'A'.repeat(200)], { abortAfter: 2 });
    await rawHttp(w.port, [head(path, ['Content-Type: application/json', 'Transfer-Encoding: chunked']), 'c8\r\n' + 'x'.repeat(200) + '\r\n'], { abortAfter: 2 });
    // The server still answers, and nothing was left to reject unhandled.
    await new Promise((r) => setImmediate(r));
    expect((await fetch(w.url('/healthz'))).status).toBe(200);
    expect(unhandled).toEqual([]);
    expect(await w.counts()).toEqual(before);
  });

  it('a declared body over the limit gets 413 before any of it is sent', async () => {
    const r = await rawHttp(w.port, [head(path, ['Content-Type: application/json', 'Content-Length: 2000000'])], { waitMs: 3_000 });
    expect(r.text).toMatch(/^HTTP\/1\.1 413/);
    expect(r.closed).toBe(true);
  });

  it('a chunked body that grows past the limit gets 413, not a reset', async () => {
    const chunk = 'ffff\r\n' + 'x'.repeat(0xffff) + '\r\n';
    const r = await rawHttp(w.port, [head(path, ['Content-Type: application/json', 'Transfer-Encoding: chunked']), chunk, chunk], { waitMs: 3_000 });
    expect(r.text).toMatch(/^HTTP\/1\.1 413/);
  });

  it('a body trickled slower than the body timeout is cut off with 408', async () => {
    const r = await rawHttp(w.port, [head(path, ['Content-Type: application/json', 'Content-Length: 400']), ...Array.from({ length: 400 }, () => 'x')], { gapMs: 50, waitMs: 8_000 });
    expect(r.closed).toBe(true);
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeLessThan(6_000);
  });

  it('headers trickled slower than the header timeout are cut off', async () => {
    const lines = [`POST ${path} HTTP/1.1\r\n`, 'Host: x\r\n', ...Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: y\r\n`)];
    const r = await rawHttp(w.port, lines, { gapMs: 50, waitMs: 8_000 });
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(6_000);
  });

  it('garbage instead of HTTP gets 400 and a closed connection', async () => {
    const r = await rawHttp(w.port, ['\u0000\u0001 GARBAGE /// \r\n\r\n']);
    expect(r.text).toMatch(/^HTTP\/1\.1 400/);
    expect(r.closed).toBe(true);
  });
});

describe('bad payloads write nothing', () => {
  it('Slack: signed but not a payload (bad JSON, a JSON null, a bare list) is 400', async () => {
    const before = await w.counts();
    for (const body of ['payload=%7Bnot-json', 'payload=null', 'payload=%5B1%5D']) {
      const res = await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body });
      expect(res.status).toBe(400);
    }
    const json = await fetch(w.url('/slack/events'), { method: 'POST', headers: { ...w.slackHeaders('null'), 'content-type': 'application/json' }, body: 'null' });
    expect(json.status).toBe(400);
    expect(await w.counts()).toEqual(before);
  });

  it('Feishu: bad JSON, a JSON null and a non-numeric timestamp are refused', async () => {
    const before = await w.counts();
    for (const body of ['{not json', 'null', '"x"']) expect((await fetch(w.url('/feishu/events'), { method: 'POST', body })).status).toBeGreaterThanOrEqual(400);
    const event = { schema: '2.0', header: { event_id: 'ev_nan', event_type: 'im.message.receive_v1', token: 'feishu-verify-token', tenant_key: 'tk' }, event: { sender: { sender_id: { open_id: 'ou_x' }, sender_type: 'user' }, message: { chat_type: 'p2p', chat_id: 'oc_x', message_type: 'text', content: JSON.stringify({ text: '/customer add NaN Corp' }) } } };
    for (const timestamp of ['abc', '1e3', '', ' 1700000000']) {
      const r = w.feishuRequest(event, { timestamp });
      expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw })).status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await w.counts()).toEqual(before);
    expect(unhandled).toEqual([]);
  });
});

describe('replays and forgeries write nothing; a genuine redelivery writes once', () => {
  let n = 0;
  const slackForm = (text: string, trigger = `${++n}.9.hostile`) =>
    new URLSearchParams({ token: 'legacy', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'sales', user_id: 'UHOSTILE', user_name: 'h', command: '/customer', text, api_app_id: 'A1', response_url: `${w.slackFake.url}/respond/hostile-${n}`, trigger_id: trigger }).toString();
  const feishuEvent = (eventId: string, text: string) => ({
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: 'feishu-verify-token', tenant_key: 'tk' },
    event: { sender: { sender_id: { open_id: 'ou_hostile' }, sender_type: 'user' }, message: { chat_type: 'p2p', chat_id: 'oc_hostile', message_type: 'text', content: JSON.stringify({ text }) } },
  });
  const named = (name: string) => w.db.prisma.customer.count({ where: { name } });
  const until = async (ok: () => Promise<boolean>) => {
    const end = Date.now() + 30_000;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const old = String(Math.floor(Date.now() / 1000) - 600);

  it('Slack: a stale, future or non-numeric timestamp, a body changed after signing and a malformed form are refused', async () => {
    const before = await w.counts();
    const stale = slackForm('add Replay Stale Co');
    expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(stale, old), body: stale })).status).toBe(401);
    // Signed over a timestamp that is not a number (NaN would skip a skew check), or 10 minutes ahead.
    const odd = slackForm('add Replay Odd Co');
    for (const ts of ['abc', '1e3', ' 1700000000', String(Math.floor(Date.now() / 1000) + 600)]) {
      expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(odd, ts), body: odd })).status).toBe(401);
    }
    const signed = slackForm('add Replay Signed Co');
    const headers = w.slackHeaders(signed);
    expect((await fetch(w.url('/slack/events'), { method: 'POST', headers, body: signed.replace('Signed', 'Forged') })).status).toBe(401);
    // Signed but malformed: answered (a view_submission without its view is a 500 from Bolt, which
    // Slack itself never sends), nothing written, the process up.
    for (const body of ['text=%E0%A4%A&command=%2Fcustomer', '&&&=&=', 'payload=%7B%22type%22%3A%22view_submission%22%7D']) {
      const res = await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body });
      expect([200, 400, 500]).toContain(res.status);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await w.counts()).toEqual(before);
    expect((await fetch(w.url('/healthz'))).status).toBe(200);
    expect(unhandled).toEqual([]);
  });

  it('Slack: the same command delivered again (a retry) creates one customer', async () => {
    const body = slackForm('add Replay Once Co', 'same.9.hostile');
    expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: w.slackHeaders(body), body })).status).toBe(200);
    expect((await fetch(w.url('/slack/events'), { method: 'POST', headers: { ...w.slackHeaders(body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }, body })).status).toBe(200);
    await until(async () => (await named('Replay Once Co')) === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await named('Replay Once Co')).toBe(1);
  });

  it('Feishu: a stale timestamp is refused; the same event id delivered twice creates one customer', async () => {
    const stale = w.feishuRequest(feishuEvent('ev_stale', '/customer add Replay Feishu Stale'), { timestamp: old });
    expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: stale.headers, body: stale.raw })).status).toBe(401);
    for (let i = 0; i < 2; i++) {
      const r = w.feishuRequest(feishuEvent('ev_twice', '/customer add Replay Feishu Once'));
      expect((await fetch(w.url('/feishu/events'), { method: 'POST', headers: r.headers, body: r.raw })).status).toBe(200);
    }
    await until(async () => (await named('Replay Feishu Once')) === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await named('Replay Feishu Once')).toBe(1);
    expect(await w.db.prisma.customer.count({ where: { name: { contains: 'Stale' } } })).toBe(0);
  });
});
