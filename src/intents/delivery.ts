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

export interface PlatformSender {
  platform: DoorPlatform;
  /** Direct message to one person. `dedupKey` makes a resend after a timeout post nothing twice. */
  sendToUser(target: { workspaceId: string; externalUserId: string }, reply: Reply, dedupKey?: string): Promise<PostedRef>;
  sendToChannel(target: { workspaceId: string; channelId: string }, reply: Reply, dedupKey?: string): Promise<PostedRef>;
  update(ref: PostedRef, reply: Reply): Promise<void>;
}

export interface Notifier {
  deliver(message: import('./reply.ts').OutboundMessage, dedupKey?: string): Promise<PostedRef[]>;
}
