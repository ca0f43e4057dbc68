// The lead score's rule, property-tested: always within 0–100, and never lower when one positive
// signal grows while the others stay put.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { scoreLead, type Depth, type Signals } from '../../../src/domain/funnel/score.ts';
import { DEFAULT_WEIGHTS, weightsOf, weightsSchema } from '../../../src/domain/funnel/weights.ts';

const depth = fc.constantFrom<Depth | null>(null, 'light', 'direct', 'deep');
const channelOf: Record<Depth, string> = { light: 'email', direct: 'call', deep: 'visit' };
const signals = fc.record({
  interactions: fc.nat(40),
  daysSinceLast: fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: null }),
  lastMood: fc.constantFrom(null, 'negative', 'hesitant', 'neutral', 'positive'),
  d7: depth,
  d30: depth,
  tier: fc.constantFrom('C', 'B', 'A'),
  budgetMinor: fc.option(fc.bigInt(0n, 100_000_000n), { nil: null }),
  quoteMinor: fc.option(fc.bigInt(0n, 100_000_000n), { nil: null }),
  sourceRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});
type Raw = typeof signals extends fc.Arbitrary<infer T> ? T : never;
const toSignals = (r: Raw): Signals => ({
  ...r,
  lastMood: r.lastMood as Signals['lastMood'],
  tier: r.tier as Signals['tier'],
  depth7: r.d7 ? { depth: r.d7, channel: channelOf[r.d7] } : null,
  // What counts in 7 days counted in 30 too.
  depth30: r.d30 || r.d7 ? { depth: rank(r.d30) >= rank(r.d7) ? r.d30! : r.d7!, channel: channelOf[rank(r.d30) >= rank(r.d7) ? r.d30! : r.d7!] } : null,
  source: 'expo',
});
const rank = (d: Depth | null) => (d === null ? 0 : d === 'light' ? 1 : d === 'direct' ? 2 : 3);
const weights = fc.record(Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, k.endsWith('Minor') ? fc.integer({ min: 0, max: 50_000_000 }) : fc.integer({ min: k === 'threshold' ? 1 : 0, max: 100 })]))).map((w) => weightsOf(w));

const up = {
  interactions: (r: Raw) => ({ ...r, interactions: r.interactions + 1 }),
  recency: (r: Raw) => ({ ...r, daysSinceLast: r.daysSinceLast === null ? 200 : r.daysSinceLast / 2 }),
  depth7: (r: Raw) => ({ ...r, d7: (['light', 'direct', 'deep', 'deep'] as const)[rank(r.d7)] }),
  depth30: (r: Raw) => ({ ...r, d30: (['light', 'direct', 'deep', 'deep'] as const)[rank(r.d30)] }),
  mood: (r: Raw) => ({ ...r, lastMood: ({ negative: 'hesitant', hesitant: 'neutral', neutral: 'positive', positive: 'positive' } as Record<string, string>)[r.lastMood ?? 'neutral'] ?? 'neutral' }),
  tier: (r: Raw) => ({ ...r, tier: r.tier === 'C' ? 'B' : 'A' }),
  budget: (r: Raw) => ({ ...r, budgetMinor: (r.budgetMinor ?? 0n) * 2n + 1n }),
  quote: (r: Raw) => ({ ...r, quoteMinor: (r.quoteMinor ?? 0n) * 2n + 1n }),
  source: (r: Raw) => ({ ...r, sourceRate: Math.min(1, (r.sourceRate ?? 0) + 0.1) }),
};

it('stays within 0–100 whatever the signals and weights', () => {
  fc.assert(fc.property(signals, weights, (r, w) => {
    const s = scoreLead(toSignals(r), w);
    return Number.isInteger(s.score) && s.score >= 0 && s.score <= 100;
  }), { numRuns: 2000 });
});

for (const [name, grow] of Object.entries(up)) {
  it(`never drops when ${name} grows`, () => {
    fc.assert(fc.property(signals, weights, (r, w) => {
      // A source with no rate yet gains one: from "unknown" to any rate is not a drop either.
      return scoreLead(toSignals(grow(r) as Raw), w).score >= scoreLead(toSignals(r), w).score;
    }), { numRuns: 1000 });
  });
}

it('explains the documented example: +20 for a visit this week', () => {
  const s = scoreLead({ interactions: 1, daysSinceLast: 1, lastMood: null, depth7: { depth: 'deep', channel: 'visit' }, depth30: { depth: 'deep', channel: 'visit' }, tier: 'C', budgetMinor: null, quoteMinor: null, sourceRate: null, source: 'expo' }, DEFAULT_WEIGHTS);
  expect(s.parts).toEqual([
    { code: 'interactions', points: 3, params: { count: 1 } },
    { code: 'recent', points: 15, params: { days: 7 } },
    { code: 'channel', points: 20, params: { channel: 'visit', days: 7 } },
  ]);
  expect(s.score).toBe(38);
});

it('keeps a default for a stored weight that fails its check', () => {
  expect(weightsOf({ threshold: 70, tierA: -5, channelDeep: 'lots', unknown: 3 })).toEqual({ ...DEFAULT_WEIGHTS, threshold: 70 });
  expect(weightsSchema.safeParse({ threshold: 0 }).success).toBe(false);
});
