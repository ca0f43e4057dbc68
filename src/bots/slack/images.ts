// Charts shown in Slack: each PNG uploaded with files.uploadV2 (getUploadURLExternal, the upload,
// completeUploadExternal) into the channel of the message it belongs to, in that message's thread
// when there is one. An upload that fails is logged and never takes the message's text with it.
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../intents/reply.ts';

const fileName = (title: string, i: number) => `${title.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'chart'}-${i + 1}.png`;

export async function uploadImages(client: WebClient, reply: Reply, where: { channel: string; threadTs?: string }, onError?: (err: unknown) => void): Promise<number> {
  let sent = 0;
  for (const [i, image] of (reply.images ?? []).entries()) {
    try {
      await client.files.uploadV2({
        channel_id: where.channel,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        file: Buffer.from(image.png),
        filename: fileName(image.title, i),
        title: image.title,
      } as never);
      sent++;
    } catch (err) {
      onError?.(err);
    }
  }
  return sent;
}
