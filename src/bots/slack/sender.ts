// Posting for people who did not ask (approval cards, decisions, digests): a DM or a channel message,
// paced to Slack's one message a second per channel; web-api honours 429 Retry-After and retries 5xx.
import { WebClient } from '@slack/web-api';
import type { PlatformSender, PostedRef } from '../../intents/delivery.ts';
import type { Reply } from '../../intents/reply.ts';
import { sdkLogger, type Logger } from '../../logger.ts';
import { fallbackText, toBlocks } from './blocks.ts';

/** @slack/logger's shape over ours, so web-api's own lines go through the same redaction. */
export function slackLogger(log: Logger) {
  const l = sdkLogger(log, 'slack');
  return { ...l, setLevel: () => undefined, getLevel: () => 'warn' as never, setName: () => undefined };
}

export function slackClient(token: string, apiUrl?: string, retries = 5, log?: Logger): WebClient {
  return new WebClient(token, {
    ...(log ? { logger: slackLogger(log) } : {}),
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : apiUrl + '/' } : {}),
    // Bounded: a few quick retries, not the library's half-hour default.
    retryConfig: { retries, factor: 2, minTimeout: 200, maxTimeout: 5_000 },
  });
}

export function slackSender(client: WebClient, workspaceId: string, paceMs = 1000): PlatformSender & { drain(): Promise<void> } {
  const lastPost = new Map<string, Promise<number>>();
  // Each channel's posts queue behind the previous one and keep paceMs apart.
  const paced = async <T>(channel: string, post: () => Promise<T>): Promise<T> => {
    const previous = lastPost.get(channel) ?? Promise.resolve(0);
    let release!: (t: number) => void;
    lastPost.set(channel, new Promise<number>((r) => (release = r)));
    const last = await previous;
    const wait = last + paceMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await post();
    } finally {
      release(Date.now());
    }
  };
  const post = async (channel: string, reply: Reply): Promise<PostedRef> => {
    const r = await paced(channel, () => client.chat.postMessage({ channel, text: fallbackText(reply), blocks: toBlocks(reply) as never }));
    return { platform: 'slack', workspaceId, channelId: String(r.channel ?? channel), messageId: String(r.ts) };
  };
  return {
    platform: 'slack',
    async sendToUser(target, reply) {
      const im = await client.conversations.open({ users: target.externalUserId });
      return post(String(im.channel?.id ?? target.externalUserId), reply);
    },
    async sendToChannel(target, reply) {
      return post(target.channelId, reply);
    },
    async update(ref, reply) {
      await paced(ref.channelId, () => client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: fallbackText(reply), blocks: toBlocks(reply) as never }));
    },
    async drain() {
      await Promise.all(lastPost.values());
    },
  };
}
