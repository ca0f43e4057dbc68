// Feishu traffic for replicas: encrypted, signed event deliveries to /feishu/events, as Feishu's
// webhook sends them; the same envelope posted twice is one event delivered twice.
import { randomBytes } from 'node:crypto';
import { feishuSignature } from '../../src/bots/feishu/crypto.ts';
import { encrypt } from '../http/world.ts';

export const FEISHU_TOKEN = 'fault-verify-token';
export const FEISHU_KEY = 'fault-encrypt-key';

/** What a replica needs to run its Feishu door in webhook mode against the fake at `url`. */
export function feishuEnv(url: string): Record<string, string> {
  return { FEISHU_APP_ID: 'cli_fault', FEISHU_APP_SECRET: 'secret', FEISHU_VERIFICATION_TOKEN: FEISHU_TOKEN, FEISHU_ENCRYPT_KEY: FEISHU_KEY, FEISHU_DOMAIN: url, FEISHU_MODE: 'webhook' };
}

let seq = 0;
const envelope = (eventType: string, event: object) => ({
  schema: '2.0',
  header: { event_id: `ev_${process.pid}_${++seq}`, event_type: eventType, create_time: String(Date.now()), token: FEISHU_TOKEN, app_id: 'cli_fault', tenant_key: 'tk1' },
  event,
});

/** A text message to the bot in the person's direct chat (chat id `oc_<openId>`). */
export function feishuMessage(openId: string, text: string) {
  const body = envelope('im.message.receive_v1', {
    sender: { sender_id: { open_id: openId }, sender_type: 'user', tenant_key: 'tk1' },
    message: { message_id: `om_in_${seq}`, chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) },
  });
  return { body, eventId: body.header.event_id, chatId: `oc_${openId}` };
}

/** A card button pressed (a double click is two of these: two events, one action). */
export function feishuClick(openId: string, value: object, messageId: string) {
  const body = envelope('card.action.trigger', { operator: { open_id: openId, tenant_key: 'tk1' }, action: { tag: 'button', value }, context: { open_message_id: messageId, open_chat_id: `oc_${openId}` } });
  return { body, eventId: body.header.event_id };
}

export async function postFeishu(port: number, body: object): Promise<number> {
  const raw = JSON.stringify({ encrypt: encrypt(FEISHU_KEY, JSON.stringify(body)) });
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const res = await fetch(`http://127.0.0.1:${port}/feishu/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, FEISHU_KEY, raw) },
    body: raw,
  });
  await res.text();
  return res.status;
}
