// `/crm report funnel|rfm [period]`: the period is read in the team's zone (a report is the team's), this month by default.
import { funnelReport } from '../../domain/reports/funnel.ts';
import { teamOf } from '../../domain/teams/team.ts';
import { invalid } from '../../domain/errors.ts';
import { parsePeriod, previousPeriod } from '../dates/period.ts';
import { rfmReport } from '../../domain/reports/rfm.ts';
import { rfmReportReply } from '../render/rfm-report.ts';
import { funnelReportReply } from '../render/funnel-report.ts';
import type { Dispatch } from './turn.ts';
import { dispatchMonthlyReport } from './monthly-report.ts';

export const dispatchReport: Dispatch<'report'> = async (turn, intent) => {
  if (intent.report === 'monthly') return dispatchMonthlyReport(turn, intent);
  const team = await teamOf(turn.ctx);
  const period = parsePeriod(intent.periodText ?? 'this month', { timeZone: team.timeZone, now: turn.now });
  if (!period) throw invalid('report.bad_period', { value: intent.periodText ?? '' });
  if (intent.report === 'rfm') {
    const before = previousPeriod(period, team.timeZone);
    return rfmReportReply(turn, await rfmReport(turn.ctx, period, before), period, before);
  }
  return funnelReportReply(turn, await funnelReport(turn.ctx, period), period);
};
