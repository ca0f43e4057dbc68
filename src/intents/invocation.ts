// What every door hands to the intents layer: who, where, in which zone and language, and what they
// typed or pressed. Built by src/bots/<platform>/; nothing platform-specific survives past here.
import type { Intent } from './intent.ts';
import type { PersonRef } from './mention.ts';
import type { ButtonAction, Reply } from './reply.ts';

export type DoorPlatform = 'slack' | 'feishu' | 'console';
export type Locale = 'en' | 'zh-CN';

export interface Invocation {
  door: DoorPlatform;
  /** Slack team id, Feishu tenant key, '' for the console. */
  workspaceId: string;
  /** The platform's user id (Slack U…, Feishu open_id, the console's --as name). */
  externalUserId: string;
  /** What the platform knows of the person, used to provision them on first contact. */
  profile?: { displayName?: string; timeZone?: string; locale?: Locale };
  channelId?: string;
  input:
    /** `mentions`: the people the platform marked as mentioned, which tokens in `text` point to (mention.ts). */
    | { kind: 'text'; text: string; mentions?: PersonRef[] }
    | { kind: 'action'; action: ButtonAction; /** form values that came with a click, e.g. a reject reason */ values?: Record<string, string> }
    /**
     * A form's fields or a menu key, turned by the door into the intent itself (a Slack modal, a
     * Feishu menu): nothing is written as command text for the grammar to read again. The values
     * came from a person, so the handler checks them against the intent union like any input.
     */
    | { kind: 'intent'; intent: Intent }
    /**
     * A file the person handed over: a console path (bytes read), or a chat upload the door can
     * fetch (`download`, called only for someone who may import, refusing more than `maxBytes`).
     */
    | { kind: 'file'; fileName: string; bytes: Uint8Array }
    | { kind: 'file'; fileName: string; /** as the platform reports it, when it does */ size?: number; download: (maxBytes: number) => Promise<Uint8Array> };
  /** Unique per delivery (Slack retry, Feishu event id, button press); a repeat changes nothing twice. */
  deliveryKey?: string;
  /**
   * Where the answer goes when it cannot ride on the HTTP response (Slack's response_url, a Feishu
   * chat), opaque to everything but the door's sender. With it the answer is written to the outbox
   * in the command's transaction and the door must not send it again (Reply.queued).
   */
  replyTo?: string;
  /**
   * The door shows a refusal (tone 'error') on its form, so only other answers go to `replyTo`:
   * a form with a bad field is answered in the HTTP response and stays open.
   */
  refusalsInline?: boolean;
  receivedAt: Date;
}

/** What a door may learn while its request is handled. */
export interface Progress {
  /**
   * The request is durable: stored on arrival (src/intents/intake.ts), or its command committed, or
   * stored by an earlier delivery of it. A door acknowledges a platform that will not redeliver an
   * acknowledged request only after this, so an ack never promises work a crash could still lose.
   */
  accepted?(): void;
  /**
   * Asked once the command is committed, when its answer went to the outbox: whether the door will
   * still carry this answer in its HTTP response (a Feishu card callback within its deadline). Yes
   * means the outbox does not send it; no (too late, or not an answer the response can carry)
   * means the outbox delivers it.
   */
  carriesAnswer?(reply: Reply): boolean;
}
