// When to acknowledge a request the platform will not send again once acknowledged (a Slack command
// or click; a Feishu event answered 200): once it is durable, so an acknowledged request survives a
// crash (stored on arrival when its answer goes through the outbox, src/intents/intake.ts; else
// when its command commits), or at `withinMs`, since the platform's patience (3 s) is not ours to
// spend. A replica killed before the ack leaves the request unacknowledged: Slack shows the person
// the failure, Feishu delivers the event again.
import type { Progress } from '../intents/invocation.ts';

export const ACK_WITHIN_MS = 2_000;

export function ackOnAccept(ack: () => unknown, withinMs = ACK_WITHIN_MS): Progress & { now(): void } {
  let done = false;
  const now = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // At once, not on a later microtask: the command that starts right after its request was stored
    // must not run ahead of the ack it would otherwise delay (its first statement is built synchronously).
    try {
      void Promise.resolve(ack()).catch(() => undefined);
    } catch {
      // An ack that cannot be sent (the connection went) is the platform's to retry.
    }
  };
  const timer = setTimeout(now, withinMs);
  return { accepted: now, now };
}
