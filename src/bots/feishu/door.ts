// What the Feishu door does with each kind of event, the same in webhook and long-connection modes.
import type { Invocation, Progress } from '../../intents/invocation.ts';
import type { PlatformSender } from '../../intents/delivery.ts';
import type { Reply } from '../../intents/reply.ts';
import type { Logger } from '../../logger.ts';
import { toCard } from './card.ts';
import type { FeishuAddress } from './sender.ts';
import { cardInvocation, menuInvocation, messageInvocation, type CardAction, type Header } from './events.ts';
import { fileInvocation, type FeishuDownload } from './files.ts';

export interface FeishuDoorDeps {
  handler: (inv: Invocation, progress?: Progress) => Promise<Reply>;
  sender: PlatformSender;
  profile?: (openId: string) => Promise<Invocation['profile']>;
  log: Logger;
  now: () => Date;
  /** The bot's own open_id (identity.ts): only a mention of it wakes the bot in a group. */
  botOpenId?: string;
  /** Card callbacks must be answered within 3 s; past this, answer a toast and patch the card later. */
  cardDeadlineMs?: number;
  /** Fetches a file message's bytes (src/bots/feishu/files.ts); without it file messages are ignored. */
  download?: FeishuDownload;
}

const TOAST = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

export function feishuDoor(d: FeishuDoorDeps) {
  const withProfile = async (inv: Invocation) => ({ ...inv, profile: (await d.profile?.(inv.externalUserId)) ?? inv.profile });
  const address = (a: FeishuAddress) => JSON.stringify(a);

  // The answer to a message or a menu click is written to the outbox with the command's effect and
  // sent from there (with Feishu's uuid), so a failed send is retried and a redelivered event gets
  // nothing but the HTTP ack. Only an answer that was not stored (busy, database down) is sent here.
  async function onMessage(header: Header, event: Parameters<typeof messageInvocation>[1], progress?: Progress): Promise<void> {
    const inv = messageInvocation(header, event, d.now(), d.botOpenId) ?? (d.download ? fileInvocation(header, event, d.now(), d.download) : null);
    if (!inv) return;
    const replyTo = address({ workspaceId: inv.workspaceId, chatId: inv.channelId! });
    const reply = await d.handler({ ...(await withProfile(inv)), replyTo }, progress);
    if (!reply.queued) await d.sender.sendToChannel({ workspaceId: inv.workspaceId, channelId: inv.channelId! }, reply, inv.deliveryKey);
  }

  async function onMenu(header: Header, event: Parameters<typeof menuInvocation>[1], progress?: Progress): Promise<void> {
    const inv = menuInvocation(header, event, d.now());
    if (!inv) return;
    const replyTo = address({ workspaceId: inv.workspaceId, openId: inv.externalUserId });
    const reply = await d.handler({ ...(await withProfile(inv)), replyTo }, progress);
    if (!reply.queued) await d.sender.sendToUser({ workspaceId: inv.workspaceId, externalUserId: inv.externalUserId }, reply, inv.deliveryKey);
  }

  // A click's answer is written to the outbox with its effect, addressed to the card (patched when
  // the answer replaces it) and its chat. Within the callback's deadline an answer that replaces the
  // card rides on the HTTP response instead (the handler asks, carriesAnswer); past it, or for an
  // answer that is its own message, the outbox delivers it with its retries and uuid.
  async function onCardAction(header: Header, event: CardAction): Promise<object> {
    const inv = cardInvocation(header, event, d.now());
    if (!inv) return { toast: { type: 'error', content: '?' } };
    const messageId = event.context?.open_message_id;
    const replyTo = inv.channelId ? address({ workspaceId: inv.workspaceId, chatId: inv.channelId, ...(messageId ? { messageId } : {}) }) : undefined;
    let late = false;
    let carrying = false;
    const progress: Progress = { carriesAnswer: (reply) => !late && reply.replaceOriginal === true && (carrying = true) };
    const work = d.handler({ ...(await withProfile(inv)), replyTo }, progress).then(async (reply) => {
      // An answer that was not stored (busy, database down) is sent from here, as before the outbox.
      if (!reply.queued && !reply.replaceOriginal && inv.channelId) await d.sender.sendToChannel({ workspaceId: inv.workspaceId, channelId: inv.channelId }, reply, inv.deliveryKey);
      return reply;
    });
    const LATE = Symbol('late');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof LATE>((r) => {
      timer = setTimeout(() => {
        if (carrying) return;
        late = true;
        r(LATE);
      }, d.cardDeadlineMs ?? 2500);
    });
    const first = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));
    if (first === LATE) {
      void work
        .then((reply) => (!reply.queued && reply.replaceOriginal && messageId ? d.sender.update({ platform: 'feishu', workspaceId: inv.workspaceId, channelId: inv.channelId ?? '', messageId }, reply) : undefined))
        .catch((err) => d.log.warn({ err }, 'feishu card update after the deadline failed'));
      return { toast: { type: 'info', content: '…' } };
    }
    const reply = first;
    return {
      toast: { type: TOAST[reply.tone], content: (reply.title ?? reply.text ?? '').slice(0, 100) },
      ...(reply.replaceOriginal ? { card: { type: 'raw', data: toCard(reply) } } : {}),
    };
  }

  return { onMessage, onMenu, onCardAction };
}

export type FeishuDoor = ReturnType<typeof feishuDoor>;
