// The monthly review's commands as people type them (issue 13), English and Chinese: the report and
// the source-cost team setting its ROI reads.
import { expect, it } from 'vitest';
import { parseCommand } from '../../../src/intents/grammar/index.ts';
import type { Intent } from '../../../src/intents/intent.ts';

const ctx = { locale: 'en' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T10:00:00Z') };

const cases: Array<[string, Intent]> = [
  ['/crm report monthly', { kind: 'report', report: 'monthly' }],
  ['/crm report monthly 2026-10', { kind: 'report', report: 'monthly', periodText: '2026-10' }],
  ['/crm 报表 月报', { kind: 'report', report: 'monthly' }],
  ['/crm 报表 月报 上个月', { kind: 'report', report: 'monthly', periodText: '上个月' }],
  ['/crm 报告 月度复盘 2026年10月', { kind: 'report', report: 'monthly', periodText: '2026年10月' }],
  ['/crm report monthly someday', { kind: 'invalid', code: 'bad_period', usage: 'usage.report', details: { value: 'someday' } }],
  ['/crm team source cost expo 20000', { kind: 'team.set', change: { setting: 'sourceCost', source: 'expo', amount: '20000' } }],
  ['/crm team source cost trade show $1.5k', { kind: 'team.set', change: { setting: 'sourceCost', source: 'expo', amount: '$1.5k' } }],
  ['/crm team source cost website none', { kind: 'team.set', change: { setting: 'sourceCost', source: 'website', amount: null } }],
  ['/crm 团队 渠道成本 展会 2万', { kind: 'team.set', change: { setting: 'sourceCost', source: 'expo', amount: '2万' } }],
  ['/crm 团队 获客成本 广告 默认', { kind: 'team.set', change: { setting: 'sourceCost', source: 'advertising', amount: null } }],
  ['/crm team source cost expo lots', { kind: 'invalid', code: 'bad_value', usage: 'usage.team', details: { field: 'setting_sourceCost', value: 'expo lots' } }],
  ['/crm team source cost billboard 500', { kind: 'invalid', code: 'bad_value', usage: 'usage.team', details: { field: 'setting_sourceCost', value: 'billboard 500' } }],
];

it.each(cases)('%s', (text, intent) => {
  expect(parseCommand(text, ctx)).toEqual(intent);
});
