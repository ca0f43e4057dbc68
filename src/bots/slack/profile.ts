// Who a Slack user is, from users.info: name, zone and language, so their first message
// provisions them correctly and a later change of zone is picked up. Cached briefly per process.
import type { WebClient } from '@slack/web-api';
import type { Invocation } from '../../intents/invocation.ts';

const TTL_MS = 10 * 60_000;

export function profileCache(client: () => WebClient) {
  const cache = new Map<string, { at: number; profile: NonNullable<Invocation['profile']> }>();
  return async (userId: string): Promise<Invocation['profile']> => {
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.profile;
    try {
      const r = await client().users.info({ user: userId, include_locale: true });
      const u = r.user as { real_name?: string; name?: string; tz?: string; locale?: string; profile?: { display_name?: string; real_name?: string } } | undefined;
      const profile = {
        displayName: u?.profile?.real_name || u?.real_name || u?.profile?.display_name || u?.name || userId,
        timeZone: u?.tz,
        locale: u?.locale?.toLowerCase().startsWith('zh') ? ('zh-CN' as const) : ('en' as const),
      };
      cache.set(userId, { at: Date.now(), profile });
      return profile;
    } catch {
      // Without users.info the person is still served, in the team's zone and language.
      return undefined;
    }
  };
}
