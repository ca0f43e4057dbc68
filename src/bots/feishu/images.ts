// Charts shown in Feishu: each PNG uploaded first (POST /open-apis/im/v1/images, image_type
// "message") for an image_key, which the card then shows as an `img` element. An upload that fails
// leaves that picture out; the card and its figures still go.
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Reply } from '../../intents/reply.ts';

export interface CardImage {
  key: string;
  title: string;
}

export async function uploadImages(client: lark.Client, reply: Reply, onError?: (err: unknown) => void): Promise<CardImage[]> {
  const out: CardImage[] = [];
  for (const image of reply.images ?? []) {
    try {
      const r = (await client.im.v1.image.create({ data: { image_type: 'message', image: Buffer.from(image.png) } })) as { image_key?: string; data?: { image_key?: string } } | null;
      const key = r?.image_key ?? r?.data?.image_key;
      if (key) out.push({ key, title: image.title });
    } catch (err) {
      onError?.(err);
    }
  }
  return out;
}
