// A team's settings as fields a person reads in their language: "Mon–Fri", "09:00–17:00",
// "A 7 days · B 14 days · C 30 days", "15%".
import { DEFAULT_WEIGHTS, POINT_WEIGHTS } from '../../domain/funnel/weights.ts';
import type { TeamSettings } from '../../domain/teams/settings.ts';
import { WEIGHT_WORDS } from '../grammar/weights.ts';
import { formatBps, formatMoney, label } from '../catalog/index.ts';
import { say, type Speaker } from '../dispatch/turn.ts';

/** Minutes after midnight as a 24-hour clock time: 540 → "09:00". */
export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Consecutive days as ranges: [1,2,3,4,5] → "Mon–Fri", [1,3,5] → "Mon, Wed, Fri". */
export function weekdaysText(turn: Speaker, days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    const name = (d: number) => say(turn, `label.weekday.${d}`);
    parts.push(j - i >= 2 ? `${name(days[i]!)}${say(turn, 'label.range_dash')}${name(days[j]!)}` : days.slice(i, j + 1).map(name).join(say(turn, 'label.list_separator')));
    i = j + 1;
  }
  return parts.join(say(turn, 'label.list_separator'));
}

function tiered(turn: Speaker, values: Record<'A' | 'B' | 'C', number>, unit: 'days' | 'hours'): string {
  return (['A', 'B', 'C'] as const).map((t) => say(turn, `label.tier_${unit}`, { tier: t, n: values[t] })).join(' · ');
}

/** The value of one setting as shown after a change and in the overview. */
export function settingValue(turn: Speaker, s: TeamSettings, setting: string): string {
  switch (setting) {
    case 'zone':
      return s.timeZone;
    case 'locale':
      return say(turn, `label.language.${s.locale}`);
    case 'currency':
      return s.currencySet ? s.currency : say(turn, 'label.currency_by_locale', { currency: s.currency });
    case 'workdays':
      return weekdaysText(turn, s.workdays);
    case 'workday':
      return `${hhmm(s.workdayStartMinute)}–${hhmm(s.workdayEndMinute)}`;
    case 'cadence':
      return tiered(turn, s.cadence, 'days');
    case 'poolHours':
      return tiered(turn, s.poolHours, 'hours');
    case 'claimsPerDay':
      return String(s.claimsPerDay);
    case 'discountLimit':
      return formatBps(s.discountLimitBps);
    case 'churnDays':
      return say(turn, 'label.n_days', { n: s.churnDays });
    case 'scoreThreshold':
      return String(s.scoreThreshold);
    case 'responseHours':
      return say(turn, 'label.report.hours', { n: s.responseHours });
    case 'scoreWeights': {
      const changed = POINT_WEIGHTS.filter((w) => s.weights[w] !== DEFAULT_WEIGHTS[w]).length;
      return changed ? say(turn, 'label.weights.changed', { n: changed }) : say(turn, 'label.weights.default');
    }
    case 'sourceCost': {
      const costs = Object.entries(s.sourceCosts).sort(([a], [b]) => a.localeCompare(b));
      return costs.length ? costs.map(([k, v]) => `${label(turn.locale, 'source', k)} ${formatMoney(turn.locale, BigInt(v), s.currency)}`).join(' · ') : say(turn, 'label.none');
    }
    default:
      return '';
  }
}

export const SETTING_ORDER = ['zone', 'locale', 'currency', 'workdays', 'workday', 'cadence', 'poolHours', 'claimsPerDay', 'discountLimit', 'churnDays', 'scoreThreshold', 'scoreWeights', 'responseHours', 'sourceCost'] as const;

export function settingFields(turn: Speaker, s: TeamSettings) {
  return SETTING_ORDER.map((k) => ({ label: label(turn.locale, 'setting', k), value: settingValue(turn, s, k) }));
}

/** Every weight of the lead score as a field: what it counts, the word to type, and the default where changed. */
export function weightFields(turn: Speaker, s: TeamSettings) {
  return POINT_WEIGHTS.map((w) => ({
    label: `${label(turn.locale, 'weight', w)} · \`${WEIGHT_WORDS[w][turn.locale][0]}\``,
    value: s.weights[w] === DEFAULT_WEIGHTS[w] ? String(s.weights[w]) : say(turn, 'label.weight_changed', { points: s.weights[w], default: DEFAULT_WEIGHTS[w] }),
  }));
}
