// The port through which replies reach people who did not ask: approval cards, decisions, digests.
// Each door implements a PlatformSender; the router (src/app/) picks the recipient's doors.
import type { DoorPlatform } from './invocation.ts';
import type { Reply } from './reply.ts';

export interface PostedRef {
  platform: DoorPlatform;
  workspaceId: string;
  channelId: string;
  messageId: string;
}

export interface SendOptions {
  /** An earlier try may have reached the platform (a reset after it processed, a sender that died). */
  maybeSent?: boolean;
}

/** Whether the bot can post in a channel, and the name to invite it by. */
export interface ChannelMembership {
  member: boolean;
  botName?: string;
}

export interface PlatformSender {
  platform: DoorPlatform;
  /** Direct message to one person. `dedupKey` makes a resend after a timeout post nothing twice. */
  sendToUser(target: { workspaceId: string; externalUserId: string }, reply: Reply, dedupKey?: string, opts?: SendOptions): Promise<PostedRef>;
  sendToChannel(target: { workspaceId: string; channelId: string }, reply: Reply, dedupKey?: string, opts?: SendOptions): Promise<PostedRef>;
  update(ref: PostedRef, reply: Reply): Promise<void>;
  /** Answers the asker at the opaque address the door put in `Invocation.replyTo` (e.g. a response_url). */
  reply?(address: string, reply: Reply, dedupKey?: string): Promise<PostedRef | void>;
  /** Asks the platform whether the bot is in the channel (Slack conversations.info, Feishu is_in_chat). */
  membership?(target: { workspaceId: string; channelId: string }): Promise<ChannelMembership>;
}

export interface Notifier {
  /** The door's answer on channel membership; undefined when that door is not here or cannot tell. */
  membership?(door: DoorPlatform, target: { workspaceId: string; channelId: string }): Promise<ChannelMembership | undefined>;
  deliver(message: import('./reply.ts').OutboundMessage, dedupKey?: string, opts?: SendOptions): Promise<PostedRef[]>;
  /** Shows `reply` in place of messages already posted (a notice folded into an earlier one). */
  update?(refs: PostedRef[], reply: Reply): Promise<void>;
}

/** Where a command's owed messages wait, written in its transaction (src/scheduler/outbox.ts sends them). */
export interface Outbox {
  /** Names the replica holding the rows it wrote until it has tried them once. */
  instanceId: string;
  leaseMs: number;
  /**
   * First attempt right after the command's commit; failures are left to the sweep's backoff.
   * `written`: the rows as this replica wrote them, leased to itself in the transaction that began
   * at `since` (ms); sent without leasing them again while that lease is surely still held.
   */
  flush(ids: number[], written?: { rows: Array<{ id: number; key: string; message: string }>; since: number }): Promise<void>;
}
