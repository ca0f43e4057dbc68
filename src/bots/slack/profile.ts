// Who a Slack user is, from users.info: name, zone and language, so their first message
// provisions them correctly and a later change of zone is picked up. Cached briefly per process.
import type { WebClient } from '@slack/web-api';
import { cachedProfiles } from '../profiles.ts';

export function profileCache(client: () => WebClient) {
  return cachedProfiles(async (userId) => {
    const r = await client().users.info({ user: userId, include_locale: true });
    const u = r.user as { real_name?: string; name?: string; tz?: string; locale?: string; profile?: { display_name?: string; real_name?: string } } | undefined;
    return {
      displayName: u?.profile?.real_name || u?.real_name || u?.profile?.display_name || u?.name || userId,
      timeZone: u?.tz,
      locale: u?.locale?.toLowerCase().startsWith('zh') ? ('zh-CN' as const) : ('en' as const),
    };
  });
}
