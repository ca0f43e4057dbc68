// Which language a message is written in, when it says so clearly. Command words are English in
// both languages' usage (`/log 华为 电话：…`), so they are no evidence; Han characters are, and a
// Latin sentence of a few words is. A bare `/tasks` or `/task done 12` says nothing.
import type { Locale } from './invocation.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

export function writtenLanguage(text: string): Locale | undefined {
  // The command and its subcommand are grammar, not language.
  const body = text.trim().replace(/^\/?[A-Za-z]+(?:\s+(?:add|find|update|import|new|edit|submit|approve|reject|done|claim|snooze|reassign|help|whoami|role|home|channel|language|pool|mine))?\b/i, '');
  // A colleague's name after @ is whom it is about, not the language it is said in.
  const said = body.replace(/@\S+/gu, ' ');
  const han = said.match(HAN)?.length ?? 0;
  const latinWords = said.match(LATIN_WORD) ?? [];
  const latinLetters = latinWords.join('').length;
  // Two characters are often just a customer's name (`/customer find 华为`), not a sentence.
  if (han >= 3 && han * 2 >= latinLetters / 2) return 'zh-CN';
  if (latinWords.length >= 3 && latinLetters >= han * 4) return 'en';
  return undefined;
}
