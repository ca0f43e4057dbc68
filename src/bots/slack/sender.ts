// Posting for people who did not ask (approval cards, decisions, digests): a DM or a channel message,
// paced to Slack's one message a second per channel; web-api honours 429 Retry-After and retries 5xx.
import { WebClient } from '@slack/web-api';
import type { PlatformSender, PostedRef } from '../../intents/delivery.ts';
import type { Reply } from '../../intents/reply.ts';
import { sdkLogger, type Logger } from '../../logger.ts';
import { fallbackText, toBlocks } from './blocks.ts';
import { postResponse, responseBody, type SlackAddress } from './respond.ts';
import { uploadImages } from './images.ts';

/** @slack/logger's shape over ours, so web-api's own lines go through the same redaction. */
export function slackLogger(log: Logger) {
  const l = sdkLogger(log, 'slack');
  return { ...l, setLevel: () => undefined, getLevel: () => 'warn' as never, setName: () => undefined };
}

/** Every Web API call gives up after this long, so a hanging call cannot hold a channel's queue. */
export const SLACK_TIMEOUT_MS = 5_000;

export function slackClient(token: string, apiUrl?: string, retries = 5, log?: Logger, timeout = SLACK_TIMEOUT_MS): WebClient {
  return new WebClient(token, {
    timeout,
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
  // Slack has no idempotency key: the dedup key rides in the message's metadata, and a retry of a
  // send that may have gone through (a reset after Slack processed it, a sender that died) first
  // looks for it among the channel's latest messages.
  const alreadyPosted = async (channel: string, key: string): Promise<PostedRef | undefined> => {
    try {
      const h = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      const hit = (h.messages ?? []).find((m) => (m as { metadata?: { event_payload?: { dedup?: string } } }).metadata?.event_payload?.dedup === key);
      return hit ? { platform: 'slack', workspaceId, channelId: channel, messageId: String(hit.ts) } : undefined;
    } catch {
      return undefined; // no history scope or the call failed: post (at worst a rare duplicate)
    }
  };
  // A file (an export) goes up with files.uploadV2 (getUploadURLExternal, the bytes, then
  // completeUploadExternal sharing it into the channel with the message as its comment). Slack keeps
  // no dedup key on a file, so a retry after an upload that may have landed can share it twice.
  const upload = async (channel: string, reply: Reply): Promise<PostedRef> => {
    let ref: PostedRef | undefined;
    for (const f of reply.files ?? []) {
      const r = await paced(channel, () =>
        client.filesUploadV2({ channel_id: channel, file: Buffer.from(f.bytes), filename: f.fileName, title: f.fileName, initial_comment: fallbackText(reply) }),
      );
      const done = (r as { files?: Array<{ files?: Array<{ id?: string }> }> }).files?.[0]?.files?.[0];
      ref ??= { platform: 'slack', workspaceId, channelId: channel, messageId: String(done?.id ?? '') };
    }
    return ref!;
  };
  const post = async (channel: string, reply: Reply, key?: string, maybeSent?: boolean): Promise<PostedRef> => {
    if (reply.files?.length) return upload(channel, reply);
    if (key && maybeSent) {
      const found = await alreadyPosted(channel, key);
      if (found) return found;
    }
    const metadata = key ? { event_type: 'crm_message', event_payload: { dedup: key } } : undefined;
    const r = await paced(channel, () => client.chat.postMessage({ channel, text: fallbackText(reply), blocks: toBlocks(reply) as never, ...(metadata ? { metadata } : {}) }));
    // Charts go in the message's thread (a digest's pictures under the digest).
    if (reply.images?.length) await uploadImages(client, reply, { channel: String(r.channel ?? channel), threadTs: String(r.ts) });
    return { platform: 'slack', workspaceId, channelId: String(r.channel ?? channel), messageId: String(r.ts) };
  };
  return {
    platform: 'slack',
    async sendToUser(target, reply, key, opts) {
      const im = await client.conversations.open({ users: target.externalUserId });
      return post(String(im.channel?.id ?? target.externalUserId), reply, key, opts?.maybeSent);
    },
    async sendToChannel(target, reply, key, opts) {
      return post(target.channelId, reply, key, opts?.maybeSent);
    },
    async update(ref, reply) {
      await paced(ref.channelId, () => client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: fallbackText(reply), blocks: toBlocks(reply) as never }));
    },
    async reply(addressJson, reply, key) {
      const a = JSON.parse(addressJson) as SlackAddress;
      // An event from the bot's DM (a shared file) has no response_url: the answer is a message there.
      if (a.kind === 'dm') return post(a.channel, reply, key);
      await postResponse(a.url, responseBody(reply, a.kind));
      if (reply.images?.length && a.channel) await uploadImages(client, reply, { channel: a.channel });
    },
    async drain() {
      await Promise.all(lastPost.values());
    },
  };
}
