// Ownership words: `/customer claim|assign|release …`, `/客户 领取|分配|释放|退回公海 …`, and the
// `/pool` (`/公海`) list. `/customer assign owner:@old @new` hands one rep's whole book to another.
import { invalidIntent, type Intent } from '../intent.ts';
import { MENTION_TOKEN } from '../mention.ts';
import { overLimit } from './ids.ts';
import { firstWord, unquote, type Src } from './text.ts';
import { lookup } from './vocabulary.ts';

export type PoolSub = 'claim' | 'assign' | 'release';

export const POOL_SUBS: Record<string, PoolSub> = {
  claim: 'claim', 领取: 'claim', 认领: 'claim', 领: 'claim', 捞取: 'claim',
  assign: 'assign', 分配: 'assign', 指派: 'assign', 转给: 'assign', 转移: 'assign',
  release: 'release', unassign: 'release', 释放: 'release', 退回: 'release', 退回公海: 'release', 放回公海: 'release', 扔回公海: 'release',
};

const OWNER_KEY = /^(?:owner|from|负责人|所有人|原负责人)\s*:\s*/i;
const TO_WORD = /^(.*\S)\s+(?:to|给|→|->)\s+(\S.*)$/is;
const MENTION_AT_END = new RegExp(`^(.*\\S)\\s+(${MENTION_TOKEN})\\s*$`, 's');

/** A pool word after `/customer`, or undefined when the word is something else. */
export function poolSub(word: string): PoolSub | undefined {
  return lookup(POOL_SUBS, word);
}

export function parsePoolSub(sub: PoolSub, rest: Src): Intent {
  const usage = `usage.customer.${sub}` as const;
  if (sub !== 'assign') {
    const customerText = unquote(rest.o).trim();
    if (!customerText) return invalidIntent('missing_argument', usage, { arg: 'customer' });
    return overLimit(customerText, 200, usage, 'customer') ?? { kind: sub === 'claim' ? 'customer.claim' : 'customer.release', customerText };
  }
  const text = rest.f.trim() ? rest.o.trim() : '';
  if (!text) return invalidIntent('missing_argument', usage, { arg: 'customer' });
  const owner = OWNER_KEY.exec(text);
  const split = splitAssignee(owner ? text.slice(owner[0].length) : text);
  if (!split) return invalidIntent('missing_argument', usage, { arg: 'user' });
  const head = unquote(split.head).trim().replace(/^@/, '');
  if (!head) return invalidIntent('missing_argument', usage, { arg: owner ? 'user' : 'customer' });
  const long = overLimit(head, 200, usage, owner ? 'user' : 'customer') ?? overLimit(split.to, 200, usage, 'user');
  if (long) return long;
  return owner ? { kind: 'customer.assign_all', from: head, to: split.to } : { kind: 'customer.assign', customerText: head, to: split.to };
}

/**
 * "<customer> @rep", "<customer> to rep", "<customer> 给 王芳", "<customer> @(a platform mention)": the person is
 * after the last separator, so customer names with spaces (and an @ inside quotes) still read whole.
 */
function splitAssignee(text: string): { head: string; to: string } | undefined {
  const mention = MENTION_AT_END.exec(text);
  if (mention) return { head: mention[1]!, to: mention[2]! };
  const word = TO_WORD.exec(text);
  if (word) return { head: word[1]!, to: word[2]!.trim().replace(/^@/, '') };
  const at = text.search(/\s@[^\s@][^@]*$/);
  if (at > 0) return { head: text.slice(0, at), to: text.slice(at).trim().slice(1).trim() };
  return undefined;
}

/** `/pool` lists it; `/pool claim <customer>` is the same as `/customer claim <customer>`. */
export function parsePool(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return { kind: 'pool.list' };
  const sub = poolSub(word.f);
  if (sub) return parsePoolSub(sub, rest);
  return invalidIntent('unknown_subcommand', 'usage.pool', { subcommand: word.o.slice(0, 50) });
}
