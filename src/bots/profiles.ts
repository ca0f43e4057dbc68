// A person's profile as their platform reports it (name, zone, language), cached briefly per
// process: it is read before a request is stored and acknowledged, so a platform call per request
// would sit in every ack. A change (a new zone) is picked up within the TTL: the first request past
// it is served the known profile while the platform is asked again, so only a newcomer's ack waits.
import type { Invocation } from '../intents/invocation.ts';

const TTL_MS = 10 * 60_000;

export function cachedProfiles(fetch: (userId: string) => Promise<Invocation['profile']>, ttlMs = TTL_MS) {
  const cache = new Map<string, { at: number; profile: NonNullable<Invocation['profile']> }>();
  const refreshing = new Map<string, Promise<Invocation['profile']>>();
  const refresh = (userId: string) => {
    let p = refreshing.get(userId);
    if (!p) {
      // A failed lookup is not remembered: the person is served in the team's zone and language this once.
      p = fetch(userId)
        .catch(() => undefined)
        .then((profile) => {
          if (profile) cache.set(userId, { at: Date.now(), profile });
          return profile;
        })
        .finally(() => refreshing.delete(userId));
      refreshing.set(userId, p);
    }
    return p;
  };
  return async (userId: string): Promise<Invocation['profile']> => {
    const hit = cache.get(userId);
    if (!hit) return refresh(userId);
    // Past its TTL a known person is served what we knew while it is read again in the background:
    // only someone never seen waits for the platform before their ack.
    if (Date.now() - hit.at >= ttlMs) void refresh(userId);
    return hit.profile;
  };
}
