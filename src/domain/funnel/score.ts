// The lead score, 0–100, by a fixed rule whose weights are the team's (weights.ts). Each part says
// why: the profile shows "+20 visit in the last 7 days". Pure, so it is property-tested: bounded, and
// never lower when any positive signal grows (more contacts, more recent, deeper channel, better
// mood, higher tier, bigger budget or quote, a better-converting source).
import type { ScoreWeights } from './weights.ts';

export type Depth = 'deep' | 'direct' | 'light';
export type MoodName = 'positive' | 'neutral' | 'hesitant' | 'negative';

export interface Signals {
  interactions: number;
  /** Days since the last interaction; null when there was none. */
  daysSinceLast: number | null;
  lastMood: MoodName | null;
  /** The deepest channel used in the last 7 days, and in the last 30. */
  depth7: { depth: Depth; channel: string } | null;
  depth30: { depth: Depth; channel: string } | null;
  tier: 'A' | 'B' | 'C';
  /** The largest budget given, in the team's currency (minor units). */
  budgetMinor: bigint | null;
  /** The largest open or approved quote not turned down, in the team's currency. */
  quoteMinor: bigint | null;
  /** Share of the team's other customers from this source that became deals; null with too few. */
  sourceRate: number | null;
  source: string;
}

export interface ScorePart {
  /** What the part is about: interactions, recent, channel, mood, tier, budget, quote, source. */
  code: string;
  points: number;
  params: Record<string, string | number>;
}

export interface Score {
  score: number;
  parts: ScorePart[];
}

export const DEPTH_OF: Record<string, Depth> = { visit: 'deep', meeting: 'deep', call: 'direct', wechat: 'direct', expo: 'direct', email: 'light', other: 'light' };
const DEPTH_RANK: Record<Depth, number> = { deep: 3, direct: 2, light: 1 };

/** The deeper of two channels. */
export function deeper(a: { depth: Depth; channel: string } | null, channel: string): { depth: Depth; channel: string } {
  const depth = DEPTH_OF[channel] ?? 'light';
  return a && DEPTH_RANK[a.depth] >= DEPTH_RANK[depth] ? a : { depth, channel };
}

export function scoreLead(s: Signals, w: ScoreWeights): Score {
  const parts: ScorePart[] = [];
  const add = (code: string, points: number, params: Record<string, string | number> = {}) => {
    if (points !== 0) parts.push({ code, points, params });
  };
  add('interactions', Math.min(w.interactionsCap, Math.max(0, s.interactions) * w.perInteraction), { count: s.interactions });
  if (s.daysSinceLast !== null && s.daysSinceLast <= 7) add('recent', w.recent7, { days: 7 });
  else if (s.daysSinceLast !== null && s.daysSinceLast <= 30) add('recent', w.recent30, { days: 30 });
  // Deeper, better, higher never counts less than shallower, worse, lower, whatever a team set:
  // each step takes the larger of its own weight and the one below it.
  const direct = Math.max(w.channelDirect, w.channelLight);
  const channelPoints = (d: Depth) => (d === 'deep' ? Math.max(w.channelDeep, direct) : d === 'direct' ? direct : w.channelLight);
  // A deep contact a month ago may still be worth more than an email this week: the larger counts.
  const in7 = s.depth7 ? channelPoints(s.depth7.depth) : 0;
  const in30 = s.depth30 ? Math.floor(channelPoints(s.depth30.depth) / 2) : 0;
  if (s.depth7 && in7 >= in30) add('channel', in7, { channel: s.depth7.channel, days: 7 });
  else if (s.depth30) add('channel', in30, { channel: s.depth30.channel, days: 30 });
  if (s.lastMood === 'positive') add('mood', w.moodPositive, { mood: 'positive' });
  else if (s.lastMood === 'hesitant') add('mood', -w.moodHesitant, { mood: 'hesitant' });
  else if (s.lastMood === 'negative') add('mood', -Math.max(w.moodNegative, w.moodHesitant), { mood: 'negative' });
  add('tier', s.tier === 'A' ? Math.max(w.tierA, w.tierB) : s.tier === 'B' ? w.tierB : 0, { tier: s.tier });
  if (s.budgetMinor !== null && s.budgetMinor > 0n) add('budget', s.budgetMinor >= BigInt(w.bigBudgetMinor) ? Math.max(w.budgetBig, w.budgetAny) : w.budgetAny, { big: s.budgetMinor >= BigInt(w.bigBudgetMinor) ? 1 : 0 });
  if (s.quoteMinor !== null && s.quoteMinor > 0n) add('quote', s.quoteMinor >= BigInt(w.bigQuoteMinor) ? Math.max(w.quoteBig, w.quoteAny) : w.quoteAny, { big: s.quoteMinor >= BigInt(w.bigQuoteMinor) ? 1 : 0 });
  if (s.sourceRate !== null) add('source', Math.round(Math.min(1, Math.max(0, s.sourceRate)) * w.sourceMax), { source: s.source, percent: Math.round(s.sourceRate * 100) });
  const sum = parts.reduce((n, p) => n + p.points, 0);
  return { score: Math.min(100, Math.max(0, sum)), parts };
}
