// A person's profile as their platform reports it (name, zone, language), cached briefly per
// process: it is read before a request is stored and acknowledged, so a platform call per request
// would sit in every ack. A change (a new zone) is picked up within the TTL: the first request past
// it is served the known profile while the platform is asked again, so only a newcomer's ack waits.
// A platform that says nothing about someone (Feishu without the contact permission answers every
// lookup with an error code) is remembered as such for the TTL too, and a lookup that failed for a
// short while: otherwise every one of their requests would wait for the same answer before its ack.
import type { Invocation } from '../intents/invocation.ts';

const TTL_MS = 10 * 60_000;
/** After a failed lookup (platform down, timeout), how long the person is served without asking again. */
const RETRY_MS = 60_000;

type Profile = Invocation['profile'];

export function cachedProfiles(fetch: (userId: string) => Promise<Profile>, ttlMs = TTL_MS, retryMs = Math.min(RETRY_MS, ttlMs)) {
  // `until`: when to ask the platform again (in the background: the entry is served meanwhile).
  const cache = new Map<string, { until: number; profile: Profile }>();
  const refreshing = new Map<string, Promise<Profile>>();
  const refresh = (userId: string) => {
    let p = refreshing.get(userId);
    if (!p) {
      const known = () => cache.get(userId)?.profile;
      p = fetch(userId)
        .then(
          // What we knew stays when the platform no longer says (a permission withdrawn): a name does not go away.
          (profile) => ({ profile: profile ?? known(), wait: ttlMs }),
          // A failed lookup: served in the team's zone and language (or as known) until it is tried again.
          () => ({ profile: known(), wait: retryMs }),
        )
        .then(({ profile, wait }) => {
          cache.set(userId, { until: Date.now() + wait, profile });
          return profile;
        })
        .finally(() => refreshing.delete(userId));
      refreshing.set(userId, p);
    }
    return p;
  };
  return async (userId: string): Promise<Profile> => {
    const hit = cache.get(userId);
    if (!hit) return refresh(userId);
    // Past its time a known person is served what we knew while it is read again in the background:
    // only someone never seen waits for the platform before their ack.
    if (Date.now() >= hit.until) void refresh(userId);
    return hit.profile;
  };
}
