// A Reply as terminal text. Buttons are numbered so a person can press one by typing its number.
import type { Reply, ReplyButton } from '../../intents/reply.ts';
import { chrome } from './chrome.ts';

export interface Rendered {
  text: string;
  buttons: ReplyButton[];
}

const MARK = { info: '', success: '✓ ', warning: '! ', error: '✗ ' } as const;

export function renderText(reply: Reply, fallbackLocale: 'en' | 'zh-CN' = 'en'): Rendered {
  const locale = reply.locale ?? fallbackLocale;
  const c = chrome(locale);
  const buttons: ReplyButton[] = [];
  const press = (list: ReplyButton[] | undefined) =>
    (list ?? []).map((b) => {
      buttons.push(b);
      return `[${buttons.length}] ${b.label}`;
    });
  const out: string[] = [];
  if (reply.title) out.push(`${MARK[reply.tone]}${reply.title}`);
  if (reply.text) out.push(reply.text);
  if (reply.fields?.length) {
    // Chinese characters take two columns in a terminal: pad by what the eye sees.
    const width = Math.max(...reply.fields.map((f) => columns(f.label)));
    for (const f of reply.fields) out.push(`  ${f.label}${' '.repeat(width - columns(f.label))}  ${f.value}`);
  }
  for (const section of reply.sections ?? []) {
    if (section.heading) out.push('', c.heading(section.heading));
    for (const item of section.items) {
      const b = press(item.buttons);
      // A second line of an item (a complaint's words under its customer) stays under its bullet.
      out.push(`  • ${item.text.replace(/\n/g, '\n    ')}${b.length ? '  ' + b.join(' ') : ''}`);
    }
    if (section.more) out.push(`  ${c.more(section.more)}`);
  }
  for (const n of reply.notices ?? []) out.push(`  ${c.notice(n)}`);
  const b = press(reply.buttons);
  if (b.length) out.push(b.join('  '));
  for (const image of reply.images ?? []) out.push(`  ${c.image(image.title)}`);
  return { text: out.join('\n'), buttons };
}

function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}
