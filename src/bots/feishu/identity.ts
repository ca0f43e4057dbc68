// The bot's own open_id, read once at start: in a group chat only a mention of this id wakes the
// bot (any other @ is a person the message is about). Without it a group message cannot be told
// apart, so the door does not start.
import type * as lark from '@larksuiteoapi/node-sdk';

export interface BotIdentity {
  openId: string;
  name?: string;
}

export async function botIdentity(client: lark.Client): Promise<BotIdentity> {
  let answer: { code?: number; msg?: string; bot?: { open_id?: string; app_name?: string } } | undefined;
  try {
    answer = await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
  } catch (err) {
    const e = err as { message?: string; response?: { status?: number; data?: { code?: number } } };
    throw new Error(`Feishu: could not read the bot's identity (GET /open-apis/bot/v3/info: ${e.response?.status ?? ''} ${e.response?.data?.code ?? e.message ?? ''}). Check FEISHU_APP_ID/FEISHU_APP_SECRET and that the app has the bot capability.`);
  }
  const openId = answer?.bot?.open_id;
  if (!openId) throw new Error(`Feishu: GET /open-apis/bot/v3/info gave no bot open_id (code ${answer?.code ?? '?'}); enable the app's bot capability.`);
  const name = answer?.bot?.app_name;
  return { openId, ...(name ? { name } : {}) };
}
