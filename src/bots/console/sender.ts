// Follow-ups for console users (an approval card for the manager, a decision for the rep) print
// inline in the running console, addressed to the person they are for.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformSender, PostedRef } from '../../intents/delivery.ts';
import type { Reply, ReplyButton } from '../../intents/reply.ts';
import { chrome, replyLocale } from './chrome.ts';
import { renderText } from './render.ts';

/** The buttons of the latest message each console person received, live once the console acts as them. */
export type ConsoleInbox = Map<string, { messageId: string; buttons: ReplyButton[] }>;

/** A file handed to a console person (an export) is written into `dir`, never over an existing file. */
async function save(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const { name, ext } = path.parse(path.basename(fileName));
  let target = path.resolve(dir, `${name}${ext}`);
  for (let n = 2; existsSync(target); n++) target = path.resolve(dir, `${name}-${n}${ext}`);
  await writeFile(target, bytes);
  return target;
}

export function consoleSender(write: (text: string) => void, inbox?: ConsoleInbox, opts: { fileDir?: string } = {}): PlatformSender {
  let next = 1;
  const post = async (to: string, reply: Reply): Promise<PostedRef> => {
    const messageId = String(next++);
    const locale = replyLocale(reply);
    const rendered = renderText(reply, locale);
    const saved: string[] = [];
    for (const f of reply.files ?? []) saved.push(chrome(locale).saved(await save(opts.fileDir ?? process.cwd(), f.fileName, f.bytes)));
    write(`\n${chrome(locale).messageFor(messageId, to)}\n${[rendered.text, ...saved.map((s) => `  ${s}`)].join('\n')}\n`);
    if (rendered.buttons.length) inbox?.set(to, { messageId, buttons: rendered.buttons });
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
      // The card changed (a quote decided): its old buttons no longer apply, and one line says what it shows now.
      for (const [who, m] of inbox ?? []) if (m.messageId === ref.messageId) inbox!.delete(who);
      const now = [reply.title, reply.text].filter(Boolean).join(' — ');
      write(`\n${chrome(replyLocale(reply)).messageNowReads(ref.messageId, ref.channelId, now)}\n`);
    },
  };
}
