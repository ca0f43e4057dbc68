// The Slack door as it runs: the real Bolt App behind our receiver, the shared handler on a real
// database, and the fake Web API on loopback.
import type { AppContext } from '../../../src/app/context.ts';
import { slashCommandBody } from '../../support/slack-command.ts';
import { createNotifier } from '../../../src/app/notifier.ts';
import { createHttpServer, type HttpLimits } from '../../../src/http/server.ts';
import { startSlack } from '../../../src/bots/slack/start.ts';
import { slackSignature } from '../../../src/bots/slack/verify.ts';
import { loadConfig } from '../../../src/config.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { LimitOptions } from '../../../src/intents/limit.ts';
import { createOutbox } from '../../../src/scheduler/outbox.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeSlack } from '../../support/fake-slack.ts';
import { freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

export const SECRET = 'test-signing-secret';

export async function slackWorld(engine: 'pglite' | 'postgres' = 'pglite', opts: { limits?: LimitOptions; http?: Partial<HttpLimits> } = {}) {
  const fake = new FakeSlack();
  await fake.start();
  const db = await freshDatabase(engine);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fake.url}/api/`,
    CRM_ADMINS: 'slack:UADMIN',
    CRM_DEFAULT_TZ: 'Asia/Shanghai',
    PORT: '0',
  });
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const notifier = createNotifier(db, silentLogger);
  // No backoff, so a test's sweep() retries at once; the real default is exponential.
  const outbox = createOutbox({ db, notifier, log: silentLogger, backoffMs: () => 0, instanceId: 'test-replica', now: () => clock.now() });
  const shared = createHandler({ db, clock, log: silentLogger, config, notifier, outbox, limits: opts.limits });
  // Counted, so settle() can wait for work still running after Slack's ack instead of guessing a time.
  let inflight = 0;
  const handler: AppContext['handler'] = async (inv, progress) => {
    inflight++;
    try {
      return await shared(inv, progress);
    } finally {
      inflight--;
    }
  };
  const http = createHttpServer(silentLogger, opts.http ?? {});
  const ctx: AppContext = { config, db, log: silentLogger, clock, handler, notifier, http, outbox };
  const slack = await startSlack(ctx, { paceMs: 0 });
  const port = await http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/slack/events`;
  let trigger = 0;

  async function post(body: string, opts: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> } = {}) {
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const res = await fetch(base, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': opts.signature ?? slackSignature(SECRET, ts, body),
        ...opts.headers,
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** A slash command in the shape Slack sends it (form-encoded fields). */
  function command(user: string, cmd: string, text: string, extra: Record<string, string> = {}) {
    const id = String(++trigger);
    const body = slashCommandBody({ user, command: cmd, text, responseUrl: fake.respondUrl(`cmd-${id}`), triggerId: `${id}.1.abc`, extra });
    return { body, responseUrl: `/respond/cmd-${id}` };
  }

  /** A block_actions payload for a button from a message, as Slack posts it. */
  function click(user: string, button: { action_id: string; value: string }, messageTs = '1700000000.000100') {
    const id = String(++trigger);
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'acme' },
      user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: `${id}.2.def`,
      channel: { id: 'D1', name: 'directmessage' },
      container: { type: 'message', message_ts: messageTs, channel_id: 'D1', is_ephemeral: false },
      message: { ts: messageTs, type: 'message', text: '' },
      response_url: fake.respondUrl(`act-${id}`),
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: `${Date.now()}.${id}` }],
    };
    return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), responseUrl: `/respond/act-${id}` };
  }

  /** Waits until no request is being handled and the fake API has been quiet for `ms` (at most 15 s). */
  async function settle(ms = 150) {
    const end = Date.now() + 15_000;
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() < end) {
      const traffic = fake.calls.length + fake.responses.length;
      if (traffic !== seen) {
        seen = traffic;
        quietSince = Date.now();
      } else if (inflight === 0 && Date.now() - quietSince >= ms) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for a condition (work the door does after Slack's ack, on a busy machine), failing after `ms`. */
  async function until(what: string, cond: () => boolean, ms = 20_000) {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    fake,
    outbox,
    db,
    port,
    http,
    clock,
    notifier,
    post,
    command,
    click,
    settle,
    until,
    async close() {
      await slack.stop();
      await http.close();
      await fake.stop();
      await db.drop();
    },
  };
}

export type SlackWorld = Awaited<ReturnType<typeof slackWorld>>;

/** The buttons of a Block Kit message, in order. */
export function buttonsOf(blocks: unknown): Array<{ action_id: string; value: string; text: { text: string } }> {
  const out: Array<{ action_id: string; value: string; text: { text: string } }> = [];
  const visit = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'button') out.push(o as never);
      else Object.values(o).forEach(visit);
    }
  };
  visit(blocks);
  return out;
}
