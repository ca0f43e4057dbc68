// `/crm report funnel [period]`: the period is read in the team's zone (a report is the team's), this month by default.
import { funnelReport } from '../../domain/reports/funnel.ts';
import { teamOf } from '../../domain/teams/team.ts';
import { invalid } from '../../domain/errors.ts';
import { parsePeriod } from '../dates/period.ts';
import { funnelReportReply } from '../render/funnel-report.ts';
import type { Dispatch } from './turn.ts';
import { dispatchMonthlyReport } from './monthly-report.ts';

export const dispatchReport: Dispatch<'report'> = async (turn, intent) => {
  if (intent.report === 'monthly') return dispatchMonthlyReport(turn, intent);
  const team = await teamOf(turn.ctx);
  const period = parsePeriod(intent.periodText ?? 'this month', { timeZone: team.timeZone, now: turn.now });
  if (!period) throw invalid('report.bad_period', { value: intent.periodText ?? '' });
  return funnelReportReply(turn, await funnelReport(turn.ctx, period), period);
};
