// Feishu's send limits: 5 messages a second per chat and 50 a second per app. Each chat has its own
// queue (p-queue, rate-limited per interval) in front of the app's queue, so a burst to one chat
// waits for its own slots while sends to other chats only share the app's.
import PQueue from 'p-queue';

export interface PaceLimits {
  perChat: number;
  perApp: number;
  intervalMs: number;
}

export const FEISHU_LIMITS: PaceLimits = { perChat: 5, perApp: 50, intervalMs: 1_000 };

export function pacer(limits: PaceLimits = FEISHU_LIMITS) {
  const app = new PQueue({ intervalCap: limits.perApp, interval: limits.intervalMs });
  const chats = new Map<string, PQueue>();
  const chatQueue = (chat: string) => {
    let q = chats.get(chat);
    if (!q) {
      q = new PQueue({ intervalCap: limits.perChat, interval: limits.intervalMs });
      const queue = q;
      // Forget a chat once it has been idle for a whole interval, so the map does not grow with
      // every chat ever written to and a forgotten chat cannot exceed its rate when it returns.
      queue.on('idle', () => {
        setTimeout(() => {
          if (queue.size === 0 && queue.pending === 0 && chats.get(chat) === queue) chats.delete(chat);
        }, limits.intervalMs).unref();
      });
      chats.set(chat, q);
    }
    return q;
  };
  return function pace<T>(chat: string, send: () => Promise<T>): Promise<T> {
    return chatQueue(chat).add(() => app.add(send)) as Promise<T>;
  };
}
