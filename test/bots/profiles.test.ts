// Profiles are read before a request is stored and acknowledged: past its TTL a known person's
// ack must not wait for the platform (it is served the known profile, refreshed in the background);
// only someone never seen waits, and asking twice at once asks the platform once.
import { expect, it } from 'vitest';
import { cachedProfiles } from '../../src/bots/profiles.ts';

it('serves a stale profile at once while reading it again, and picks up the change', async () => {
  let calls = 0;
  let answer!: (p: { displayName: string }) => void;
  const profiles = cachedProfiles(
    () => {
      calls++;
      return new Promise((r) => (answer = r));
    },
    0, // every entry is already stale
  );
  const first = profiles('U1');
  const again = profiles('U1');
  answer({ displayName: 'Sam' });
  expect(await first).toEqual({ displayName: 'Sam' });
  expect(await again).toEqual({ displayName: 'Sam' });
  expect(calls).toBe(1);
  // Stale now: answered from the cache without waiting, while the platform is asked (and hangs).
  expect(await profiles('U1')).toEqual({ displayName: 'Sam' });
  expect(calls).toBe(2);
  answer({ displayName: 'Sam Carter' });
  await new Promise((r) => setImmediate(r));
  expect(await profiles('U1')).toEqual({ displayName: 'Sam Carter' });
});

// Feishu without the contact permission answers every lookup with an error code (no profile): were
// that not remembered, each of the person's requests would wait for the platform before its ack.
it('remembers that the platform has no profile for someone, and does not ask again before the TTL', async () => {
  let calls = 0;
  const profiles = cachedProfiles(async () => {
    calls++;
    return undefined;
  }, 60_000);
  expect(await profiles('ou_1')).toBeUndefined();
  expect(await profiles('ou_1')).toBeUndefined();
  expect(calls).toBe(1);
});

it('after a failed lookup serves the person without a profile for a while instead of asking on every request', async () => {
  let calls = 0;
  const profiles = cachedProfiles(
    async () => {
      calls++;
      if (calls === 1) throw new Error('platform down');
      return { displayName: 'Li Lei' };
    },
    60_000,
    60_000,
  );
  expect(await profiles('ou_1')).toBeUndefined();
  expect(await profiles('ou_1')).toBeUndefined();
  expect(calls).toBe(1);
  // Once the retry time is up it is asked again in the background, and the answer is then served.
  const later = cachedProfiles(
    async () => {
      calls++;
      if (calls === 2) throw new Error('platform down');
      return { displayName: 'Li Lei' };
    },
    60_000,
    0,
  );
  expect(await later('ou_1')).toBeUndefined();
  expect(await later('ou_1')).toBeUndefined();
  await new Promise((r) => setImmediate(r));
  expect(await later('ou_1')).toEqual({ displayName: 'Li Lei' });
});

it('keeps what it knew when a refresh fails or the platform no longer says', async () => {
  const answers: Array<() => Promise<{ displayName: string } | undefined>> = [async () => ({ displayName: 'Sam' }), async () => undefined, async () => Promise.reject(new Error('down'))];
  const profiles = cachedProfiles(() => (answers.shift() ?? (async () => undefined))(), 0, 0);
  expect(await profiles('U1')).toEqual({ displayName: 'Sam' });
  for (let i = 0; i < 2; i++) {
    expect(await profiles('U1')).toEqual({ displayName: 'Sam' });
    await new Promise((r) => setImmediate(r));
  }
  expect(await profiles('U1')).toEqual({ displayName: 'Sam' });
});
