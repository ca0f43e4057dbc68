// Files in the Slack door: a file someone shares with the bot in its DM (a `message` event of
// subtype `file_share`) is fetched from its `url_private_download` with the bot token, and never
// past a size cap; the token goes only to Slack's own hosts (files.slack.com, or the API host a
// test or proxy configured), never to a URL an event names elsewhere.
import { FileTooLarge } from '../../intents/upload.ts';

/** The part of a file_share message event the door reads (Slack's documented shape). */
export interface SharedFileMessage {
  type: 'message';
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts?: string;
  files?: Array<{ id?: string; name?: string; size?: number; url_private_download?: string; url_private?: string; mode?: string }>;
}

export function allowedFileHost(url: string, apiUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && u.hostname === 'files.slack.com') return true;
    return apiUrl !== undefined && u.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** Reads the file with the bot token, stopping (and throwing FileTooLarge) once it passes maxBytes. */
export async function downloadSlackFile(url: string, token: string, maxBytes: number, opts: { apiUrl?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  if (!allowedFileHost(url, opts.apiUrl)) throw new Error('file URL is not on a Slack host');
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
  if (!res.ok || !res.body) throw new Error(`file download answered ${res.status}`);
  if (Number(res.headers.get('content-length')) > maxBytes) {
    await res.body.cancel();
    throw new FileTooLarge(maxBytes);
  }
  // Without the files:read scope Slack answers 200 with its sign-in page instead of the file.
  if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
    await res.body.cancel();
    throw new Error('file download answered a web page (is the files:read scope granted?)');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new FileTooLarge(maxBytes);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
