// A person picked by the platform's own mention (Slack's <@U…>, Feishu's @_user_1) reaches the
// grammar as one neutral token, `@` + U+E000 + index + U+E001, and the identity it stands for rides
// beside the text in `Invocation.input.mentions`. The token only points into that list: it carries
// no id itself, so typing one by hand can at most name someone the platform already said was
// mentioned in this same message. Doors build text with `mentionText`, which drops the two private-use
// marks from whatever the person typed; the handler drops every token that points nowhere.
import type { UserQuery } from '../domain/users/directory.ts';

/** Who a mention named: an id on the invocation's own door, and the name the platform showed. */
export interface PersonRef {
  externalId: string;
  name?: string;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;
const TOKENS = /@?\uE000(\d{1,3})\uE001/g;

/** The grammar's view of a mention token (with its `@`), for patterns that look for a person. */
export const MENTION_TOKEN = '@\uE000\\d{1,3}\uE001';

export type MentionPart = string | PersonRef;

/** Typed text and picked people, in order, into the text the grammar reads and the list it points into. */
export function mentionText(parts: MentionPart[]): { text: string; mentions: PersonRef[] } {
  const mentions: PersonRef[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part.replace(MARKS, '');
      continue;
    }
    let i = mentions.findIndex((m) => m.externalId === part.externalId);
    if (i < 0) i = mentions.push(part) - 1;
    text += ` @${OPEN}${i}${CLOSE} `;
  }
  return { text, mentions };
}

/** Keeps the tokens that point at a mention of this message; every other mark goes. */
export function genuineTokens(text: string, mentions: readonly PersonRef[] | undefined): string {
  const n = mentions?.length ?? 0;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKENS)) {
    out += text.slice(last, m.index).replace(MARKS, '') + (Number(m[1]) < n ? m[0] : '');
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(MARKS, '');
}

/** The mention a person-naming value is, when it is exactly one token (the grammar may have taken its `@`). */
export function mentionIndex(value: string): number | undefined {
  const m = /^@?\uE000(\d{1,3})\uE001$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** Tokens shown back to a person (an echo in a refusal) as the names the platform gave. */
export function showMentions(text: string, mentions: readonly PersonRef[] | undefined): string {
  return text.replace(TOKENS, (_, i: string) => `@${mentions?.[Number(i)]?.name ?? '?'}`);
}

/** The identity a person-naming value stands for: a mention becomes door + external id, anything else stays as typed. */
export function userQuery(door: string, mentions: readonly PersonRef[] | undefined, value: string): UserQuery {
  const i = mentionIndex(value);
  if (i === undefined) return value;
  if (door !== 'slack' && door !== 'feishu' && door !== 'console') return { platform: 'console', externalId: '' };
  const ref = mentions?.[i];
  // A token with nothing behind it cannot name anyone; the directory answers "not found" for it.
  return ref ? { platform: door, externalId: ref.externalId, ...(ref.name ? { name: ref.name } : {}) } : { platform: door, externalId: '' };
}
