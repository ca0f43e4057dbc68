// A team's settings as a manager reads and changes them from chat: zone, language, currency,
// working days and hours, cadence, pool windows, claim cap, discount limit, churn window. Every
// change is checked here (the chat layer only reads the words), audited with before and after, and
// answered with the team's settings as they now are.
import type { Prisma, Team } from '../../generated/prisma/client.ts';
import { POINT_WEIGHTS, weightsOf, type PointWeight, type ScoreWeights } from '../funnel/weights.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { assertRole } from '../permissions.ts';
import { assertTimeZone } from '../time/zone.ts';

export type Tiered = Partial<Record<'A' | 'B' | 'C', number>>;

export type TeamChange =
  | { setting: 'zone'; value: string }
  | { setting: 'locale'; value: string }
  /** null: by language (CNY for zh-CN teams, USD otherwise). */
  | { setting: 'currency'; value: string | null }
  | { setting: 'workdays'; value: number[] }
  /** Minutes after local midnight. */
  | { setting: 'workday'; value: { start: number; end: number } }
  | { setting: 'cadence'; value: Tiered }
  | { setting: 'poolHours'; value: Tiered }
  | { setting: 'claimsPerDay'; value: number }
  | { setting: 'discountLimit'; value: number }
  | { setting: 'churnDays'; value: number }
  /** The lead score at which a lead is handed to sales (issue 13). */
  | { setting: 'scoreThreshold'; value: number }
  /** Some of the lead score's point weights (the rest keep what they were). */
  | { setting: 'scoreWeights'; value: Partial<Record<PointWeight, number>> }
  /** Hours within which a new lead should be contacted (the response rate). */
  | { setting: 'responseHours'; value: number }
  /** What a customer source costs the team, in minor units of the team's currency; null clears it (the monthly review's ROI). */
  | { setting: 'sourceCost'; source: string; value: number | null };

export type TeamSettingName = TeamChange['setting'];

export interface TeamSettings {
  id: number;
  name: string;
  timeZone: string;
  locale: 'en' | 'zh-CN';
  currency: string;
  /** False when the currency follows the language. */
  currencySet: boolean;
  workdays: number[];
  workdayStartMinute: number;
  workdayEndMinute: number;
  cadence: Record<'A' | 'B' | 'C', number>;
  poolHours: Record<'A' | 'B' | 'C', number>;
  claimsPerDay: number;
  discountLimitBps: number;
  churnDays: number;
  scoreThreshold: number;
  /** Every weight of the lead score, the team's where set, the defaults otherwise. */
  weights: ScoreWeights;
  responseHours: number;
  /** Source → cost in minor units of `currency`. */
  sourceCosts: Record<string, number>;
}

/** The allowed ranges, also named in the refusals. */
export const LIMITS = {
  cadence: { min: 1, max: 365 },
  poolHours: { min: 1, max: 720 },
  claimsPerDay: { min: 1, max: 1000 },
  discountLimit: { min: 0, max: 10_000 },
  churnDays: { min: 7, max: 3650 },
  scoreThreshold: { min: 1, max: 100 },
  scoreWeights: { min: 0, max: 100 },
  responseHours: { min: 1, max: 720 },
  sourceCost: { min: 0, max: 1e15 },
} as const;

export const LOCALES = ['en', 'zh-CN'] as const;

/** The currency a team's quotes default to. */
export function teamCurrency(team: Pick<Team, 'currency' | 'locale'>): string {
  return team.currency ?? (team.locale === 'zh-CN' ? 'CNY' : 'USD');
}

export function settingsOf(team: Team): TeamSettings {
  return {
    id: team.id,
    name: team.name,
    timeZone: team.timeZone,
    locale: team.locale === 'zh-CN' ? 'zh-CN' : 'en',
    currency: teamCurrency(team),
    currencySet: team.currency !== null,
    workdays: [...team.workdays].sort((a, b) => a - b),
    workdayStartMinute: team.workdayStartMinute,
    workdayEndMinute: team.workdayEndMinute,
    cadence: { A: team.cadenceDaysA, B: team.cadenceDaysB, C: team.cadenceDaysC },
    poolHours: { A: team.poolHoursA, B: team.poolHoursB, C: team.poolHoursC },
    claimsPerDay: team.claimsPerDay,
    discountLimitBps: team.managerMaxDiscountBps,
    churnDays: team.churnRiskDays,
    scoreThreshold: weightsOf(team.scoreSettings).threshold,
    weights: weightsOf(team.scoreSettings),
    responseHours: team.responseHours,
    sourceCosts: sourceCostsOf(team.sourceCosts),
  };
}

/** The stored costs, keeping only whole non-negative amounts (the column is JSON). */
export function sourceCostsOf(stored: unknown): Record<string, number> {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => Number.isSafeInteger(v) && (v as number) >= 0)) as Record<string, number>;
}

export async function teamSettings(ctx: DomainContext): Promise<TeamSettings> {
  const team = await ctx.prisma.team.findUnique({ where: { id: ctx.actor.teamId } });
  if (!team) throw notFound('team.not_found', { id: ctx.actor.teamId });
  return settingsOf(team);
}

const inRange = (n: number, r: { min: number; max: number }) => Number.isInteger(n) && n >= r.min && n <= r.max;

function currencies(): Set<string> {
  const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return new Set(supported ? supported('currency') : ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD']);
}

// One refusal per setting, each naming what is allowed (the catalog's error.team.bad_*).
const BAD: Record<TeamSettingName, string> = {
  zone: 'team.bad_zone',
  locale: 'team.bad_locale',
  currency: 'team.bad_currency',
  workdays: 'team.bad_workdays',
  workday: 'team.bad_workday',
  cadence: 'team.bad_cadence',
  poolHours: 'team.bad_pool_hours',
  claimsPerDay: 'team.bad_claims_per_day',
  discountLimit: 'team.bad_discount_limit',
  churnDays: 'team.bad_churn_days',
  scoreThreshold: 'team.bad_score_threshold',
  scoreWeights: 'team.bad_score_weight',
  responseHours: 'team.bad_response_hours',
  sourceCost: 'team.bad_source_cost',
};

/** The columns a change writes, after checking it; a bad value is refused naming what is allowed. */
function columnsFor(change: TeamChange, before: Team): Prisma.TeamUncheckedUpdateInput {
  const bad = (details: Record<string, unknown>) => invalid(BAD[change.setting], details);
  switch (change.setting) {
    case 'zone':
      try {
        assertTimeZone(change.value);
      } catch {
        throw bad({ value: change.value });
      }
      return { timeZone: change.value };
    case 'locale':
      if (!(LOCALES as readonly string[]).includes(change.value)) throw bad({ value: change.value });
      return { locale: change.value };
    case 'currency':
      if (change.value !== null && !(/^[A-Z]{3}$/.test(change.value) && currencies().has(change.value))) throw bad({ value: change.value });
      return { currency: change.value };
    case 'workdays': {
      const days = [...new Set(change.value)].sort((a, b) => a - b);
      if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw bad({ value: change.value.join(',') });
      return { workdays: days };
    }
    case 'workday': {
      const { start, end } = change.value;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end) throw bad({ value: `${start}-${end}` });
      return { workdayStartMinute: start, workdayEndMinute: end };
    }
    case 'cadence':
    case 'poolHours': {
      const entries = Object.entries(change.value) as Array<['A' | 'B' | 'C', number]>;
      const r = LIMITS[change.setting];
      const wrong = entries.find(([, n]) => !inRange(n, r));
      if (!entries.length || wrong) throw bad({ value: wrong ? `${wrong[0]}:${wrong[1]}` : '', ...r });
      const prefix = change.setting === 'cadence' ? 'cadenceDays' : 'poolHours';
      return Object.fromEntries(entries.map(([tier, n]) => [`${prefix}${tier}`, n]));
    }
    case 'claimsPerDay':
      if (!inRange(change.value, LIMITS.claimsPerDay)) throw bad({ value: change.value, ...LIMITS.claimsPerDay });
      return { claimsPerDay: change.value };
    case 'discountLimit':
      if (!inRange(change.value, LIMITS.discountLimit)) throw bad({ value: change.value / 100, ...LIMITS.discountLimit });
      return { managerMaxDiscountBps: change.value };
    case 'churnDays':
      if (!inRange(change.value, LIMITS.churnDays)) throw bad({ value: change.value, ...LIMITS.churnDays });
      return { churnRiskDays: change.value };
    case 'responseHours':
      if (!inRange(change.value, LIMITS.responseHours)) throw bad({ value: change.value, ...LIMITS.responseHours });
      return { responseHours: change.value };
    case 'sourceCost': {
      if (!before.customerSources.includes(change.source)) throw invalid('customer.source_not_offered', { source: change.source, sources: before.customerSources.join(', ') });
      if (change.value !== null && !inRange(change.value, LIMITS.sourceCost)) throw bad({ value: change.value });
      const costs = sourceCostsOf(before.sourceCosts);
      if (change.value === null) delete costs[change.source];
      else costs[change.source] = change.value;
      return { sourceCosts: costs };
    }
    case 'scoreThreshold':
      if (!inRange(change.value, LIMITS.scoreThreshold)) throw bad({ value: change.value, ...LIMITS.scoreThreshold });
      return { scoreSettings: { ...storedScoreSettings(before), threshold: change.value } };
    case 'scoreWeights': {
      const entries = Object.entries(change.value) as Array<[PointWeight, number]>;
      const wrong = entries.find(([name, n]) => !(POINT_WEIGHTS as readonly string[]).includes(name) || !inRange(n, LIMITS.scoreWeights));
      if (!entries.length || wrong) throw bad({ value: wrong ? wrong[1] : '', ...LIMITS.scoreWeights });
      return { scoreSettings: { ...storedScoreSettings(before), ...change.value } };
    }
  }
}

function storedScoreSettings(team: Team): Prisma.JsonObject {
  const s = team.scoreSettings;
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Prisma.JsonObject) : {};
}

/** Managers and admins change their own team's settings; reps are refused. */
export async function changeTeamSetting(ctx: DomainContext, change: TeamChange): Promise<TeamSettings> {
  assertRole(ctx.actor, 'manager', 'team');
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.team.findUnique({ where: { id: ctx.actor.teamId } });
    if (!before) throw notFound('team.not_found', { id: ctx.actor.teamId });
    const columns = columnsFor(change, before);
    // Stored scores were computed with the old rule: the hourly rescoring sweep redoes those scored before now.
    const rescoreFrom = 'scoreSettings' in columns ? { scoreSettingsAt: ctx.clock.now() } : {};
    const after = await tx.team.update({ where: { id: before.id }, data: { ...columns, ...rescoreFrom, updatedAt: ctx.clock.now() } });
    const pick = (t: Team) => Object.fromEntries(Object.keys(columns).map((k) => [k, t[k as keyof Team]]));
    await audit(tx, ctx, { entity: 'team', entityId: before.id, action: `setting.${change.setting}`, before: pick(before), after: pick(after) });
    return settingsOf(after);
  });
}
