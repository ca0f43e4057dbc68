// Block Kit by construction: whatever a Reply holds, the blocks stay inside Slack's documented limits,
// every button carries a parseable action, and text is never empty or cut inside an HTML entity.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LIMITS, mrkdwn, toBlocks } from '../../../src/bots/slack/blocks.ts';
import type { Reply, ReplyButton } from '../../../src/intents/reply.ts';
import { buttonsOf } from './harness.ts';

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 2900, maxLength: 3600 }), fc.constantFrom('R&D <team> & co', '&'.repeat(700), 'x'));
const button: fc.Arbitrary<ReplyButton> = fc.record({
  label: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 70, maxLength: 200 })),
  action: fc.record({ action: fc.constantFrom('task.done', 'quote.approve', 'quote.reject'), id: fc.oneof(fc.nat().map(String), fc.string({ minLength: 1900, maxLength: 2500 })) }),
});
const reply: fc.Arbitrary<Reply> = fc.record({
  tone: fc.constant('info' as const),
  visibility: fc.constant('private' as const),
  title: fc.option(text, { nil: undefined }),
  text: fc.option(text, { nil: undefined }),
  fields: fc.option(fc.array(fc.record({ label: text, value: text }), { maxLength: 25 }), { nil: undefined }),
  sections: fc.option(fc.array(fc.record({ heading: fc.option(text, { nil: undefined }), items: fc.array(fc.record({ text, buttons: fc.option(fc.array(button, { maxLength: 30 }), { nil: undefined }) }), { maxLength: 70 }), more: fc.option(fc.nat(500), { nil: undefined }) }), { maxLength: 3 }), { nil: undefined }),
  buttons: fc.option(fc.array(button, { maxLength: 60 }), { nil: undefined }),
  notices: fc.option(fc.array(text, { maxLength: 15 }), { nil: undefined }),
});

type Block = { type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ type: string; text?: string | { text: string } }>; accessory?: unknown };

it('any Reply renders inside Slack’s limits', () => {
  fc.assert(
    fc.property(reply, (r) => {
      const blocks = toBlocks(r) as Block[];
      expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      for (const b of blocks) {
        if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.header);
        if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.section);
        if (b.type === 'section' && b.text) expect(b.text.text.trim().length).toBeGreaterThan(0);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
        expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
        if (b.type === 'actions') expect(b.elements!.length).toBeLessThanOrEqual(LIMITS.actions);
        if (b.type === 'context') expect(b.elements!.length).toBeLessThanOrEqual(10);
        // mrkdwn is escaped (plain_text headers are not): a cut must not leave half an entity.
        if (b.type !== 'header') for (const t of [b.text?.text, ...(b.fields ?? []).map((f) => f.text)]) if (t) expect(t).not.toMatch(/&[a-z]{0,3}…?$/);
      }
      const buttons = buttonsOf(blocks) as Array<{ action_id: string; value: string; text: { text: string } }>;
      expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
      for (const b of buttons) {
        expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.button);
        expect(b.value.length).toBeLessThanOrEqual(LIMITS.value);
        expect(b.action_id.length).toBeLessThanOrEqual(LIMITS.actionId);
        expect(typeof JSON.parse(b.value).action).toBe('string');
      }
    }),
    { numRuns: 150 },
  );
});

it('escapes before cutting and never leaves half an entity', () => {
  expect(mrkdwn('a & b', 100)).toBe('a &amp; b');
  const cutInside = mrkdwn('x'.repeat(10) + ' ' + '&'.repeat(10), 15);
  expect(cutInside.length).toBeLessThanOrEqual(15);
  expect(cutInside).not.toMatch(/&[a-z]{0,3}…?$/);
  expect(mrkdwn('   ', 10)).toBe('—');
});

it('a long list says how many were left out', () => {
  const r: Reply = { tone: 'info', visibility: 'private', sections: [{ heading: 'Tasks', items: Array.from({ length: 20 }, (_, i) => ({ text: `task ${i}` })), more: 37 }] };
  expect(JSON.stringify(toBlocks(r))).toContain('and 37 more');
});
