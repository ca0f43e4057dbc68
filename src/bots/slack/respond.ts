import type { Reply } from '../../intents/reply.ts';
import { fallbackText, toBlocks } from './blocks.ts';
import { postJson } from '../post-json.ts';

// Posting an answer to a Slack response_url: bounded by a timeout, retried on 5xx and dropped
// connections (a few quick tries; the outbox retries later with backoff), refused 4xx thrown as is.
//
// At least once, on this one path: a response_url takes no dedup key and has no history to look
// in, so when a connection drops after Slack processed the post, the retry shows the answer twice.
// Not retrying would lose the answer whenever the drop came first, and a person without their
// confirmation repeats the command, which is worse (two effects) than a repeated line.
export const RESPOND_TIMEOUT_MS = 5_000;

export class ResponseUrlError extends Error {
  constructor(readonly status: number | undefined, message: string) {
    super(message);
  }
}

export async function postResponse(url: string, body: object, opts: { timeoutMs?: number; tries?: number } = {}): Promise<void> {
  const tries = opts.tries ?? 3;
  for (let attempt = 1; ; attempt++) {
    let failure: ResponseUrlError;
    try {
      const res = await postJson(url, body, opts.timeoutMs ?? RESPOND_TIMEOUT_MS);
      if (res.status >= 200 && res.status < 300) return;
      failure = new ResponseUrlError(res.status, `response_url answered ${res.status}`);
      if (res.status < 500 && res.status !== 429) throw failure;
    } catch (err) {
      if (err instanceof ResponseUrlError && err.status !== undefined && err.status < 500 && err.status !== 429) throw err;
      failure = err instanceof ResponseUrlError ? err : new ResponseUrlError(undefined, `response_url unreachable: ${(err as Error)?.message ?? err}`);
    }
    if (attempt >= tries) throw failure;
    await new Promise((r) => setTimeout(r, 250 * attempt));
  }
}

/**
 * The opaque address a Slack invocation carries in Invocation.replyTo: a response_url (with the
 * channel the command was typed in, where charts of the answer are uploaded, since a response_url
 * takes no files), or the DM an event came from.
 */
export type SlackAddress = { url: string; kind: 'command' | 'action'; channel?: string } | { kind: 'dm'; channel: string };

/** The answer of a command or click as Slack's response_url takes it. */
export function responseBody(reply: Reply, kind: 'command' | 'action') {
  const message = { text: fallbackText(reply), blocks: toBlocks(reply) as never };
  return kind === 'command'
    ? { response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral', ...message }
    : { replace_original: reply.replaceOriginal === true, response_type: 'ephemeral', ...message };
}
