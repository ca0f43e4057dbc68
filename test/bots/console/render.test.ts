// The console's picture of a Reply: everything a chat card shows, as plain lines, buttons numbered
// in reading order so "3" means the third button on screen.
import { expect, it } from 'vitest';
import { renderText } from '../../../src/bots/console/render.ts';
import type { Reply, ReplyButton } from '../../../src/intents/reply.ts';

const b = (label: string, id: string): ReplyButton => ({ label, action: { action: 'task.done', id } });

const reply: Reply = {
  tone: 'warning',
  title: 'Your tasks',
  text: 'Two late.',
  fields: [
    { label: 'owner', value: 'Sam' },
    { label: 'tier', value: 'A' },
  ],
  sections: [
    { heading: 'Overdue', items: [{ text: '#1 call Acme', buttons: [b('Done', '1'), b('Tomorrow', '1')] }, { text: '#2 send deck' }], more: 3 },
    { items: [{ text: '#5 demo', buttons: [b('Done', '5')] }] },
  ],
  notices: ['You can undo this for 15 minutes.'],
  buttons: [b('Open', '9')],
  visibility: 'private',
};

it('renders title, fields, sections, overflow, notices and numbered buttons', () => {
  const r = renderText(reply);
  expect(r.text).toBe(
    [
      '! Your tasks',
      'Two late.',
      '  owner  Sam',
      '  tier   A',
      '',
      'Overdue:',
      '  • #1 call Acme  [1] Done [2] Tomorrow',
      '  • #2 send deck',
      '  … and 3 more',
      '  • #5 demo  [3] Done',
      '  (You can undo this for 15 minutes.)',
      '[4] Open',
    ].join('\n'),
  );
  expect(r.buttons.map((x) => x.action.id)).toEqual(['1', '1', '5', '9']);
});

it('speaks Chinese punctuation and overflow for a Chinese reader', () => {
  const r = renderText(reply, 'zh-CN');
  expect(r.text).toContain('Overdue：');
  expect(r.text).toContain('…还有 3 项');
});
