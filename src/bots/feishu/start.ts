import * as lark from '@larksuiteoapi/node-sdk';
import { cachedProfiles } from '../profiles.ts';
import type { AppContext } from '../../app/context.ts';
import { sdkLogger } from '../../logger.ts';
import { feishuDoor } from './door.ts';
import { botIdentity } from './identity.ts';
import { feishuMembership } from './membership.ts';
import { feishuDownloader } from './files.ts';
import { feishuClient, feishuSender } from './sender.ts';
import { serveWebhook } from './webhook.ts';

/** FEISHU_MODE=webhook: events and card callbacks at /feishu/events on the shared server; ws: the SDK's long connection. */
export async function startFeishu(app: AppContext): Promise<{ stop(): Promise<void> }> {
  const c = app.config;
  const client = feishuClient(c.FEISHU_APP_ID!, c.FEISHU_APP_SECRET!, c.FEISHU_DOMAIN, app.log);
  const bot = await botIdentity(client);
  const sender = feishuSender(client);
  app.notifier.register(Object.assign(sender, { membership: feishuMembership(client, bot.name ?? 'CRM') }));
  const profile = cachedProfiles(async (openId) => {
    const r = await client.contact.v3.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } });
    const u = r.data?.user as { name?: string; time_zone?: string } | undefined;
    return u ? { displayName: u.name, timeZone: u.time_zone } : undefined;
  });
  const door = feishuDoor({ handler: app.handler, sender, profile, log: app.log, now: () => app.clock.now(), botOpenId: bot.openId, download: feishuDownloader(client) });
  if (c.FEISHU_MODE === 'webhook') {
    // loadConfig refuses webhook mode without both (a config error naming the missing one).
    serveWebhook(app.http, { door, verificationToken: c.FEISHU_VERIFICATION_TOKEN!, encryptKey: c.FEISHU_ENCRYPT_KEY!, log: app.log });
    return { stop: async () => undefined };
  }
  // The SDK merges the v2 header into the event data it hands to each handler.
  const dispatcher = new lark.EventDispatcher({ verificationToken: c.FEISHU_VERIFICATION_TOKEN, encryptKey: c.FEISHU_ENCRYPT_KEY }).register({
    'im.message.receive_v1': (data: never) => door.onMessage(data, data),
    'application.bot.menu_v6': (data: never) => door.onMenu(data, data),
    'card.action.trigger': (data: never) => door.onCardAction(data, data),
  } as never);
  const d = c.FEISHU_DOMAIN;
  const ws = new lark.WSClient({ appId: c.FEISHU_APP_ID!, appSecret: c.FEISHU_APP_SECRET!, domain: d === 'feishu' ? lark.Domain.Feishu : d === 'lark' ? lark.Domain.Lark : d, loggerLevel: lark.LoggerLevel.warn, logger: sdkLogger(app.log, 'feishu') });
  await ws.start({ eventDispatcher: dispatcher });
  return { stop: async () => (ws as unknown as { close?: () => void }).close?.() };
}
