import { App, LogLevel } from '@slack/bolt';
import type { AppContext } from '../../app/context.ts';
import { registerListeners } from './listeners.ts';
import { profileCache } from './profile.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { slackClient, slackSender } from './sender.ts';

/**
 * The Bolt App with our listeners, receiver and sender, not yet listening: HTTP mode at /slack/events
 * on PORT, or Socket Mode (no public URL) when SLACK_APP_TOKEN is set. Tests drive it unstarted.
 */
export async function buildSlackApp(ctx: AppContext, opts: { port?: number; paceMs?: number } = {}): Promise<{ app: App; mode: 'http' | 'socket'; team?: string }> {
  const c = ctx.config;
  const token = c.SLACK_BOT_TOKEN!;
  const apiUrl = c.SLACK_API_URL;
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : apiUrl + '/' } : {};
  const receiver = c.SLACK_APP_TOKEN ? undefined : new SlackHttpReceiver({ signingSecret: c.SLACK_SIGNING_SECRET!, port: opts.port ?? c.PORT, log: ctx.log });
  const app = new App({
    token,
    // Socket Mode opens its connection (apps.connections.open) with a client of its own: aim it too.
    ...(receiver ? { receiver } : { appToken: c.SLACK_APP_TOKEN, socketMode: true, installerOptions: { clientOptions } }),
    clientOptions,
    logLevel: LogLevel.WARN,
  });
  const client = slackClient(token, apiUrl);
  const auth = await client.auth.test();
  // The sender's client does not retry by itself: a post retried after a reset could show twice.
  // The outbox retries instead, with the dedup key the sender looks for before posting again.
  ctx.notifier.register(slackSender(slackClient(token, apiUrl, 0), String(auth.team_id ?? ''), opts.paceMs));
  registerListeners(app, { handler: ctx.handler, profile: profileCache(() => client), log: ctx.log, now: () => ctx.clock.now() });
  return { app, mode: receiver ? 'http' : 'socket', team: auth.team as string | undefined };
}

export async function startSlack(ctx: AppContext, opts: { port?: number; paceMs?: number } = {}): Promise<{ stop(): Promise<void>; port?: number; app: App }> {
  const { app, mode, team } = await buildSlackApp(ctx, opts);
  const started = (await app.start()) as { port?: number } | undefined;
  ctx.log.info({ mode, team }, 'slack connected');
  return { app, port: mode === 'http' ? started?.port : undefined, stop: () => app.stop() as Promise<void> };
}
