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
