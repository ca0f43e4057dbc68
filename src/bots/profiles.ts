// A person's profile as their platform reports it (name, zone, language), cached briefly per
// process: it is read before a request is stored and acknowledged, so a platform call per request
// would sit in every ack. A change (a new zone) is picked up within the TTL.
import type { Invocation } from '../intents/invocation.ts';

const TTL_MS = 10 * 60_000;

export function cachedProfiles(fetch: (userId: string) => Promise<Invocation['profile']>, ttlMs = TTL_MS) {
  const cache = new Map<string, { at: number; profile: NonNullable<Invocation['profile']> }>();
  return async (userId: string): Promise<Invocation['profile']> => {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.profile;
    // A failed lookup is not remembered: the person is served in the team's zone and language this once.
    const profile = await fetch(userId).catch(() => undefined);
    if (profile) cache.set(userId, { at: Date.now(), profile });
    return profile;
  };
}
