// 销售漏斗（issue 13）：报价结果、线索评分与转交、报表。中文。
import type { funnel as en } from '../en/funnel.ts';

export const funnel: Record<keyof typeof en, string> = {
  'usage.quote.outcome': '用法：`/报价 <编号> 接受`、`/报价 <编号> 议价`、`/报价 <编号> 拒绝 <原因>`',
  'invalid.outcome_reason_required': '请写明客户拒绝报价 #{id} 的原因：`/报价 {id} 拒绝 <原因>`。',
  'invalid.outcome_reason_required.bare': '请写明客户拒绝的原因。',
  'error.quote.outcome_not_approved': '报价 #{id} 当前为「{status}」，审批通过后才能登记客户答复。',
  'error.quote.outcome_not_approved.bare': '报价审批通过后才能登记客户答复。',
  'error.quote.outcome_final': '报价 #{id} 的客户答复已经定了，不能再改。',
  'error.quote.outcome_not_yours': '只有报价人或经理可以登记客户答复。',
  'error.quote.outcome_reason_required': '客户拒绝报价时需要写明原因。',
  'title.quote.outcome': '报价 #{id}（{customer}）：客户答复',
  'text.quote.outcome.accepted': '{customer} 接受了报价 #{id}（{total}）。',
  'text.quote.outcome.negotiating': '{customer} 正在就报价 #{id}（{total}）议价。',
  'text.quote.outcome.rejected': '{customer} 拒绝了报价 #{id}：{reason}。',
  'text.quote.outcome.unchanged': '报价 #{id} 已登记为「{outcome}」，无需重复登记。',
  'text.quote.outcome.now_deal': '{customer} 已从「{from}」转为成交，成交金额按这张报价计。',
  'label.quote_outcome.accepted': '接受', 'label.quote_outcome.negotiating': '议价中', 'label.quote_outcome.rejected': '拒绝',
  'label.quote_outcome_field': '客户答复',
};
