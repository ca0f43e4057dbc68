// Whether the bot is in a Slack channel: conversations.info's is_member (channels:read, groups:read).
// A private channel the bot is not in answers channel_not_found; a direct message is always open to it.
import type { WebClient } from '@slack/web-api';
import type { ChannelMembership } from '../../intents/delivery.ts';

export function slackMembership(client: WebClient, botName: string) {
  return async (target: { channelId: string }): Promise<ChannelMembership> => {
    try {
      const r = await client.conversations.info({ channel: target.channelId });
      const c = (r.channel ?? {}) as { is_member?: boolean; is_im?: boolean };
      return { member: Boolean(c.is_member || c.is_im), botName };
    } catch (err) {
      if ((err as { data?: { error?: string } }).data?.error === 'channel_not_found') return { member: false, botName };
      throw err;
    }
  };
}
