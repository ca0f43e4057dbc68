// A Reply as a Feishu interactive card (JSON 2.0), kept under the 30 KB limit by construction:
// long text is cut, long lists end with "and N more", and the card is trimmed until it fits.
import type { Reply, ReplyButton } from '../../intents/reply.ts';
import type { CardImage } from './images.ts';

export const MAX_CARD_BYTES = 30_000;
const TEMPLATE = { info: 'blue', success: 'green', warning: 'orange', error: 'red' } as const;

const cut = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + '…');
// Feishu's card markdown reads HTML-like tags (<at id=all>, <font>, <link>) and markdown marks, and
// takes character entities for literal characters. `&` goes first, so a name that already spells an
// entity (&lt;at id=all&gt;) stays text; a backslash is no escape there, it would just show.
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
export const md = (s: string) => s.replace(/[&<>]/g, (c) => ENTITY[c]!).replace(/[*_~`[\]#$\\|]/g, (c) => `&#${c.charCodeAt(0)};`);

function button(b: ReplyButton, i: number) {
  const value = { action: b.action.action, id: b.action.id, ...(b.action.version !== undefined ? { version: b.action.version } : {}) };
  if (b.input) {
    // A click that needs text first: a small form with the input and its submit button.
    return {
      tag: 'form',
      name: `form_${i}`,
      elements: [
        { tag: 'input', name: b.input.name, placeholder: { tag: 'plain_text', content: cut(b.input.label, 100) }, max_length: 500 },
        { tag: 'button', name: `submit_${i}`, form_action_type: 'submit', text: { tag: 'plain_text', content: cut(b.label, 40) }, type: b.style === 'danger' ? 'danger' : 'default', behaviors: [{ type: 'callback', value }] },
      ],
    };
  }
  return { tag: 'button', text: { tag: 'plain_text', content: cut(b.label, 40) }, type: b.style === 'primary' ? 'primary' : b.style === 'danger' ? 'danger' : 'default', behaviors: [{ type: 'callback', value }] };
}

function build(reply: Reply, itemLimit: number, more: (n: number) => string, images: CardImage[] = []) {
  const elements: object[] = [];
  let n = 0;
  if (reply.text) elements.push({ tag: 'markdown', content: cut(md(reply.text), 3000) });
  if (reply.fields?.length) elements.push({ tag: 'markdown', content: reply.fields.map((f) => `**${md(f.label)}**: ${md(cut(f.value, 500))}`).join('\n') });
  for (const s of reply.sections ?? []) {
    if (s.heading) elements.push({ tag: 'markdown', content: `**${md(s.heading)}**` });
    const shown = s.items.slice(0, itemLimit);
    for (const item of shown) {
      elements.push({ tag: 'markdown', content: `• ${md(cut(item.text, 500))}` });
      for (const b of item.buttons ?? []) elements.push(button(b, n++));
    }
    const hidden = s.items.length - shown.length + (s.more ?? 0);
    if (hidden > 0) elements.push({ tag: 'markdown', content: more(hidden) });
  }
  for (const notice of reply.notices ?? []) elements.push({ tag: 'markdown', content: `*${md(cut(notice, 500))}*` });
  for (const b of reply.buttons ?? []) elements.push(button(b, n++));
  // Charts uploaded beforehand (images.ts) show under the figures.
  for (const img of images) elements.push({ tag: 'img', img_key: img.key, alt: { tag: 'plain_text', content: cut(img.title, 100) }, title: { tag: 'plain_text', content: cut(img.title, 100) } });
  return {
    schema: '2.0',
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: cut(reply.title ?? 'CRM', 100) }, template: TEMPLATE[reply.tone] },
    body: { elements },
  };
}

export function toCard(reply: Reply, locale: 'en' | 'zh-CN' = 'zh-CN', images: CardImage[] = []): object {
  const more = (k: number) => (locale === 'zh-CN' ? `…还有 ${k} 项` : `… and ${k} more`);
  for (const limit of [50, 25, 10, 5, 0]) {
    const card = build(reply, limit, more, images);
    if (Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES) return card;
  }
  return build({ ...reply, text: cut(reply.text ?? '', 1000), sections: [], fields: reply.fields?.slice(0, 10) }, 0, more);
}
