// Routes messages to people who did not ask (approval cards, decisions, digests) to every door
// they use. One failing door is logged and does not stop the others.
import type { Database } from '../domain/db/database.ts';
import { postedWithSubject, recordPosted, targetsOf } from '../domain/messages/posted.ts';
import type { Notifier, PlatformSender, PostedRef } from '../intents/delivery.ts';
import type { OutboundMessage } from '../intents/reply.ts';
import type { Logger } from '../logger.ts';
import { metrics } from '../observe/metrics.ts';
import { isRetryable } from '../scheduler/retry.ts';

export function createNotifier(db: Database, log: Logger): Notifier & { register(sender: PlatformSender): void; platforms(): string[] } {
  const senders = new Map<string, PlatformSender>();

  async function updateEverywhere(message: OutboundMessage): Promise<void> {
    if (!message.updateSubject) return;
    for (const ref of await postedWithSubject(db.prisma, message.updateSubject)) {
      const sender = senders.get(ref.platform);
      if (!sender) continue;
      await sender.update(ref, message.reply).catch((err) => log.warn({ err, ref }, 'could not update a posted message'));
    }
  }

  return {
    register(sender) {
      senders.set(sender.platform, sender);
    },
    platforms: () => [...senders.keys()],
    async membership(door, target) {
      const sender = senders.get(door);
      if (!sender?.membership) return undefined;
      try {
        return await sender.membership(target);
      } catch (err) {
        // Cannot tell (a missing scope, the platform down): the setting is not blocked on it.
        log.warn({ err, platform: door }, 'could not check channel membership');
        return undefined;
      }
    },
    async update(refs, reply) {
      // Every copy is tried; a failure is thrown after, so the whole edit is tried again (edits are idempotent).
      const errors: unknown[] = [];
      for (const ref of refs) {
        const sender = senders.get(ref.platform);
        if (!sender) throw Object.assign(new Error(`no ${ref.platform} door here to edit through`), { retryable: true });
        await sender.update(ref, reply).catch((err) => errors.push(err));
      }
      if (errors.length) throw errors[0];
    },
    async deliver(message, dedupKey, opts) {
      const to = message.to;
      if ('address' in to) {
        // This replica may not run the asker's door; another one (or this one, restarted) will.
        const sender = senders.get(to.door);
        if (!sender?.reply) throw Object.assign(new Error(`no ${to.door} door here to answer through`), { retryable: true });
        const ref = await sender.reply(to.address, message.reply, dedupKey);
        return ref ? [ref] : [];
      }
      await updateEverywhere(message);
      const posted: PostedRef[] = [];
      const errors: unknown[] = [];
      for (const target of await targetsOf(db.prisma, to)) {
        const sender = senders.get(target.platform);
        if (!sender) continue;
        // One key per destination: Feishu's uuid is unique per app, not per chat, so two team chats
        // sharing a key would see the second send taken for a repeat of the first and dropped.
        const key = dedupKey ? `${dedupKey}:${target.platform}:${target.kind === 'user' ? target.externalUserId : target.channelId}` : undefined;
        try {
          const ref =
            target.kind === 'user'
              ? await sender.sendToUser({ workspaceId: target.workspaceId, externalUserId: target.externalUserId }, message.reply, key, opts)
              : await sender.sendToChannel({ workspaceId: target.workspaceId, channelId: target.channelId }, message.reply, key, opts);
          posted.push(ref);
          metrics.sends.inc({ platform: target.platform, result: 'sent' });
          if (message.reply.subject) await recordPosted(db.prisma, ref, message.reply.subject);
        } catch (err) {
          errors.push(err);
          metrics.sends.inc({ platform: target.platform, result: 'failed' });
          log.warn({ err, platform: target.platform }, 'could not deliver a message');
        }
      }
      if (posted.length === 0 && errors.length) throw errors[0];
      // Some doors took it and another failed for now: the whole delivery is tried again, so the
      // failed door is not skipped for good; the doors that took it find their copy by its key
      // (Slack's metadata, Feishu's uuid) and post nothing twice.
      if (errors.some(isRetryable)) throw Object.assign(new Error(`delivered to ${posted.length} of ${posted.length + errors.length} destinations; the rest is retried`), { retryable: true });
      return posted;
    },
  };
}
