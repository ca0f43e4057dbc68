// `/complaint resolve <id> <how>` (`/投诉 解决 3 已补发货`), and `/complaints` (`/投诉 列表`) for the open ones.
import { invalidIntent, type Intent } from '../intent.ts';
import { isInvalid, takeId } from './ids.ts';
import { firstWord, trim, type Src } from './text.ts';

const RESOLVE = /^(resolve|resolved|close|done|解决|已解决|处理|已处理|关闭)$/i;
const LIST = /^(list|open|列表|未解决|待处理)$/i;

export function parseComplaint(rest: Src): Intent {
  const { word, rest: after } = firstWord(rest);
  if (!word.f || LIST.test(word.f)) return after.f && LIST.test(word.f) ? invalidIntent('unknown_subcommand', 'usage.complaint', { subcommand: after.o.slice(0, 50) }) : { kind: 'complaints.list' };
  if (!RESOLVE.test(word.f)) return invalidIntent('unknown_subcommand', 'usage.complaint', { subcommand: word.o.slice(0, 50) });
  const got = takeId(after, 'usage.complaint');
  if (isInvalid(got)) return got;
  const how = trim(got.rest).o.replace(/^[\s:：,，]+/u, '').trim();
  if (!how) return invalidIntent('missing_argument', 'usage.complaint', { arg: 'how' });
  if (how.length > 1000) return invalidIntent('too_long', 'usage.complaint', { max: 1000 });
  return { kind: 'complaint.resolve', id: got.id, how };
}
