// Files in the Feishu door. In: a file message to the bot in a direct chat (`message_type: "file"`,
// content `{"file_key","file_name"}`) becomes a file invocation whose bytes are fetched from
// GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=file, stopping past the cap.
// Out: a file (an export) is uploaded with POST /open-apis/im/v1/files and sent as a `file` message.
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Invocation } from '../../intents/invocation.ts';
import { FileTooLarge } from '../../intents/upload.ts';
import type { Header } from './events.ts';

interface FileMessageEvent {
  sender?: { sender_id?: { open_id?: string }; sender_type?: string; tenant_key?: string };
  message?: { message_id?: string; chat_id?: string; chat_type?: string; message_type?: string; content?: string };
}

export type FeishuDownload = (messageId: string, fileKey: string, maxBytes: number) => Promise<Uint8Array>;

export function fileInvocation(header: Header, event: FileMessageEvent, now: Date, download: FeishuDownload): Invocation | null {
  const m = event.message;
  const user = event.sender?.sender_id?.open_id;
  // Only in a direct chat: a file in a group cannot mention the bot, so it is not meant for it.
  if (!m?.message_id || !user || event.sender?.sender_type === 'app' || m.message_type !== 'file' || m.chat_type !== 'p2p') return null;
  let content: { file_key?: unknown; file_name?: unknown };
  try {
    content = JSON.parse(m.content ?? '{}');
  } catch {
    return null;
  }
  if (typeof content.file_key !== 'string' || !content.file_key) return null;
  const fileKey = content.file_key;
  const messageId = m.message_id;
  return {
    door: 'feishu',
    workspaceId: header.tenant_key ?? event.sender?.tenant_key ?? '',
    externalUserId: user,
    channelId: m.chat_id,
    input: { kind: 'file', fileName: typeof content.file_name === 'string' ? content.file_name : 'file', download: (max) => download(messageId, fileKey, max) },
    deliveryKey: header.event_id ? `evt:${header.event_id}` : undefined,
    receivedAt: now,
  };
}

/** The message resource as a stream through the SDK, read only up to maxBytes. */
export function feishuDownloader(client: lark.Client): FeishuDownload {
  return async (messageId, fileKey, maxBytes) => {
    const res = await client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: 'file' } });
    const stream = res.getReadableStream();
    const length = Number((res.headers as Record<string, unknown> | undefined)?.['content-length']);
    if (length > maxBytes) {
      stream.destroy();
      throw new FileTooLarge(maxBytes);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new FileTooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
  };
}

/** Feishu's file types for upload: Excel workbooks as `xls`, anything else (CSV included) as a plain `stream`. */
const fileType = (name: string) => (/\.xlsx?$/i.test(name) ? 'xls' : 'stream');

/** Uploads the bytes and returns the file_key a `file` message carries. */
export async function uploadFeishuFile(client: lark.Client, fileName: string, bytes: Uint8Array): Promise<string> {
  const r = (await client.im.v1.file.create({ data: { file_type: fileType(fileName), file_name: fileName, file: Buffer.from(bytes) } })) as { file_key?: string; data?: { file_key?: string } } | null;
  const key = r?.file_key ?? r?.data?.file_key;
  if (!key) throw new Error('feishu file upload returned no file_key');
  return key;
}
