// `/crm report monthly [period]` (`/crm 报表 月报 [时间段]`): last month by default, read in the team's
// zone. A rep gets their own review, a manager or admin the team's.
import { monthlyReport } from '../../domain/reports/monthly.ts';
import { teamOf } from '../../domain/teams/team.ts';
import { invalid } from '../../domain/errors.ts';
import { parsePeriod } from '../dates/period.ts';
import { monthlyReply } from '../render/monthly.ts';
import type { Dispatch } from './turn.ts';

export const dispatchMonthlyReport: Dispatch<'report'> = async (turn, intent) => {
  const team = await teamOf(turn.ctx);
  const period = parsePeriod(intent.periodText ?? 'last month', { timeZone: team.timeZone, now: turn.now });
  if (!period) throw invalid('report.bad_period', { value: intent.periodText ?? '' });
  return monthlyReply(turn, await monthlyReport(turn.ctx, period), period);
};
