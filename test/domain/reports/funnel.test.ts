// The funnel report against a hand-counted fixture in the team's zone (Asia/Shanghai): October 2026
// is [2026-09-30T16:00Z, 2026-10-31T16:00Z). Customers and moves a minute either side of those
// bounds are placed so that reading the month in UTC, or with an inclusive end, changes the figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { funnelReport } from '../../../src/domain/reports/funnel.ts';
import { parsePeriod } from '../../../src/intents/dates/period.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';
import { makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('funnel report', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db, '2026-11-29T02:00:00Z');
    const customer = async (name: string, createdAt: string, source: 'expo' | 'website' | 'referral', ownerId: number | null, status: 'lead' | 'intent' | 'deal' | 'lost', moves: Array<[string, string, string]>, teamId = w.team.id) => {
      const c = await makeCustomer(db, teamId, { name, ownerId, status, createdAt: new Date(createdAt) });
      await db.prisma.customer.update({ where: { id: c.id }, data: { source } });
      for (const [from, to, at] of moves) await db.prisma.auditEvent.create({ data: { door: 'console', entity: 'customer', entityId: String(c.id), action: 'status', before: { status: from }, after: { status: to }, at: new Date(at) } });
    };
    await customer('A', '2026-09-30T16:30:00Z', 'expo', w.rep.id, 'deal', [['lead', 'intent', '2026-10-05T16:30:00Z'], ['intent', 'deal', '2026-10-15T16:30:00Z']]);
    await customer('B', '2026-10-10T02:00:00Z', 'expo', w.rep2.id, 'intent', [['lead', 'intent', '2026-10-13T02:00:00Z']]);
    await customer('C', '2026-10-20T02:00:00Z', 'website', w.rep.id, 'lead', []);
    await customer('D', '2026-10-31T16:30:00Z', 'website', w.rep.id, 'intent', [['lead', 'intent', '2026-11-02T02:00:00Z']]);
    await customer('E', '2026-09-30T15:59:00Z', 'expo', w.rep2.id, 'deal', [['lead', 'intent', '2026-10-31T15:59:00Z'], ['intent', 'deal', '2026-10-31T16:01:00Z']]);
    await customer('F', '2026-10-02T00:00:00Z', 'referral', null, 'lost', [['lead', 'intent', '2026-10-03T00:00:00Z'], ['intent', 'lost', '2026-10-04T00:00:00Z']]);
    const other = await makeTeam(db);
    const stranger = await makeUser(db, other.id);
    await customer('G', '2026-10-10T02:00:00Z', 'expo', stranger.id, 'deal', [['lead', 'deal', '2026-10-11T02:00:00Z']], other.id);
  });
  afterAll(() => db.drop());

  it('counts October in Shanghai as counted by hand', async () => {
    const october = parsePeriod('2026年10月', { timeZone: w.team.timeZone, now: w.clock.now() })!;
    const r = await funnelReport(w.ctx(w.manager), october);
    // Cohort A, B, C, F; reached intent A, B, F (F later lost); deal A.
    expect(r.cohort).toEqual({ key: 'all', leads: 4, intent: 3, deal: 1 });
    expect(r.bySource).toEqual([
      { key: 'expo', leads: 2, intent: 2, deal: 1 },
      { key: 'referral', leads: 1, intent: 1, deal: 0 },
      { key: 'website', leads: 1, intent: 0, deal: 0 },
    ]);
    expect(r.byOwner.map((o) => [o.ownerName, o.leads, o.intent, o.deal])).toEqual([
      ['Rita Rep', 2, 1, 1],
      [null, 1, 1, 0],
      ['Rob Rep', 1, 1, 0],
    ]);
    // Moves in October: A, B, E (a minute before the end), F to intent; A to deal; F to lost. Not D, not E's deal.
    expect(r.moves).toEqual([
      { from: 'lead', to: 'intent', count: 4 },
      { from: 'intent', to: 'deal', count: 1 },
      { from: 'intent', to: 'lost', count: 1 },
    ]);
    // To intent: A 5, B 3, E 31, F 1 days → median 4; to deal: A 10 days after its intent.
    expect(r.medianDays).toEqual({ toIntent: 4, toDeal: 10 });
  });

  it('reads the same month differently in UTC (so the zone matters)', async () => {
    const utc = await funnelReport(w.ctx(w.manager), parsePeriod('2026-10', { timeZone: 'UTC', now: w.clock.now() })!);
    expect(utc.cohort.leads).toBe(4); // B, C, D, F
    expect(utc.moves.find((m) => m.to === 'deal')!.count).toBe(2); // A and E
  });

  it('gives a rep the funnel of their own customers', async () => {
    const october = parsePeriod('2026年10月', { timeZone: w.team.timeZone, now: w.clock.now() })!;
    const r = await funnelReport(w.ctx(w.rep), october);
    // Rita owns A, C, D: cohort A (deal) and C (lead), D is November's; moves A to intent, A to deal.
    expect(r.ownerId).toBe(w.rep.id);
    expect(r.cohort).toEqual({ key: 'all', leads: 2, intent: 1, deal: 1 });
    expect(r.byOwner.map((o) => [o.ownerName, o.leads, o.intent, o.deal])).toEqual([['Rita Rep', 2, 1, 1]]);
    expect(r.bySource).toEqual([{ key: 'expo', leads: 1, intent: 1, deal: 1 }, { key: 'website', leads: 1, intent: 0, deal: 0 }]);
    expect(r.moves).toEqual([{ from: 'intent', to: 'deal', count: 1 }, { from: 'lead', to: 'intent', count: 1 }]);
    expect(r.medianDays).toEqual({ toIntent: 5, toDeal: 10 });
    expect((await funnelReport(w.ctx(w.manager), october)).ownerId).toBeNull();
  });
});
