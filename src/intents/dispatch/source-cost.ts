// `/crm team source cost expo 20000` (`/crm 团队 渠道成本 展会 2万`): the amount is read in the team's
// currency here, where the team is known; an amount in another currency is refused rather than converted.
import { teamCurrency, type TeamChange } from '../../domain/teams/settings.ts';
import { teamOf } from '../../domain/teams/team.ts';
import { invalid } from '../../domain/errors.ts';
import type { TeamChangeIntent } from '../intent.ts';
import { readPrice } from '../grammar/money.ts';
import type { Turn } from './turn.ts';

export async function teamChangeOf(turn: Turn, change: TeamChangeIntent): Promise<TeamChange> {
  if (change.setting !== 'sourceCost') return change;
  if (change.amount === null) return { setting: 'sourceCost', source: change.source, value: null };
  const currency = teamCurrency(await teamOf(turn.ctx));
  const price = readPrice(change.amount, currency);
  if (!price.ok || (price.currency && price.currency !== currency)) throw invalid('team.bad_source_cost', { value: change.amount, currency });
  return { setting: 'sourceCost', source: change.source, value: Number(price.minor) };
}
