// Sending cards through the SDK's client: a uuid on every send makes a resend after a timeout post
// nothing twice (Feishu deduplicates it for an hour); rate-limit answers are retried after their reset,
// dropped connections shortly after.
import { uploadImages } from './images.ts';
import { createHash } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { PlatformSender, PostedRef } from '../../intents/delivery.ts';
import type { Reply } from '../../intents/reply.ts';
import { sdkLogger, silentLogger, type Logger } from '../../logger.ts';
import { metrics } from '../../observe/metrics.ts';
import { toCard } from './card.ts';
import { uploadFeishuFile } from './files.ts';
import { pacer, type PaceLimits } from './pace.ts';

/** Every open-API call gives up after this long, so a hanging call cannot hold a chat's pacing queue. */
export const FEISHU_TIMEOUT_MS = 5_000;
lark.defaultHttpInstance.defaults.timeout = FEISHU_TIMEOUT_MS;

/** Feishu's uuid holds at most 50 characters: a longer key is hashed rather than cut (a cut could make two keys one). */
export function feishuUuid(key: string): string {
  return key.length <= 50 ? key : createHash('sha256').update(key).digest('hex').slice(0, 50);
}

export function feishuClient(appId: string, appSecret: string, domain: string, log?: Logger): lark.Client {
  const d = domain === 'feishu' ? lark.Domain.Feishu : domain === 'lark' ? lark.Domain.Lark : domain.replace(/\/$/, '');
  // The SDK's default logger prints whole axios errors (the app secret, the bearer token) to the console.
  return new lark.Client({ appId, appSecret, domain: d, loggerLevel: lark.LoggerLevel.error, logger: sdkLogger(log ?? silentLogger, 'feishu') });
}

const RATE_LIMITED = new Set([99991400, 230020]);

async function withRateLimit<T>(call: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const e = err as { code?: string; message?: string; response?: { status?: number; data?: { code?: number }; headers?: Record<string, string> } };
      const limited = e.response?.status === 429 || RATE_LIMITED.has(Number(e.response?.data?.code));
      // A dropped connection is safe to retry: sends carry a uuid Feishu de-duplicates, patches are idempotent.
      const dropped = !e.response?.status && /ECONNRESET|ETIMEDOUT|ECONNABORTED|EPIPE|socket hang up|timeout/.test(`${e.code ?? ''} ${e.message ?? ''}`);
      // A server error once is usually passing; the uuid makes a second try safe.
      const serverError = Number(e.response?.status) >= 500;
      if (!(limited || dropped || serverError) || attempt >= tries) throw err;
      metrics.sends.inc({ platform: 'feishu', result: 'retried' });
      const reset = Number(e.response?.headers?.['x-ogw-ratelimit-reset']);
      await new Promise((r) => setTimeout(r, Math.min(10_000, Number.isFinite(reset) && reset > 0 ? reset * 1000 : 500 * attempt)));
    }
  }
}

export function feishuSender(client: lark.Client, locale: () => 'en' | 'zh-CN' = () => 'zh-CN', limits?: PaceLimits): PlatformSender {
  const pace = pacer(limits);
  const send = async (receiveIdType: 'open_id' | 'chat_id', receiveId: string, workspaceId: string, reply: Reply, uuid?: string): Promise<PostedRef> => {
    const images = reply.images?.length ? await uploadImages(client, reply) : [];
    const r = await withRateLimit(() =>
      pace(receiveId, () =>
        client.im.v1.message.create({
          params: { receive_id_type: receiveIdType },
          data: { receive_id: receiveId, msg_type: 'interactive', content: JSON.stringify(toCard(reply, reply.locale ?? locale(), images)), ...(uuid ? { uuid: feishuUuid(uuid) } : {}) },
        }),
      ),
    );
    if (r.code) throw new Error(`feishu send failed: ${r.code} ${r.msg}`);
    // A file (an export) follows its card as a `file` message; its uuid keeps a resend from showing it twice.
    for (const [i, f] of (reply.files ?? []).entries()) {
      const fileKey = await withRateLimit(() => uploadFeishuFile(client, f.fileName, f.bytes));
      const m = await withRateLimit(() =>
        pace(receiveId, () =>
          client.im.v1.message.create({
            params: { receive_id_type: receiveIdType },
            data: { receive_id: receiveId, msg_type: 'file', content: JSON.stringify({ file_key: fileKey }), ...(uuid ? { uuid: feishuUuid(`${uuid}:file${i}`) } : {}) },
          }),
        ),
      );
      if (m.code) throw new Error(`feishu file send failed: ${m.code} ${m.msg}`);
    }
    return { platform: 'feishu', workspaceId, channelId: r.data?.chat_id ?? receiveId, messageId: String(r.data?.message_id) };
  };
  return {
    platform: 'feishu',
    sendToUser: (t, reply, key) => send('open_id', t.externalUserId, t.workspaceId, reply, key),
    sendToChannel: (t, reply, key) => send('chat_id', t.channelId, t.workspaceId, reply, key),
    reply: async (address, reply, key) => {
      const a = JSON.parse(address) as FeishuAddress;
      // A click's answer that replaces its card patches that card (the same patch twice shows the same card).
      if ('messageId' in a && a.messageId && reply.replaceOriginal) {
        const ref: PostedRef = { platform: 'feishu', workspaceId: a.workspaceId, channelId: a.chatId, messageId: a.messageId };
        await update(ref, reply);
        return ref;
      }
      return 'chatId' in a ? send('chat_id', a.chatId, a.workspaceId, reply, key) : send('open_id', a.openId, a.workspaceId, reply, key);
    },
    update,
  };
  async function update(ref: PostedRef, reply: Reply): Promise<void> {
    const r = await withRateLimit(() => pace(ref.channelId || ref.messageId, () => client.im.v1.message.patch({ path: { message_id: ref.messageId }, data: { content: JSON.stringify(toCard(reply, reply.locale ?? locale())) } })));
    if (r.code) throw new Error(`feishu update failed: ${r.code} ${r.msg}`);
  }
}

/**
 * The opaque address a Feishu invocation carries in Invocation.replyTo: the chat it came from (and,
 * for a card click, the card to patch), or the person.
 */
export type FeishuAddress = { workspaceId: string; chatId: string; messageId?: string } | { workspaceId: string; openId: string };
