// RFM for October 2026 against the hand-counted fixture (rfm-fixture.ts), on both engines.
// Ten customers are rated in October (score = 1 + ⌊5k/10⌋, k = customers strictly worse):
//   R by last activity: E Jun 1, D Sep 25, I Sep 30 23:59, J Oct 1 00:00, F Oct 6, G Oct 18, H Oct 23,
//     C Oct 27, A Oct 30, B Oct 31 23:00 (its acceptance) → 1 1 2 2 3 3 4 4 5 5
//   F: D E I 0 → 1; C J 1 → 2; G H 2 → 3 (G's turned-down quote still counts as approved); B 3 → 4; A 4, F 5 → 5
//   M: H 400 (its EUR and manager-rejected quotes do not count) → 4; B 500, A 900 → 5; the rest 0 → 1
//   → A 555, B 545, H 434 champions; F 351 loyal; C 421 promising; G 331 needs attention;
//     I 211, J 221 hibernating; D 111, E 111 lost.
// Seven were rated in September (k scaled by 5/7): A 321 needs attention, B 224 at risk, C 355 loyal,
//   D 421 promising, I 521 promising, E 111, F 111 lost.
// Down since September: C 13 → 7, D 7 → 3, I 8 → 4 (D before I: same fall, same M, D is older).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rfmReport } from '../../../src/domain/reports/rfm.ts';
import { parsePeriod, previousPeriod } from '../../../src/intents/dates/period.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeWorld } from '../interactions/world.ts';
import { rfmFixture } from './rfm-fixture.ts';

describeEngines('RFM report', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let ids: Record<string, number>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db, '2026-11-29T02:00:00Z');
    ids = await rfmFixture(db, w);
  });
  afterAll(() => db.drop());

  const october = () => {
    const p = parsePeriod('2026年10月', { timeZone: w.team.timeZone, now: w.clock.now() })!;
    return [p, previousPeriod(p, w.team.timeZone)] as const;
  };

  it('scores and segments the team as counted by hand', async () => {
    const r = await rfmReport(w.ctx(w.manager), ...october());
    expect(r.rated).toBe(10);
    expect(r.quintiles).toEqual({ r: [2, 2, 2, 2, 2], f: [3, 2, 2, 1, 2], m: [7, 0, 0, 1, 2] });
    expect(Object.fromEntries(r.segments.map((s) => [s.segment, [s.count, s.previous]]))).toEqual({
      champions: [3, 0], loyal: [1, 1], promising: [1, 2], needs_attention: [1, 1], cant_lose: [0, 0], at_risk: [0, 1], hibernating: [2, 0], lost: [2, 2],
    });
    expect(r.moversDown.map((m) => [m.name, `${m.before.r}${m.before.f}${m.before.m}`, m.before.segment, `${m.now.r}${m.now.f}${m.now.m}`, m.now.segment])).toEqual([
      ['C', '355', 'loyal', '421', 'promising'],
      ['D', '421', 'promising', '111', 'lost'],
      ['I', '521', 'promising', '211', 'hibernating'],
    ]);
    expect(r.moversDown[0]!.customerId).toBe(ids.C);
    expect(r.monetaryMinor).toBe(1800);
    expect(r.currency).toBe('USD');
    expect(r.ownerId).toBeNull();
  });

  it('shows a rep their own customers, scored against the team', async () => {
    const r = await rfmReport(w.ctx(w.rep), ...october());
    // Rita owns A 555, C 421, D 111, G 331 (and K, never active).
    expect(r.rated).toBe(4);
    expect(r.segments.filter((s) => s.count).map((s) => [s.segment, s.count])).toEqual([['champions', 1], ['promising', 1], ['needs_attention', 1], ['lost', 1]]);
    expect(r.moversDown.map((m) => m.name)).toEqual(['C', 'D']);
    expect(r.monetaryMinor).toBe(900);
    expect(r.ownerId).toBe(w.rep.id);
  });

  it('reads the same month in UTC differently (so the zone matters)', async () => {
    const p = parsePeriod('2026-10', { timeZone: 'UTC', now: w.clock.now() })!;
    const r = await rfmReport(w.ctx(w.manager), p, previousPeriod(p, 'UTC'));
    // In UTC J's first call (Sep 30 16:00Z) is September's, so eight are rated then (k scaled by 5/8):
    // A 221 hibernating, B 224 at risk, C 355 loyal, D 421, I 421, J 521 promising, E 111, F 111 lost.
    expect(r.rated).toBe(10);
    expect(Object.fromEntries(r.segments.map((s) => [s.segment, s.previous]))).toMatchObject({ promising: 3, hibernating: 1, at_risk: 1, loyal: 1, lost: 2, needs_attention: 0 });
  });

  const month = (text: string) => {
    const p = parsePeriod(text, { timeZone: w.team.timeZone, now: w.clock.now() })!;
    return [p, previousPeriod(p, w.team.timeZone)] as const;
  };

  it('gives no scores to a period with fewer than five of the team rated, and says how many', async () => {
    // Up to the end of June only E has any activity (June 1): one customer ranks 1 on everything and would read "lost".
    const r = await rfmReport(w.ctx(w.manager), ...month('2026-06'));
    expect([r.rated, r.ranked, r.scored, r.previousScored]).toEqual([1, 1, false, false]);
    expect(r.quintiles).toEqual({ r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0] });
    expect(r.segments.every((s) => s.count === 0 && s.previous === 0)).toBe(true);
    expect(r.moversDown).toEqual([]);
  });

  it('scores a period whose period before had too few, without comparing to it', async () => {
    // September rates seven (scored as in the header above), August fewer than five: nothing to compare with.
    const r = await rfmReport(w.ctx(w.manager), ...month('2026-09'));
    expect([r.rated, r.ranked, r.scored, r.previousScored]).toEqual([7, 7, true, false]);
    expect(Object.fromEntries(r.segments.map((s) => [s.segment, [s.count, s.previous]]))).toEqual({
      champions: [0, 0], loyal: [1, 0], promising: [2, 0], needs_attention: [1, 0], cant_lose: [0, 0], at_risk: [1, 0], hibernating: [0, 0], lost: [2, 0],
    });
    expect(r.moversDown).toEqual([]);
  });
});
