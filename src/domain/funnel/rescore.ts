// Recomputes one customer's lead score inside the transaction of the change that moved it (an
// interaction logged or undone, tier/budget/source edited, a quote submitted, decided or answered),
// and hands a lead to sales when it reaches the team's threshold: status `intent`, a LeadHandoff row
// with its deadline (the team's pool window for the tier), an audit row, and an event for the notice.
import { sqlOf } from '../db/driver.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { windowHours } from '../pool/window.ts';
import { notFound } from '../errors.ts';
import { noteHandoff } from './effects.ts';
import { deeper, scoreLead, type Depth, type MoodName, type Score, type Signals } from './score.ts';
import { weightsOf, type ScoreWeights } from './weights.ts';

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;
/** Fewer customers than this from a source say nothing about how it converts. */
export const MIN_SOURCE_SAMPLE = 5;

export interface Scored extends Score {
  weights: ScoreWeights;
}

export interface SignalRow {
  id: number;
  status: string;
  ownerId: number | null;
  teamId: number;
  tier: 'A' | 'B' | 'C';
  code: string;
  name: string;
  score: number;
  source: string;
  budgetCurrency: string | null;
  budgetMinMinor: bigint | null;
  budgetMaxMinor: bigint | null;
  scoreSettings: unknown;
  currency: string;
  poolHoursA: number;
  poolHoursB: number;
  poolHoursC: number;
  interactions: bigint;
  last: Date | null;
  mood: string | null;
  moodAt: Date | null;
  /** Each channel used in the last 30 days, then each used in the last 7 (`week`), in order of first use (time, then id). */
  recent: Array<{ channel: string; week: boolean }> | string;
  quote: bigint | null;
  sourceAll: bigint;
  sourceDeals: bigint;
}

export type ScoredCustomer = Scored & {
  customer: { id: number; status: string; ownerId: number | null; teamId: number; tier: string; code: string; name: string; score: number };
  team: { poolHoursA: number; poolHoursB: number; poolHoursC: number };
};

/** An interaction about to be written, counted as if it were there (logInteraction scores before its insert). */
export interface Pending {
  channel: string;
  occurredAt: Date;
  mood: string | null;
}

/**
 * One customer's signals as they stand now, read in one statement: the score runs inside every
 * /log, claim and quote decision, so its reads must not multiply their round trips. Undefined when
 * there is no such customer.
 */
export async function signalsOf(tx: Tx, customerId: number, now: Date): Promise<SignalRow | undefined> {
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since7 = new Date(now.getTime() - 7 * DAY);
  const [r] = await sqlOf(tx).rows<SignalRow>(Prisma.sql`
    WITH c AS (
      SELECT c.*, t."scoreSettings", t."poolHoursA", t."poolHoursB", t."poolHoursC",
             coalesce(t.currency, CASE WHEN t.locale = 'zh-CN' THEN 'CNY' ELSE 'USD' END) AS team_currency
      FROM "Customer" c JOIN "Team" t ON t.id = c."teamId" WHERE c.id = ${customerId})
    SELECT c.id, c.status::text AS status, c."ownerId", c."teamId", c.tier::text AS tier, c.code, c.name, c.score,
           c.source::text AS source, c."budgetCurrency", c."budgetMinMinor", c."budgetMaxMinor", c."scoreSettings",
           c.team_currency AS currency, c."poolHoursA", c."poolHoursB", c."poolHoursC",
           (SELECT count(*) FROM "Interaction" i WHERE i."customerId" = c.id) AS interactions,
           (SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = c.id) AS last,
           m.mood, m."moodAt",
           (SELECT coalesce(json_agg(json_build_object('channel', f.channel, 'week', f.week) ORDER BY f.week, f.at, f.id), '[]'::json)
              FROM ((SELECT DISTINCT ON (i.channel) i.channel::text AS channel, i."occurredAt" AS at, i.id, false AS week FROM "Interaction" i
                     WHERE i."customerId" = c.id AND i."occurredAt" >= ${since30} ORDER BY i.channel, i."occurredAt", i.id)
                    UNION ALL
                    (SELECT DISTINCT ON (i.channel) i.channel::text AS channel, i."occurredAt" AS at, i.id, true AS week FROM "Interaction" i
                     WHERE i."customerId" = c.id AND i."occurredAt" >= ${since7} ORDER BY i.channel, i."occurredAt", i.id)) f) AS recent,
           (SELECT max(q."totalMinor") FROM "Quote" q WHERE q."customerId" = c.id AND q.currency = c.team_currency
              AND q.status IN ('pending', 'approved') AND (q.outcome IS NULL OR q.outcome <> 'rejected')) AS quote,
           (SELECT count(*) FROM "Customer" o WHERE o."teamId" = c."teamId" AND o.source = c.source AND o.id <> c.id) AS "sourceAll",
           (SELECT count(*) FROM "Customer" o WHERE o."teamId" = c."teamId" AND o.source = c.source AND o.id <> c.id AND o.status = 'deal') AS "sourceDeals"
    FROM c LEFT JOIN LATERAL (SELECT i.mood::text AS mood, i."occurredAt" AS "moodAt" FROM "Interaction" i
                              WHERE i."customerId" = c.id AND i.mood IS NOT NULL ORDER BY i."occurredAt" DESC, i.id DESC LIMIT 1) m ON true`);
  return r;
}

/**
 * The score from signals read by signalsOf; with `pending`, as it will stand once that interaction
 * is written (the newest id, so it is the latest mood when no mood is later), exactly what reading
 * the signals again after the insert would give.
 */
export function scoreFrom(r: SignalRow, now: Date, pending?: Pending): ScoredCustomer {
  const weights = weightsOf(r.scoreSettings as Prisma.JsonValue);
  // One entry per channel (a customer with a thousand calls this month costs one), not one per interaction.
  const recent = (typeof r.recent === 'string' ? JSON.parse(r.recent) : r.recent) as Array<{ channel: string; week: boolean }>;
  let last = r.last ? new Date(r.last) : null;
  let interactions = Number(r.interactions);
  let mood = r.mood ?? null;
  if (pending) {
    interactions++;
    if (!last || pending.occurredAt > last) last = pending.occurredAt;
    if (pending.mood && (!r.moodAt || pending.occurredAt >= new Date(r.moodAt))) mood = pending.mood;
  }
  // The deepest channel; among equally deep ones the first used in the window, the pending one last.
  const pendingIn = (days: number) => (pending && pending.occurredAt.getTime() >= now.getTime() - days * DAY ? [pending.channel] : []);
  const in30 = [...recent.filter((i) => !i.week).map((i) => i.channel), ...pendingIn(30)];
  const in7 = [...recent.filter((i) => i.week).map((i) => i.channel), ...pendingIn(7)];
  let depth7: { depth: Depth; channel: string } | null = null;
  let depth30: { depth: Depth; channel: string } | null = null;
  for (const channel of in30) depth30 = deeper(depth30, channel);
  for (const channel of in7) depth7 = deeper(depth7, channel);
  const budget = r.budgetCurrency === null || r.budgetCurrency === r.currency ? (r.budgetMaxMinor ?? r.budgetMinMinor) : null;
  const all = Number(r.sourceAll);
  const signals: Signals = {
    interactions,
    daysSinceLast: last ? Math.max(0, (now.getTime() - last.getTime()) / DAY) : null,
    lastMood: mood as MoodName | null,
    depth7,
    depth30,
    tier: r.tier,
    budgetMinor: budget === null ? null : BigInt(budget),
    quoteMinor: r.quote === null ? null : BigInt(r.quote),
    sourceRate: all >= MIN_SOURCE_SAMPLE ? Number(r.sourceDeals) / all : null,
    source: r.source,
  };
  const customer = { id: r.id, status: r.status, ownerId: r.ownerId, teamId: r.teamId, tier: r.tier, code: r.code, name: r.name, score: r.score };
  return { ...scoreLead(signals, weights), weights, customer, team: { poolHoursA: r.poolHoursA, poolHoursB: r.poolHoursB, poolHoursC: r.poolHoursC } };
}

/** The signals and score of one customer as they stand now. */
export async function scoreOf(tx: Tx, customerId: number, now: Date): Promise<ScoredCustomer> {
  const r = await signalsOf(tx, customerId, now);
  if (!r) throw notFound('customer.not_found', { id: customerId });
  return scoreFrom(r, now);
}

/** Stores the score and, for a lead at or above the threshold, hands it to sales. Call inside the change's transaction. */
export async function rescore(tx: Tx, ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>, customerId: number): Promise<{ score: number; handoffId?: number }> {
  const now = ctx.clock.now();
  const s = await scoreOf(tx, customerId, now);
  if (s.score !== s.customer.score) await tx.customer.update({ where: { id: s.customer.id }, data: { score: s.score, scoredAt: now } });
  return handOffIfDue(tx, ctx, s, now);
}

/** A lead whose stored score reached the team's threshold goes to sales: status `intent`, the hand-off row, its audit row and notice. */
export async function handOffIfDue(tx: Tx, ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>, s: ScoredCustomer, now: Date): Promise<{ score: number; handoffId?: number }> {
  const c = s.customer;
  if (c.status !== 'lead' || s.score < s.weights.threshold) return { score: s.score };

  // Only the transaction that moves the lead hands it off; a concurrent change finds it moved.
  const moved = await tx.customer.updateMany({ where: { id: c.id, status: 'lead' }, data: { status: 'intent' } });
  if (!moved.count) return { score: s.score };
  const deadline = new Date(now.getTime() + windowHours(s.team, c.tier) * 3_600_000);
  const handoff = await tx.leadHandoff.create({ data: { customerId: c.id, teamId: c.teamId, ownerId: c.ownerId, score: s.score, offeredAt: now, deadline } });
  await audit(tx, ctx, { entity: 'customer', entityId: c.id, action: 'status', before: { status: 'lead' }, after: { status: 'intent', score: s.score, threshold: s.weights.threshold, handoffId: handoff.id } });
  noteHandoff({ handoffId: handoff.id, customer: { id: c.id, code: c.code, name: c.name, tier: c.tier }, teamId: c.teamId, ownerId: c.ownerId, score: s.score, threshold: s.weights.threshold, deadline });
  return { score: s.score, handoffId: handoff.id };
}
