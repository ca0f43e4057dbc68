// How folded and held notices read: the newest on top with the earlier ones under it; every held
// notice listed, in both languages, inside the doors' limits however many there are.
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/bots/slack/blocks.ts';
import type { OutboundMessage } from '../../src/intents/reply.ts';
import { foldedReply, heldSection, withHeld } from '../../src/intents/render/notices.ts';

const notice = (n: number): OutboundMessage => ({
  to: { userId: 1 },
  reply: { tone: 'info', title: `Notice ${n}`, text: `[n${n}] about customer ${n}\nsecond line`, visibility: 'private', buttons: [{ label: 'Show', action: { action: 'customer.show', id: `C${n}` } }] },
});

describe('notices as the budget shows them', () => {
  it('a folded message shows the newest notice, the earlier ones newest first', () => {
    const r = foldedReply('en', notice(1), [notice(2), notice(3)]);
    expect(r.title).toBe('Notice 3');
    expect(r.sections?.at(-1)?.heading).toBe('Earlier about this');
    expect(r.sections?.at(-1)?.items.map((i) => i.text)).toEqual(['Notice 2 — [n2] about customer 2', 'Notice 1 — [n1] about customer 1']);
    expect(foldedReply('zh-CN', notice(1), [notice(2)]).sections?.at(-1)?.heading).toBe('此前的相关通知');
    expect(foldedReply('en', notice(1), [])).toEqual(notice(1).reply);
  });

  it('lists every held notice, 60 of them inside Slack’s 50 blocks and 3000 characters a section', () => {
    const held = Array.from({ length: 60 }, (_, i) => notice(i));
    const section = heldSection('zh-CN', held)!;
    expect(section.heading).toBe('为你留到今天的通知（60 条）');
    const text = section.items.map((i) => i.text).join('\n');
    const listed = held.filter((_, i) => text.includes(`[n${i}]`)).length;
    expect(listed + (section.more ?? 0)).toBe(60);
    expect(listed).toBeGreaterThanOrEqual(25);
    const blocks = toBlocks(withHeld({ locale: 'en', timeZone: 'Asia/Shanghai' }, null, held, new Date('2026-11-24T01:00:00Z'))!);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks as Array<{ text?: { text: string } }>) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toContain('Your day · Tue, Nov 24');
    expect(heldSection('en', [])).toBeNull();
  });
});
