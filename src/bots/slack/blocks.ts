// A Reply as Block Kit, inside Slack's limits by construction: 50 blocks a message, 3000 characters
// a section, 150 a header, 75 a button label, 2000 a button value, 25 elements an actions block.
import type { Reply, ReplyButton } from '../../intents/reply.ts';

export const LIMITS = { blocks: 50, section: 3000, header: 150, button: 75, value: 2000, actions: 25, actionId: 255 };

/** Cut at a word boundary and mark the cut, so nothing Slack would reject ever leaves here. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return (space > max * 0.6 ? slice.slice(0, space) : slice) + '…';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Escaped mrkdwn within `max`: escaping first keeps the count honest (& becomes 5 characters), and a
 * cut that split an entity drops the broken piece. Slack refuses empty text, so there is always some.
 */
export function mrkdwn(text: string, max: number): string {
  const out = cut(esc(text), max).replace(/&[a-z]{0,3}(…?)$/, '$1');
  return out.trim() ? out : '—';
}

export function buttonElement(b: ReplyButton, index: number) {
  const value = JSON.stringify({ ...b.action, ...(b.input ? { input: b.input } : {}) });
  return {
    type: 'button',
    action_id: cut(`crm:${index}:${b.action.action}`, LIMITS.actionId),
    text: { type: 'plain_text', text: cut(b.label, LIMITS.button), emoji: true },
    // A value that would not fit is dropped rather than sent truncated (a truncated action is garbage).
    value: value.length <= LIMITS.value ? value : JSON.stringify({ action: b.action.action, id: b.action.id.slice(0, 200) }),
    ...(b.style ? { style: b.style } : {}),
  };
}

function actions(buttons: ReplyButton[], start: number) {
  const out = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actions) {
    out.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actions).map((b, j) => buttonElement(b, start + i + j)) });
  }
  return out;
}

export function toBlocks(reply: Reply, more: (n: number) => string = (n) => `… and ${n} more`): object[] {
  const blocks: object[] = [];
  let buttonCount = 0;
  if (reply.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: cut(reply.title, LIMITS.header), emoji: true } });
  if (reply.text) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(reply.text, LIMITS.section) } });
  if (reply.fields?.length) {
    // Section fields: at most 10 a section, 2000 characters each.
    for (let i = 0; i < reply.fields.length; i += 10) {
      blocks.push({ type: 'section', fields: reply.fields.slice(i, i + 10).map((f) => ({ type: 'mrkdwn', text: `*${mrkdwn(f.label, 200)}*\n${mrkdwn(f.value, 1790)}` })) });
    }
  }
  for (const s of reply.sections ?? []) {
    if (s.heading) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${mrkdwn(s.heading, LIMITS.section - 2)}*` } });
    for (const item of s.items) {
      const first = item.buttons?.[0];
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: mrkdwn(item.text, LIMITS.section) },
        ...(first ? { accessory: buttonElement(first, buttonCount++) } : {}),
      });
      if (item.buttons && item.buttons.length > 1) {
        blocks.push(...actions(item.buttons.slice(1), buttonCount));
        buttonCount += item.buttons.length - 1;
      }
    }
    if (s.more) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more(s.more) }] });
  }
  if (reply.notices?.length) blocks.push({ type: 'context', elements: reply.notices.slice(0, 10).map((n) => ({ type: 'mrkdwn', text: mrkdwn(n, 3000) })) });
  if (reply.buttons?.length) blocks.push(...actions(reply.buttons, buttonCount));
  if (blocks.length <= LIMITS.blocks) return blocks;
  // Keep the head and the buttons; say how much was left out.
  const tail = blocks.filter((b) => (b as { type: string }).type === 'actions').slice(-2);
  const head = blocks.filter((b) => !tail.includes(b)).slice(0, LIMITS.blocks - tail.length - 1);
  return [...head, { type: 'context', elements: [{ type: 'mrkdwn', text: more(blocks.length - head.length - tail.length) }] }, ...tail];
}

/**
 * The fallback Slack shows in notifications. Slack parses `text` as mrkdwn too: a customer named
 * `<!channel>` or `<https://x|y>` would ping everyone or plant a link, so it is escaped like blocks.
 */
export function fallbackText(reply: Reply): string {
  return mrkdwn([reply.title, reply.text].filter(Boolean).join(' — ') || 'CRM', 3000);
}
