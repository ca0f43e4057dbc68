// Whether the bot is in a Feishu chat: GET /open-apis/im/v1/chats/:chat_id/members/is_in_chat with
// the app's tenant token answers for the bot itself.
import type * as lark from '@larksuiteoapi/node-sdk';
import type { ChannelMembership } from '../../intents/delivery.ts';

export function feishuMembership(client: lark.Client, botName: string) {
  return async (target: { channelId: string }): Promise<ChannelMembership> => {
    const r = await client.im.chatMembers.isInChat({ path: { chat_id: target.channelId } });
    if (r.code !== 0 && r.code !== undefined) throw Object.assign(new Error(`is_in_chat: code ${r.code}`), { code: r.code });
    return { member: Boolean(r.data?.is_in_chat), botName };
  };
}
