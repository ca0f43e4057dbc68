// The console door: type a command, read the reply; type a button's number to press it. When stdin
// is not a terminal it reads line by line, so a session can be scripted.
import { saveImages } from './images.ts';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Invocation, Locale } from '../../intents/invocation.ts';
import type { Reply, ReplyButton } from '../../intents/reply.ts';
import { chrome, replyLocale } from './chrome.ts';
import { renderText } from './render.ts';
import type { ConsoleInbox } from './sender.ts';

export interface ConsoleUser {
  name: string;
  timeZone?: string;
  locale?: Locale;
}

export interface SessionOptions {
  handler: (inv: Invocation) => Promise<Reply>;
  user: ConsoleUser;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  interactive: boolean;
  now: () => Date;
  /** Messages other people sent this console's users (approval cards): their buttons work after `:as`. */
  inbox?: ConsoleInbox;
  /** Where charts are written (the data folder); without it the console names them only. */
  imageDir?: string;
}

const IMPORT_PATH = /^\/(?:customers?|客户)\s+(?:import|导入)\s+(\S.*)$/i;

async function isFile(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isFile(), () => false);
}

export async function runConsole(opts: SessionOptions): Promise<void> {
  let user = opts.user;
  let buttons: ReplyButton[] = [];
  let pending: ReplyButton | undefined;
  const rl = createInterface({ input: opts.input, terminal: opts.interactive, crlfDelay: Infinity });
  const prompt = () => opts.interactive && rl.setPrompt(`${user.name}> `) === undefined && rl.prompt();

  const send = async (input: Invocation['input']) => {
    const reply = await opts.handler({
      door: 'console',
      workspaceId: '',
      externalUserId: user.name,
      profile: { displayName: user.name, timeZone: user.timeZone, locale: user.locale },
      input,
      receivedAt: opts.now(),
    });
    // Without --locale the reply's own language (the person's, as the handler chose it) sets the console's words.
    const rendered = renderText(reply, user.locale ?? replyLocale(reply));
    buttons = rendered.buttons;
    const saved = saveImages(reply, opts.imageDir, user.locale ?? replyLocale(reply));
    // The saved files' lines stand where renderText named the images.
    opts.write((saved.length ? rendered.text.split('\n').slice(0, -saved.length).concat(saved).join('\n') : rendered.text) + '\n');
  };

  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!opts.interactive && line) opts.write(`${user.name}> ${line}\n`);
    if (pending) {
      const b = pending;
      pending = undefined;
      if (line) await send({ kind: 'action', action: b.action, values: { [b.input!.name]: line } });
    } else if (!line || line.startsWith('#')) {
      // blank lines and comments in scripts
    } else if (/^:?(?:exit|quit|q)$|^退出$/i.test(line)) {
      // `:as` switches person, so `:quit` is what people try next; 退出 for those writing Chinese.
      break;
    } else if (line.startsWith(':as ')) {
      // Switch person, to try a flow that needs two people (a rep submits, a manager approves).
      // The other person keeps their own stored zone and language: only the --as person's --tz and
      // --locale travel with them. ":as 李雷 zh-CN" says 李雷's language explicitly (and so stores it).
      const m = /^(.*?)(?:\s+(en|zh-CN))?$/.exec(line.slice(4).trim())!;
      const name = m[1]!.trim() || user.name;
      user = name === opts.user.name ? { ...opts.user } : { name };
      if (m[2]) user.locale = m[2] as Locale;
      const waiting = opts.inbox?.get(user.name);
      opts.inbox?.delete(user.name);
      buttons = waiting?.buttons ?? [];
      const c = chrome(user.locale);
      opts.write(`${waiting ? c.actingWithButtons(user.name, waiting.messageId, waiting.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join(' ')) : c.actingAs(user.name)}\n`);
    } else if (/^\d{1,3}$/.test(line) && buttons[Number(line) - 1]) {
      const b = buttons[Number(line) - 1]!;
      if (b.input) {
        pending = b;
        opts.write(`${b.input.label}\n`);
      } else {
        await send({ kind: 'action', action: b.action });
      }
    } else if (/^\d{1,3}$/.test(line)) {
      // A bare number is always meant as a button; say so rather than parse it as a command.
      opts.write(`${buttons.length ? chrome(user.locale).noSuchButton(line, buttons.length) : chrome(user.locale).noButtons()}\n`);
    } else if (IMPORT_PATH.test(line) && (await isFile(IMPORT_PATH.exec(line)![1]!.trim()))) {
      // A file path after the import command: the console hands over the file's bytes, as a chat
      // door hands over an upload; the grammar never sees the path.
      const file = IMPORT_PATH.exec(line)![1]!.trim();
      await send({ kind: 'file', fileName: path.basename(file), bytes: await readFile(file) });
    } else {
      await send({ kind: 'text', text: line });
    }
    prompt();
  }
  rl.close();
}
