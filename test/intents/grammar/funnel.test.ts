// The funnel's commands as people type them (issue 13), English and Chinese.
import { expect, it } from 'vitest';
import { parseCommand } from '../../../src/intents/grammar/index.ts';
import type { Intent } from '../../../src/intents/intent.ts';

const ctx = { locale: 'en' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T10:00:00Z') };

const cases: Array<[string, Intent]> = [
  ['/quote 7 accepted', { kind: 'quote.outcome', id: 7, outcome: 'accepted' }],
  ['/quote #7 negotiating wants 5% off', { kind: 'quote.outcome', id: 7, outcome: 'negotiating', reason: 'wants 5% off' }],
  ['/quote 7 rejected because: price too high', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: 'price too high' }],
  ['/quote 7 lost went with a competitor', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: 'went with a competitor' }],
  ['/报价 7 接受', { kind: 'quote.outcome', id: 7, outcome: 'accepted' }],
  ['/报价 ７ 议价', { kind: 'quote.outcome', id: 7, outcome: 'negotiating' }],
  ['/报价 7 议价中 要求再降5%', { kind: 'quote.outcome', id: 7, outcome: 'negotiating', reason: '要求再降5%' }],
  ['/报价 7 拒绝 价格太高', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: '价格太高' }],
  ['/报价 7 拒绝，原因：预算砍了', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: '预算砍了' }],
  ['/报价 7 不接受 太贵', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: '太贵' }],
  ['/报价 7 拒绝价格太高', { kind: 'quote.outcome', id: 7, outcome: 'rejected', reason: '价格太高' }],
  ['/quote 7 rejected', { kind: 'invalid', code: 'outcome_reason_required', usage: 'usage.quote.outcome', details: { id: 7 } }],
  ['/报价 7 拒绝', { kind: 'invalid', code: 'outcome_reason_required', usage: 'usage.quote.outcome', details: { id: 7 } }],
  ['/quote 7 acceptedly', { kind: 'invalid', code: 'unknown_subcommand', usage: 'usage.quote', details: { subcommand: 'acceptedly' } }],
  // The decision words keep their meaning before an id.
  ['/quote reject 7 too deep a discount', { kind: 'quote.reject', id: 7, reason: 'too deep a discount' }],
  ['/quote 7', { kind: 'quote.show', id: 7 }],
  // The lead score and the reports.
  ['/customers hot', { kind: 'customers.hot' }],
  ['/客户 热门', { kind: 'customers.hot' }],
  ['/客户 列表 热门', { kind: 'customers.hot' }],
  ['/crm team threshold 70', { kind: 'team.set', change: { setting: 'scoreThreshold', value: 70 } }],
  ['/crm 团队 评分阈值 75分', { kind: 'team.set', change: { setting: 'scoreThreshold', value: 75 } }],
  ['/crm team response hours 12', { kind: 'team.set', change: { setting: 'responseHours', value: 12 } }],
  ['/crm 团队 响应时限 8小时', { kind: 'team.set', change: { setting: 'responseHours', value: 8 } }],
  // The score's weights: shown with no value, changed as word:points (Chinese colons too), longest word first.
  ['/crm team weights', { kind: 'team.weights' }],
  ['/crm 团队 评分权重', { kind: 'team.weights' }],
  ['/crm team weights visit:25 email:2', { kind: 'team.set', change: { setting: 'scoreWeights', value: { channelDeep: 25, channelLight: 2 } } }],
  ['/crm team score weights big-budget:20, budget:0 Tier-A:18', { kind: 'team.set', change: { setting: 'scoreWeights', value: { budgetBig: 20, budgetAny: 0, tierA: 18 } } }],
  ['/crm 团队 评分权重 拜访：30 微信:12分 A级:20', { kind: 'team.set', change: { setting: 'scoreWeights', value: { channelDeep: 30, channelDirect: 12, tierA: 20 } } }],
  ['/crm 团队 权重 大额报价:15、报价:5', { kind: 'team.set', change: { setting: 'scoreWeights', value: { quoteBig: 15, quoteAny: 5 } } }],
  ['/crm team weights visit:101', { kind: 'invalid', code: 'bad_value', usage: 'usage.team', details: { field: 'setting_scoreWeights', value: 'visit:101' } }],
  ['/crm team weights fly:3', { kind: 'invalid', code: 'bad_value', usage: 'usage.team', details: { field: 'setting_scoreWeights', value: 'fly:3' } }],
  ['/crm team weights visit:25 lots', { kind: 'invalid', code: 'bad_value', usage: 'usage.team', details: { field: 'setting_scoreWeights', value: 'visit:25 lots' } }],
  ['/crm report funnel', { kind: 'report', report: 'funnel' }],
  ['/crm report funnel Q3', { kind: 'report', report: 'funnel', periodText: 'Q3' }],
  ['/crm 报表 漏斗 上个月', { kind: 'report', report: 'funnel', periodText: '上个月' }],
  ['/crm 报告 转化 2026年10月', { kind: 'report', report: 'funnel', periodText: '2026年10月' }],
  ['/crm report rfm', { kind: 'report', report: 'rfm' }],
  ['/crm report RFM last quarter', { kind: 'report', report: 'rfm', periodText: 'last quarter' }],
  ['/crm 报表 RFM 上个月', { kind: 'report', report: 'rfm', periodText: '上个月' }],
  ['/crm 报表 客户价值 三季度', { kind: 'report', report: 'rfm', periodText: '三季度' }],
  ['/crm report funnel someday', { kind: 'invalid', code: 'bad_period', usage: 'usage.report', details: { value: 'someday' } }],
  ['/crm report pipeline', { kind: 'invalid', code: 'unknown_subcommand', usage: 'usage.report', details: { subcommand: 'pipeline' } }],
];

it.each(cases)('%s', (text, intent) => {
  expect(parseCommand(text, ctx)).toEqual(intent);
});
