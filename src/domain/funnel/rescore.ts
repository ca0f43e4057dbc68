// Recomputes one customer's lead score inside the transaction of the change that moved it (an
// interaction logged or undone, tier/budget/source edited, a quote submitted, decided or answered),
// and hands a lead to sales when it reaches the team's threshold: status `intent`, a LeadHandoff row
// with its deadline (the team's pool window for the tier), an audit row, and an event for the notice.
import type { Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { windowHours } from '../pool/window.ts';
import { teamCurrency } from '../teams/settings.ts';
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

/** The signals and score of one customer as they stand now. */
export async function scoreOf(tx: Tx, customerId: number, now: Date): Promise<Scored & { customer: { id: number; status: string; ownerId: number | null; teamId: number; tier: string; code: string; name: string; score: number } }> {
  const c = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: { team: true } });
  const weights = weightsOf(c.team.scoreSettings);
  const currency = teamCurrency(c.team);
  // One after another: a transaction runs one statement at a time anyway.
  const count = await tx.interaction.count({ where: { customerId } });
  const last = await tx.interaction.findFirst({ where: { customerId }, orderBy: { occurredAt: 'desc' }, select: { occurredAt: true } });
  const moodRow = await tx.interaction.findFirst({ where: { customerId, mood: { not: null } }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], select: { mood: true } });
  const recent = await tx.interaction.findMany({ where: { customerId, occurredAt: { gte: new Date(now.getTime() - 30 * DAY) } }, select: { channel: true, occurredAt: true } });
  const quote = await tx.quote.aggregate({ where: { customerId, currency, status: { in: ['pending', 'approved'] }, OR: [{ outcome: null }, { outcome: { not: 'rejected' } }] }, _max: { totalMinor: true } });
  const source = await sourceRate(tx, c.teamId, c.source, customerId);
  let depth7: { depth: Depth; channel: string } | null = null;
  let depth30: { depth: Depth; channel: string } | null = null;
  for (const i of recent) {
    depth30 = deeper(depth30, i.channel);
    if (i.occurredAt.getTime() >= now.getTime() - 7 * DAY) depth7 = deeper(depth7, i.channel);
  }
  const budget = c.budgetCurrency === null || c.budgetCurrency === currency ? (c.budgetMaxMinor ?? c.budgetMinMinor) : null;
  const signals: Signals = {
    interactions: count,
    daysSinceLast: last ? Math.max(0, (now.getTime() - last.occurredAt.getTime()) / DAY) : null,
    lastMood: (moodRow?.mood ?? null) as MoodName | null,
    depth7,
    depth30,
    tier: c.tier,
    budgetMinor: budget,
    quoteMinor: quote._max.totalMinor,
    sourceRate: source,
    source: c.source,
  };
  const { team: _team, ...customer } = c;
  return { ...scoreLead(signals, weights), weights, customer };
}

/** How often the team's other customers from this source became deals, or null with too few of them. */
async function sourceRate(tx: Tx, teamId: number, source: Prisma.CustomerWhereInput['source'], customerId: number): Promise<number | null> {
  const where = { teamId, source, id: { not: customerId } };
  const all = await tx.customer.count({ where });
  const deals = all >= MIN_SOURCE_SAMPLE ? await tx.customer.count({ where: { ...where, status: 'deal' } }) : 0;
  return all >= MIN_SOURCE_SAMPLE ? deals / all : null;
}

/** Stores the score and, for a lead at or above the threshold, hands it to sales. Call inside the change's transaction. */
export async function rescore(tx: Tx, ctx: Pick<DomainContext, 'actor' | 'door' | 'clock'>, customerId: number): Promise<{ score: number; handoffId?: number }> {
  const now = ctx.clock.now();
  const s = await scoreOf(tx, customerId, now);
  const c = s.customer;
  if (s.score !== c.score) await tx.customer.update({ where: { id: c.id }, data: { score: s.score, scoredAt: now } });
  if (c.status !== 'lead' || s.score < s.weights.threshold) return { score: s.score };

  // Only the transaction that moves the lead hands it off; a concurrent change finds it moved.
  const moved = await tx.customer.updateMany({ where: { id: c.id, status: 'lead' }, data: { status: 'intent' } });
  if (!moved.count) return { score: s.score };
  const team = await tx.team.findUniqueOrThrow({ where: { id: c.teamId } });
  const deadline = new Date(now.getTime() + windowHours(team, c.tier) * 3_600_000);
  const handoff = await tx.leadHandoff.create({ data: { customerId: c.id, teamId: c.teamId, ownerId: c.ownerId, score: s.score, offeredAt: now, deadline } });
  await audit(tx, ctx, { entity: 'customer', entityId: c.id, action: 'status', before: { status: 'lead' }, after: { status: 'intent', score: s.score, threshold: s.weights.threshold, handoffId: handoff.id } });
  noteHandoff({ handoffId: handoff.id, customer: { id: c.id, code: c.code, name: c.name, tier: c.tier }, teamId: c.teamId, ownerId: c.ownerId, score: s.score, threshold: s.weights.threshold, deadline });
  return { score: s.score, handoffId: handoff.id };
}
