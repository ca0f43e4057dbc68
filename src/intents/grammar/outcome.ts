// The customer's answer to an approved quote (issue 13): `/quote 7 accepted`, `/quote 7 negotiating`,
// `/quote 7 rejected price too high`; `/报价 7 接受`, `/报价 7 议价`, `/报价 7 拒绝 价格太高`.
// A rejection without its reason is refused here, before anything is looked up.
import { invalidIntent, type Intent, type QuoteOutcomeName } from '../intent.ts';
import { alternation, trim, type Src } from './text.ts';

export const OUTCOME_WORDS: Record<string, QuoteOutcomeName> = {
  accepted: 'accepted', accept: 'accepted', accepts: 'accepted', won: 'accepted', win: 'accepted', signed: 'accepted',
  接受: 'accepted', 已接受: 'accepted', 成交: 'accepted', 签约: 'accepted', 赢单: 'accepted', 同意: 'accepted',
  negotiating: 'negotiating', negotiate: 'negotiating', negotiation: 'negotiating', countered: 'negotiating', 'counter-offer': 'negotiating',
  议价: 'negotiating', 议价中: 'negotiating', 谈判中: 'negotiating', 还价: 'negotiating', 商议中: 'negotiating',
  rejected: 'rejected', reject: 'rejected', declined: 'rejected', lost: 'rejected',
  拒绝: 'rejected', 已拒绝: 'rejected', 不接受: 'rejected', 丢单: 'rejected', 输单: 'rejected',
};

// Longest first, so 不接受 is not read as 接受 and 议价中 not as 议价 plus "中".
const OUTCOME_RE = new RegExp(`^(${alternation(Object.keys(OUTCOME_WORDS))})(?=$|[\\s:：,，。;；]|(?<=[\\u4e00-\\u9fff])[\\u4e00-\\u9fff])`, 'i');

/** The outcome after a bare quote id, or undefined when the words are not an outcome. */
export function parseOutcome(id: number, rest: Src): Intent | undefined {
  const text = trim(rest);
  const m = OUTCOME_RE.exec(text.f);
  if (!m) return undefined;
  const outcome = OUTCOME_WORDS[m[1]!.toLowerCase()]!;
  const reason = text.o
    .slice(m[0].length)
    .replace(/^[\s:：,，。;；]+/, '')
    .replace(/^(?:because|reason|原因是?|因为)\s*[:：]?\s*/i, '')
    .trim();
  if (outcome === 'rejected' && !reason) return invalidIntent('outcome_reason_required', 'usage.quote.outcome', { id });
  if (reason.length > 500) return invalidIntent('too_long', 'usage.quote.outcome', { max: 500 });
  return { kind: 'quote.outcome', id, outcome, ...(reason ? { reason } : {}) };
}
