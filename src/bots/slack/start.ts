import { App, LogLevel } from '@slack/bolt';
import type { AppContext } from '../../app/context.ts';
import { downloadSlackFile } from './files.ts';
import { registerListeners } from './listeners.ts';
import { slackMembership } from './membership.ts';
import { profileCache } from './profile.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { slackClient, slackLogger, slackSender } from './sender.ts';

/**
 * The Bolt App with our listeners, receiver and sender: HTTP mode at /slack/events on the shared
 * server, or Socket Mode (no public URL) when SLACK_APP_TOKEN is set. Tests drive it unstarted.
 */
export async function buildSlackApp(ctx: AppContext, opts: { paceMs?: number } = {}): Promise<{ app: App; mode: 'http' | 'socket'; team?: string }> {
  const c = ctx.config;
  const token = c.SLACK_BOT_TOKEN!;
  const apiUrl = c.SLACK_API_URL;
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : apiUrl + '/' } : {};
  const receiver = c.SLACK_APP_TOKEN ? undefined : new SlackHttpReceiver({ signingSecret: c.SLACK_SIGNING_SECRET!, http: ctx.http, log: ctx.log });
  const app = new App({
    token,
    // Socket Mode opens its connection (apps.connections.open) with a client of its own: aim it too.
    ...(receiver ? { receiver } : { appToken: c.SLACK_APP_TOKEN, socketMode: true, installerOptions: { clientOptions } }),
    clientOptions,
    logLevel: LogLevel.WARN,
    logger: slackLogger(ctx.log),
  });
  const client = slackClient(token, apiUrl, undefined, ctx.log);
  const auth = await client.auth.test();
  // The sender's client does not retry by itself: a post retried after a reset could show twice.
  // The outbox retries instead, with the dedup key the sender looks for before posting again.
  const sender = slackSender(slackClient(token, apiUrl, 0), String(auth.team_id ?? ''), opts.paceMs);
  ctx.notifier.register(Object.assign(sender, { membership: slackMembership(client, String(auth.user ?? 'CRM')) }));
  const download = (url: string, maxBytes: number) => downloadSlackFile(url, token, maxBytes, { apiUrl });
  registerListeners(app, { handler: ctx.handler, profile: profileCache(() => client), log: ctx.log, now: () => ctx.clock.now(), download });
  return { app, mode: receiver ? 'http' : 'socket', team: auth.team as string | undefined };
}

/** HTTP mode adds /slack/events to the shared server (ctx.http), which the caller starts listening. */
export async function startSlack(ctx: AppContext, opts: { paceMs?: number } = {}): Promise<{ stop(): Promise<void>; app: App }> {
  const { app, mode, team } = await buildSlackApp(ctx, opts);
  await app.start();
  ctx.log.info({ mode, team }, 'slack connected');
  return { app, stop: () => app.stop() as Promise<void> };
}
