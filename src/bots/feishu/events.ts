// Feishu events into Invocations: a text message to the bot (a direct chat, or a group message that
// mentions it), a bot-menu click, or a card button. Shared by webhook and long-connection modes.
import type { Intent } from '../../intents/intent.ts';
import type { Invocation } from '../../intents/invocation.ts';
import type { ButtonAction } from '../../intents/reply.ts';
import { feishuMentions, type FeishuMention } from './mentions.ts';

export interface Header {
  event_id?: string;
  event_type?: string;
  create_time?: string;
  token?: string;
  tenant_key?: string;
  app_id?: string;
}

interface MessageEvent {
  sender?: { sender_id?: { open_id?: string }; sender_type?: string; tenant_key?: string };
  message?: { message_id?: string; chat_id?: string; chat_type?: string; message_type?: string; content?: string; mentions?: FeishuMention[] };
}

/** `botOpenId`: the bot's own open_id (identity.ts); in a group only a mention of it wakes the bot. */
export function messageInvocation(header: Header, event: MessageEvent, now: Date, botOpenId?: string): Invocation | null {
  const m = event.message;
  const user = event.sender?.sender_id?.open_id;
  if (!m || !user || event.sender?.sender_type === 'app' || m.message_type !== 'text') return null;
  let content = '';
  try {
    content = String(JSON.parse(m.content ?? '{}').text ?? '');
  } catch {
    return null;
  }
  const said = feishuMentions(content, m.mentions, botOpenId);
  // In a group the bot only answers when it is mentioned itself; in a direct chat, always.
  if (m.chat_type !== 'p2p' && !said.forBot) return null;
  if (!said.text) return null;
  return {
    door: 'feishu',
    workspaceId: header.tenant_key ?? event.sender?.tenant_key ?? '',
    externalUserId: user,
    channelId: m.chat_id,
    input: { kind: 'text', text: said.text.startsWith('/') ? said.text : `/${said.text}`, ...(said.mentions.length ? { mentions: said.mentions } : {}) },
    deliveryKey: header.event_id ? `evt:${header.event_id}` : undefined,
    receivedAt: now,
  };
}

// The bot menu's keys (set in the developer console) and what each asks for.
const MENU: Record<string, Intent> = {
  my_tasks: { kind: 'tasks.list', scope: 'mine' },
  pool: { kind: 'tasks.list', scope: 'pool' },
  help: { kind: 'help' },
  log_call: { kind: 'help', topic: 'log' },
  whoami: { kind: 'whoami' },
};

export function menuInvocation(header: Header, event: { operator?: { operator_id?: { open_id?: string } }; event_key?: string }, now: Date): Invocation | null {
  const user = event.operator?.operator_id?.open_id;
  const key = event.event_key ?? '';
  const intent = Object.hasOwn(MENU, key) ? MENU[key] : undefined;
  if (!user || !intent) return null;
  return { door: 'feishu', workspaceId: header.tenant_key ?? '', externalUserId: user, input: { kind: 'intent', intent }, deliveryKey: header.event_id ? `evt:${header.event_id}` : undefined, receivedAt: now };
}

export interface CardAction {
  operator?: { open_id?: string; tenant_key?: string };
  action?: { value?: Record<string, unknown>; form_value?: Record<string, unknown> };
  context?: { open_message_id?: string; open_chat_id?: string };
}

export function cardInvocation(header: Header, event: CardAction, now: Date): Invocation | null {
  const user = event.operator?.open_id;
  const v = event.action?.value ?? {};
  if (!user || typeof v.action !== 'string' || typeof v.id !== 'string') return null;
  const action: ButtonAction = { action: v.action, id: v.id, ...(typeof v.version === 'number' ? { version: v.version } : {}) };
  const values = Object.fromEntries(Object.entries(event.action?.form_value ?? {}).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  return {
    door: 'feishu',
    workspaceId: header.tenant_key ?? event.operator?.tenant_key ?? '',
    externalUserId: user,
    channelId: event.context?.open_chat_id,
    input: { kind: 'action', action, ...(Object.keys(values).length ? { values } : {}) },
    deliveryKey: header.event_id ? `evt:${header.event_id}` : undefined,
    receivedAt: now,
  };
}
