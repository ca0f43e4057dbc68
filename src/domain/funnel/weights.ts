// The lead score's weights, a team setting (Team.scoreSettings, JSON). Every field has a default, so
// a team that set nothing, or set only the threshold, gets the documented rule below; a stored value
// that no longer fits the schema is ignored field by field rather than breaking every score.
import { z } from 'zod';

const pts = (d: number) => z.number().int().min(0).max(100).default(d);
const minor = (d: number) => z.number().int().min(0).max(1e15).default(d);

export const weightsSchema = z.object({
  /** A lead at or above this score is handed to sales (becomes `intent`). */
  threshold: z.number().int().min(1).max(100).default(80),
  /** Points per interaction logged, up to interactionsCap. */
  perInteraction: pts(3),
  interactionsCap: pts(15),
  /** Last contact within 7 days, else within 30. */
  recent7: pts(15),
  recent30: pts(8),
  /** The deepest channel used in the last 7 days (half as much within 30): visit/meeting, call/WeChat/expo, email/other. */
  channelDeep: pts(20),
  channelDirect: pts(10),
  channelLight: pts(4),
  /** The latest mood noted: added when positive, taken away when hesitant or negative. */
  moodPositive: pts(10),
  moodHesitant: pts(5),
  moodNegative: pts(15),
  tierA: pts(15),
  tierB: pts(8),
  /** A budget given; a budget at or above bigBudgetMinor (team currency, minor units) instead. */
  budgetAny: pts(5),
  budgetBig: pts(10),
  bigBudgetMinor: minor(10_000_000),
  /** An open or approved quote not turned down; one at or above bigQuoteMinor instead. */
  quoteAny: pts(8),
  quoteBig: pts(12),
  bigQuoteMinor: minor(10_000_000),
  /** Times the share of the team's customers from the same source that became deals (needs 5 of them). */
  sourceMax: pts(10),
});

export type ScoreWeights = z.infer<typeof weightsSchema>;
export type WeightName = keyof ScoreWeights;

export const DEFAULT_WEIGHTS: ScoreWeights = weightsSchema.parse({});

/** A team's stored weights over the defaults; a field that fails its check keeps its default. */
export function weightsOf(stored: unknown): ScoreWeights {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_WEIGHTS;
  const out: Record<string, unknown> = { ...DEFAULT_WEIGHTS };
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const field = weightsSchema.shape[key as WeightName];
    if (!field) continue;
    const r = field.safeParse(value);
    if (r.success) out[key] = r.data;
  }
  return out as ScoreWeights;
}

/** The weights a team sets from chat, each 0–100 points, in the order the rule reads them (the amounts stay at their defaults). */
export const POINT_WEIGHTS = [
  'perInteraction', 'interactionsCap', 'recent7', 'recent30', 'channelDeep', 'channelDirect', 'channelLight',
  'moodPositive', 'moodHesitant', 'moodNegative', 'tierA', 'tierB', 'budgetAny', 'budgetBig', 'quoteAny', 'quoteBig', 'sourceMax',
] as const satisfies readonly WeightName[];
export type PointWeight = (typeof POINT_WEIGHTS)[number];
