// Follow-ups for console users (an approval card for the manager, a decision for the rep) print
// inline in the running console, addressed to the person they are for.
import type { PlatformSender, PostedRef } from '../../intents/delivery.ts';
import type { Reply } from '../../intents/reply.ts';
import { renderText } from './render.ts';

export function consoleSender(write: (text: string) => void): PlatformSender {
  let next = 1;
  const post = (to: string, reply: Reply): PostedRef => {
    const messageId = String(next++);
    write(`\n── message #${messageId} for ${to} ──\n${renderText(reply).text}\n`);
    return { platform: 'console', workspaceId: '', channelId: to, messageId };
  };
  return {
    platform: 'console',
    async sendToUser(target, reply) {
      return post(target.externalUserId, reply);
    },
    async sendToChannel(target, reply) {
      return post(`#${target.channelId}`, reply);
    },
    async update(ref, reply) {
      write(`\n── message #${ref.messageId} for ${ref.channelId} updated ──\n${renderText(reply).text}\n`);
    },
  };
}
