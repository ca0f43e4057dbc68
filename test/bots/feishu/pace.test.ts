import { describe, expect, it } from 'vitest';
import { pacer } from '../../../src/bots/feishu/pace.ts';

// Real time with a short interval (100 ms): each test waits for its sends, never for a fixed time.
const LIMITS = { perChat: 5, perApp: 50, intervalMs: 100 };

describe('Feishu send pacing', () => {
  it('a busy chat does not delay another: chat B goes out while chat A still waits for its slots', async () => {
    const pace = pacer(LIMITS);
    const order: string[] = [];
    const at = new Map<string, number>();
    const send = (chat: string, i: number) => pace(chat, async () => {
      order.push(`${chat}${i}`);
      at.set(`${chat}${i}`, performance.now());
    });
    const burst = Array.from({ length: 25 }, (_, i) => send('A', i));
    const other = send('B', 0);
    await Promise.all([...burst, other]);
    // B is sent in the first interval, with A's first five; A's sixth waits for the next interval.
    expect(order.indexOf('B0')).toBeLessThan(6);
    expect(at.get('A5')! - at.get('A0')!).toBeGreaterThanOrEqual(LIMITS.intervalMs - 5);
    // 25 sends at 5 an interval take at least four more intervals.
    expect(at.get('A24')! - at.get('A0')!).toBeGreaterThanOrEqual(4 * LIMITS.intervalMs - 5);
  });

  it('the app as a whole keeps its own limit across chats', async () => {
    const pace = pacer(LIMITS);
    const at: number[] = [];
    await Promise.all(Array.from({ length: 60 }, (_, i) => pace(`chat${i}`, async () => void at.push(performance.now()))));
    at.sort((a, b) => a - b);
    expect(at[50]! - at[0]!).toBeGreaterThanOrEqual(LIMITS.intervalMs - 5);
  });
});
