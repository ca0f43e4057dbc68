// The monthly review against a hand-counted fixture in the team's zone (Asia/Shanghai): October 2026
// is [2026-09-30T16:00Z, 2026-10-31T16:00Z). Rows a minute either side of those bounds, another
// team's rows, a tier "change" to the same tier and a tier set at creation are placed so that a
// wrong bound, a missing team or owner filter, or counting creations as moves changes the figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { monthlyReport } from '../../../src/domain/reports/monthly.ts';
import { complaintThemes } from '../../../src/domain/reports/themes.ts';
import { parsePeriod } from '../../../src/intents/dates/period.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';
import { makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('monthly report', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const at = (s: string) => new Date(s);
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db, '2026-11-29T02:00:00Z');
    // Costs in minor units of CNY: expo 20,000, website 5,000, advertising 1,000 (no customers from it).
    await db.prisma.team.update({ where: { id: w.team.id }, data: { currency: 'CNY', sourceCosts: { expo: 2_000_000, website: 500_000, advertising: 100_000 } } });
    const { rep, rep2 } = w;
    const customer = async (name: string, createdAt: string, source: 'expo' | 'website' | 'referral', ownerId: number, status: 'lead' | 'intent' | 'deal', deal?: [number, string], teamId = w.team.id) => {
      const c = await makeCustomer(db, teamId, { name, ownerId, status, createdAt: at(createdAt) });
      return db.prisma.customer.update({ where: { id: c.id }, data: { source, ...(deal ? { dealValueMinor: BigInt(deal[0]), dealCurrency: deal[1], dealAt: at('2026-10-20T02:00:00Z') } : {}) } });
    };
    const A = await customer('A', '2026-10-02T02:00:00Z', 'expo', rep.id, 'deal', [3_000_000, 'CNY']);
    const B = await customer('B', '2026-10-10T02:00:00Z', 'expo', rep2.id, 'intent');
    const C = await customer('C', '2026-10-05T02:00:00Z', 'website', rep.id, 'deal', [100_000, 'USD']);
    const D = await customer('D', '2026-10-31T15:59:00Z', 'referral', rep.id, 'lead');
    const E = await customer('E', '2026-10-31T16:01:00Z', 'expo', rep.id, 'deal', [99_900, 'CNY']);
    const F = await customer('F', '2026-09-30T15:59:00Z', 'website', rep2.id, 'deal', [50_000, 'CNY']);
    const other = await makeTeam(db);
    const stranger = await makeUser(db, other.id);
    const G = await customer('G', '2026-10-10T02:00:00Z', 'expo', stranger.id, 'deal', [1, 'CNY'], other.id);

    const tier = (c: { id: number }, from: string, to: string, when: string, action = 'update') =>
      db.prisma.auditEvent.create({ data: { door: 'console', entity: 'customer', entityId: String(c.id), action, before: action === 'create' ? undefined : { tier: from, name: 'x' }, after: { tier: to, name: 'x' }, at: at(when) } });
    await tier(A, 'C', 'B', '2026-10-03T02:00:00Z');
    await tier(A, 'B', 'A', '2026-10-25T02:00:00Z');
    await tier(B, 'B', 'B', '2026-10-12T02:00:00Z');
    await tier(B, 'C', 'B', '2026-09-30T15:59:00Z');
    await tier(B, 'A', 'C', '2026-10-15T02:00:00Z');
    await tier(C, 'C', 'B', '2026-10-31T15:00:00Z');
    await tier(D, '', 'A', '2026-10-31T15:59:00Z', 'create');
    await tier(G, 'C', 'A', '2026-10-12T02:00:00Z');

    const talk = (c: { id: number }, when: string, authorId = rep.id) => db.prisma.interaction.create({ data: { customerId: c.id, authorId, occurredAt: at(when), summary: 'call' } });
    for (const t of ['2026-10-02T10:00:00Z', '2026-10-02T20:00:00Z', '2026-10-20T02:00:00Z']) await talk(A, t);
    await talk(B, '2026-10-12T02:00:00Z', rep2.id);
    await talk(C, '2026-10-05T20:00:00Z');
    await talk(C, '2026-10-06T19:00:00Z');
    await talk(E, '2026-10-31T16:30:00Z');
    await talk(F, '2026-10-31T15:00:00Z', rep2.id);
    await talk(F, '2026-11-01T10:00:00Z', rep2.id);
    await talk(G, '2026-10-10T03:00:00Z', stranger.id);

    const task = (ownerId: number, due: string, done?: string, teamId = w.team.id) =>
      db.prisma.task.create({ data: { title: 't', teamId, ownerId, dueAt: at(due), ...(done ? { status: 'done', doneAt: at(done) } : {}) } });
    await task(rep.id, '2026-10-10T02:00:00Z', '2026-10-09T02:00:00Z');
    await task(rep2.id, '2026-10-20T02:00:00Z', '2026-11-02T02:00:00Z');
    await task(rep.id, '2026-10-25T02:00:00Z');
    await task(rep.id, '2026-11-05T02:00:00Z', '2026-10-28T02:00:00Z');
    await task(rep2.id, '2026-09-28T02:00:00Z', '2026-10-01T02:00:00Z');
    await task(rep.id, '2026-10-31T16:30:00Z');
    await task(stranger.id, '2026-10-10T02:00:00Z', '2026-10-10T03:00:00Z', other.id);

    const complaint = (c: { id: number; teamId: number }, summary: string, when: string, resolved: boolean) =>
      db.prisma.complaint.create({ data: { teamId: c.teamId, customerId: c.id, openedById: rep.id, summary, openedAt: at(when), ...(resolved ? { resolvedAt: at('2026-10-28T02:00:00Z') } : {}) } });
    await complaint(A, '发货太慢，客服不回消息', '2026-10-03T02:00:00Z', true);
    await complaint(B, '客服态度差，发货延迟', '2026-10-15T02:00:00Z', false);
    await complaint(C, 'Late delivery again, and the support team was rude.', '2026-10-20T02:00:00Z', false);
    await complaint(C, 'late delivery of spare parts', '2026-10-22T02:00:00Z', true);
    await complaint(A, '客服', '2026-10-31T16:00:00Z', false);
    await complaint(G, '客服 客服 客服', '2026-10-12T02:00:00Z', false);

    const quote = (c: { id: number; teamId: number }, authorId: number, outcome: 'accepted' | 'negotiating' | 'rejected', currency: string, total: number, when: string) =>
      db.prisma.quote.create({ data: { customerId: c.id, authorId, teamId: c.teamId, currency, totalMinor: BigInt(total), status: 'approved', outcome, outcomeAt: at(when) } });
    await quote(A, rep.id, 'accepted', 'CNY', 3_000_000, '2026-10-20T02:00:00Z');
    await quote(B, rep2.id, 'negotiating', 'CNY', 500_000, '2026-10-16T02:00:00Z');
    await quote(C, rep.id, 'rejected', 'USD', 100_000, '2026-10-25T02:00:00Z');
    await quote(C, rep.id, 'accepted', 'USD', 100_000, '2026-10-31T16:30:00Z');
    await quote(A, rep.id, 'accepted', 'CNY', 1_000, '2026-10-31T15:00:00Z');
    await quote(G, stranger.id, 'accepted', 'CNY', 7, '2026-10-12T02:00:00Z');
  });
  afterAll(() => db.drop());

  const october = () => parsePeriod('2026年10月', { timeZone: w.team.timeZone, now: w.clock.now() })!;

  it('counts the team’s October as counted by hand', async () => {
    const r = await monthlyReport(w.ctx(w.manager), october());
    expect(r.currency).toBe('CNY');
    // New: A, B (expo), C (website), D (referral); not E (November), F (September), G (another team).
    expect(r.newCustomers).toBe(4);
    expect(r.sources).toEqual([
      { source: 'expo', customers: 2, deals: 1, value: [{ currency: 'CNY', minor: 3_000_000n }], costMinor: 2_000_000n, roi: 0.5 },
      { source: 'referral', customers: 1, deals: 0, value: [], costMinor: null, roi: null },
      // C's deal is in USD: it counts as won, but not against a cost in CNY.
      { source: 'website', customers: 1, deals: 1, value: [{ currency: 'USD', minor: 100_000n }], costMinor: 500_000n, roi: -1 },
      { source: 'advertising', customers: 0, deals: 0, value: [], costMinor: 100_000n, roi: -1 },
    ]);
    // A C→B and B→A, B A→C, C C→B; not B's B→B, B's September move, D's creation, G.
    expect(r.tierMoves).toEqual([
      { from: 'C', to: 'B', count: 2 },
      { from: 'A', to: 'C', count: 1 },
      { from: 'B', to: 'A', count: 1 },
    ]);
    // Leads A and C contacted within 24 h, B after two days, D never. Interactions in October: A×3,
    // B, C×2, F (E's is November's); followed within 24 h: A's first, C's first, F's (by November's).
    expect(r.response).toEqual({ hours: 24, leads: 4, answered: 2, interactions: 7, followed: 3 });
    expect(r.tasks).toEqual({ due: 3, doneOfDue: 1, done: 3 });
    expect(r.complaints).toEqual({
      count: 4,
      open: 2,
      themes: [
        { term: 'late delivery', count: 2 },
        { term: '发货', count: 2 },
        { term: '客服', count: 2 },
        { term: 'support', count: 1 },
        { term: 'parts', count: 1 },
      ],
    });
    expect(r.quotes).toEqual({ accepted: 2, negotiating: 1, rejected: 1, acceptedValue: [{ currency: 'CNY', minor: 3_001_000n }] });
  });

  it('gives a rep their own customers, tasks and quotes, without the channel’s cost', async () => {
    const r = await monthlyReport(w.ctx(w.rep), october());
    expect(r.ownerId).toBe(w.rep.id);
    expect(r.sources.map((s) => [s.source, s.customers, s.deals, s.costMinor, s.roi])).toEqual([
      ['expo', 1, 1, null, null],
      ['referral', 1, 0, null, null],
      ['website', 1, 1, null, null],
    ]);
    expect(r.tierMoves).toEqual([
      { from: 'C', to: 'B', count: 2 },
      { from: 'B', to: 'A', count: 1 },
    ]);
    expect(r.response).toEqual({ hours: 24, leads: 3, answered: 2, interactions: 5, followed: 2 });
    expect(r.tasks).toEqual({ due: 2, doneOfDue: 1, done: 2 });
    expect(r.complaints.count).toBe(3);
    expect(r.complaints.open).toBe(1);
    expect(r.complaints.themes[0]).toEqual({ term: 'late delivery', count: 2 });
    expect(r.quotes).toMatchObject({ accepted: 2, negotiating: 0, rejected: 1 });
  });
});

it('finds themes in Chinese and English, one count per complaint, without stop words', () => {
  // The segmenter cuts 客服 into 客|服 and 发货 into 发|货; a phrase that recurs (发货太慢) hides its words.
  expect(complaintThemes(['客服太慢了', '客服的态度', '客服没有回复，发货太慢', '发货太慢'])).toEqual([
    // 太慢 is in three complaints, one without 发货, so the phrase does not hide it.
    { term: '太慢', count: 3 },
    { term: '客服', count: 3 },
    { term: '发货太慢', count: 2 },
    { term: '回复', count: 1 },
    { term: '态度', count: 1 },
  ]);
  expect(complaintThemes(['The invoice was wrong', 'wrong invoice again and the invoice is late'])).toEqual([
    { term: 'invoice', count: 2 },
    { term: 'wrong', count: 2 },
    { term: 'late', count: 1 },
  ]);
});
