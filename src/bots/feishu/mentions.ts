// Feishu writes each @ in a text message as a key (`@_user_1`) and lists who it is in
// `message.mentions` ({key, id: {open_id}, name}). The bot's own mention is the wake word in a group
// and is dropped; `@_all` names nobody; every other key becomes the neutral mention token, so
// `/task reassign 12 @Mei` names Mei by her open_id rather than by a name someone could share.
import { mentionText, type MentionPart, type PersonRef } from '../../intents/mention.ts';

export interface FeishuMention {
  key?: string;
  id?: { open_id?: string };
  name?: string;
}

export interface MentionedText {
  text: string;
  mentions: PersonRef[];
  /** Whether the bot itself was @-mentioned in the message. */
  forBot: boolean;
}

export function feishuMentions(content: string, raw: readonly FeishuMention[] | undefined, botOpenId: string | undefined): MentionedText {
  // Longest key first, so `@_user_1` is not read inside `@_user_10`.
  const byKey = new Map((raw ?? []).filter((m) => m.key).map((m) => [m.key!, m] as const));
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const pattern = keys.length ? new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  const parts: MentionPart[] = [];
  let forBot = false;
  let last = 0;
  for (const m of pattern ? content.matchAll(pattern) : []) {
    parts.push(content.slice(last, m.index));
    last = m.index + m[0].length;
    const who = byKey.get(m[0])!;
    const openId = who.id?.open_id;
    if (botOpenId && openId === botOpenId) {
      forBot = true;
      parts.push(' ');
    } else if (openId && m[0] !== '@_all') {
      parts.push({ externalId: openId, ...(who.name ? { name: who.name } : {}) });
    } else {
      parts.push(' ');
    }
  }
  parts.push(content.slice(last));
  const { text, mentions } = mentionText(parts);
  return { text: text.replace(/\s+/g, ' ').trim(), mentions, forBot };
}
