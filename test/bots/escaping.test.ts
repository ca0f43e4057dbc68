// A customer's name is data, never markup: on Slack it must not ping (<!channel>, <!here>, <@U…>)
// or plant a link (<https://x|y>), on Feishu not @all (<at id=all>) or format. Fails when either
// door's escaping is turned off.
import { describe, expect, it } from 'vitest';
import { toCard } from '../../src/bots/feishu/card.ts';
import { fallbackText, toBlocks } from '../../src/bots/slack/blocks.ts';
import type { Reply } from '../../src/intents/reply.ts';

const NAMES = ['<!channel> Corp', '<!here>', '<@U0ADMIN> Ltd', '<https://evil.example|Acme invoice>', 'AT&T <b>', '<at id=all></at> 华为', '&lt;at id=all&gt;', '**bold** _it_ ~~x~~ `c` [l](https://evil.example) # $ |'];
const reply = (name: string): Reply => ({
  tone: 'info',
  title: name,
  text: `Logged a call with ${name}.`,
  fields: [{ label: name, value: name }],
  sections: [{ heading: name, items: [{ text: name }] }],
  notices: [name],
  visibility: 'private',
});

/** Every mrkdwn/markdown string a rendered message carries (plain_text is shown literally). */
function markupStrings(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => markupStrings(v, out));
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.tag === 'markdown') && typeof (o.text ?? o.content) === 'string') out.push(String(o.text ?? o.content));
    Object.values(o).forEach((v) => markupStrings(v, out));
  }
  return out;
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe.each(NAMES)('the name %j', (name) => {
  it('Slack: the notification text and every mrkdwn block show it, never as a mention or link', () => {
    const strings = [fallbackText(reply(name)), ...markupStrings(toBlocks(reply(name)))];
    for (const s of strings) {
      expect(s).not.toMatch(/<[!@#]|<https?:/);
      expect(s).not.toMatch(/&(?!(amp|lt|gt);)/);
    }
    expect(decode(fallbackText(reply(name)))).toContain(name);
  });

  it('Feishu: card markdown carries no tag and no live markdown mark, and reads back as the name', () => {
    const contents = markupStrings(toCard(reply(name)));
    expect(contents.length).toBeGreaterThan(0);
    for (const c of contents) {
      // Our own wrappers (**label**, *notice*, • ) are the only marks; strip them, nothing else may remain.
      const own = c.replace(/^\*\*|\*\*(?=:|$)|^\*|\*$|^• /gm, '');
      expect(own).not.toMatch(/&(?!(amp|lt|gt|#\d+);)/);
      expect(own.replace(/&(amp|lt|gt|#\d+);/g, '')).not.toMatch(/[<>*_~`[\]#$|]/);
    }
    expect(contents.map(decode).join('\n')).toContain(name);
  });
});
