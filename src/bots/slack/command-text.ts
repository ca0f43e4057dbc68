// A slash command's text as Slack sends it with "Escape channels, users, and links" on
// (should_escape: true in slack/manifest.json): a picked person is <@U123|name> (or <@U123>), a
// channel <#C123|name>, a link <https://…|shown>, and what the person typed as &, < and > arrives as
// &amp;, &lt; and &gt;. So a <@…> can only come from Slack's own mention, never from typing; it
// becomes the neutral mention token, and the rest becomes the plain text the person saw.
import { mentionText, type MentionPart, type PersonRef } from '../../intents/mention.ts';

const CONTROL = /<([^<>]*)>/g;

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function plain(inner: string): string {
  const [target = '', shown] = inner.split('|', 2);
  if (target.startsWith('#')) return `#${shown ?? target.slice(1)}`;
  // <!here>, <!channel>, <!subteam^S1|@sales>: words as shown, never a broadcast the grammar acts on.
  if (target.startsWith('!')) return shown ?? target.slice(1).split('^')[0]!;
  return shown ?? target;
}

export function slackCommandText(raw: string): { text: string; mentions: PersonRef[] } {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const m of raw.matchAll(CONTROL)) {
    parts.push(unescape(raw.slice(last, m.index)));
    const inner = m[1]!;
    const user = /^@([UW][A-Z0-9]+)(?:\|([^|]*))?$/.exec(inner);
    parts.push(user ? { externalId: user[1]!, ...(user[2] ? { name: unescape(user[2]) } : {}) } : unescape(plain(inner)));
    last = m.index + m[0].length;
  }
  parts.push(unescape(raw.slice(last)));
  const { text, mentions } = mentionText(parts);
  return { text: text.trim(), mentions };
}
