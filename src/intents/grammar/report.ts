// `/crm report funnel [period]` (`/crm 报表 漏斗 上个月`): which report, and the period as typed. The
// words are checked here (a period nobody can read is refused before any query); the dispatcher
// reads them in the team's zone.
import { readPeriod } from '../dates/period.ts';
import { invalidIntent, type Intent } from '../intent.ts';
import { firstWord, trim, type Src } from './text.ts';
import { lookup } from './vocabulary.ts';

const REPORTS: Record<string, Extract<Intent, { kind: 'report' }>['report']> = {
  funnel: 'funnel', conversion: 'funnel', 漏斗: 'funnel', 转化: 'funnel', 销售漏斗: 'funnel', 转化率: 'funnel',
  monthly: 'monthly', month: 'monthly', review: 'monthly', 月报: 'monthly', 月度: 'monthly', 月度复盘: 'monthly', 月度报表: 'monthly',
  rfm: 'rfm', 客户价值: 'rfm', 价值分层: 'rfm', 客户分层: 'rfm',
};

export function parseReport(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return invalidIntent('missing_argument', 'usage.report', { arg: 'report' });
  const report = lookup(REPORTS, word.f);
  if (!report) return invalidIntent('unknown_subcommand', 'usage.report', { subcommand: word.o.slice(0, 50) });
  const period = trim(rest).o;
  if (!period) return { kind: 'report', report };
  if (period.length > 60 || !readPeriod(period)) return invalidIntent('bad_period', 'usage.report', { value: period.slice(0, 60) });
  return { kind: 'report', report, periodText: period };
}
