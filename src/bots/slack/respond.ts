import type { Reply } from '../../intents/reply.ts';
import { fallbackText, toBlocks } from './blocks.ts';

// Posting an answer to a Slack response_url: bounded by a timeout, retried on 5xx and dropped
// connections (a few quick tries; the outbox retries later with backoff), refused 4xx thrown as is.
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
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs ?? RESPOND_TIMEOUT_MS) });
      await res.text().catch(() => '');
      if (res.ok) return;
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

/** The opaque address a Slack invocation carries in Invocation.replyTo. */
export interface SlackAddress {
  url: string;
  kind: 'command' | 'action';
  /** Where the command was typed: charts of the answer are uploaded there (a response_url takes no files). */
  channel?: string;
}

/** The answer of a command or click as Slack's response_url takes it. */
export function responseBody(reply: Reply, kind: SlackAddress['kind']) {
  const message = { text: fallbackText(reply), blocks: toBlocks(reply) as never };
  return kind === 'command'
    ? { response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral', ...message }
    : { replace_original: reply.replaceOriginal === true, response_type: 'ephemeral', ...message };
}
