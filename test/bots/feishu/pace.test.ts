import { describe, expect, it } from 'vitest';
import { pacer } from '../../../src/bots/feishu/pace.ts';

// Slots are checked on a fake clock that never advances, so each call's wait is what it reserved.
describe('Feishu send pacing', () => {
  it('spaces one chat 200 ms apart and the app 20 ms apart, without holding other chats behind a busy one', async () => {
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms: number) => (waits.push(ms), realSetTimeout(fn, 0))) as typeof setTimeout;
    try {
      const pace = pacer(200, 20, () => 1_000);
      await pace('chatA');
      await pace('chatA');
      await pace('chatA');
      await pace('chatB');
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    // chatA: now, +200, +400; chatB only waits for the app slot after chatA's last send (400 + 20).
    expect(waits).toEqual([200, 400, 420]);
  });
});
