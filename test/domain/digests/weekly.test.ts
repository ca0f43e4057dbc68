// The Monday summary's figures against values counted by hand on a small fixture.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { weeklySummary } from '../../../src/domain/digests/weekly.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';

// Shanghai. Summary run Monday 2026-11-23 09:00 local covers Mon 11-16 .. Sun 11-22 (local),
// compared with Mon 11-09 .. Sun 11-15.
const at = new Date('2026-11-23T01:00:00Z');
const lastWeek = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, 16 + day, hour - 8));
const weekBefore = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, 9 + day, hour - 8));

describeEngines('weekly summary figures', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('matches hand-computed values', async () => {
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    const other = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    const sam = await makeUser(db, team.id, { name: 'Sam' });
    const priya = await makeUser(db, team.id, { name: 'Priya' });
    const mei = await makeUser(db, team.id, { name: 'Mei', role: 'manager' });
    const outsider = await makeUser(db, other.id, { name: 'Outsider' });
    let n = 0;
    const customer = (data: { createdAt: Date; source?: 'expo' | 'website' | 'referral'; status?: 'lead' | 'intent' | 'deal' | 'lost'; teamId?: number; ownerId?: number; tier?: 'A' | 'B' | 'C' }) =>
      db.prisma.customer.create({ data: { code: `CUS${++n}`, name: `C${n}`, normalizedName: `c${n}`, teamId: data.teamId ?? team.id, ownerId: data.ownerId ?? sam.id, source: data.source ?? 'expo', status: data.status ?? 'lead', tier: data.tier ?? 'C', createdAt: data.createdAt } });

    // New customers: last week expo 2, website 1; the week before expo 1, referral 2. Late Sunday 23:30 local still counts; Monday 00:30 does not.
    const c1 = await customer({ createdAt: lastWeek(0), source: 'expo', status: 'intent' });
    await customer({ createdAt: lastWeek(6, 23.5), source: 'expo', status: 'deal' });
    await customer({ createdAt: lastWeek(3), source: 'website', status: 'lost' });
    await customer({ createdAt: weekBefore(1), source: 'expo' });
    await customer({ createdAt: weekBefore(2), source: 'referral' });
    await customer({ createdAt: weekBefore(4), source: 'referral', status: 'intent' });
    await customer({ createdAt: new Date('2026-11-22T16:30:00Z'), source: 'website' }); // Monday 00:30 local: this week
    await customer({ createdAt: lastWeek(1), teamId: other.id, ownerId: outsider.id }); // another team

    // Interactions: last week Sam 3 (call, call, email), Priya 1 (visit); the week before Sam 1 (call), Priya 2 (visit, wechat).
    const log = (authorId: number, occurredAt: Date, channel: 'call' | 'email' | 'visit' | 'wechat') => db.prisma.interaction.create({ data: { customerId: c1.id, authorId, occurredAt, channel, summary: 'x' } });
    await log(sam.id, lastWeek(0), 'call');
    await log(sam.id, lastWeek(2), 'call');
    await log(sam.id, lastWeek(4), 'email');
    await log(priya.id, lastWeek(5), 'visit');
    await log(sam.id, weekBefore(0), 'call');
    await log(priya.id, weekBefore(1), 'visit');
    await log(priya.id, weekBefore(2), 'wechat');

    // Tasks: last week 4 due, 2 done on time, 1 done late (the week after), plus 1 done last week that was due the week before.
    const task = (dueAt: Date, doneAt?: Date) => db.prisma.task.create({ data: { title: 't', teamId: team.id, ownerId: sam.id, dueAt, status: doneAt ? 'done' : 'open', doneAt } });
    await task(lastWeek(1), lastWeek(1));
    await task(lastWeek(2), lastWeek(3));
    await task(lastWeek(3), new Date('2026-11-24T02:00:00Z'));
    await task(lastWeek(4));
    await task(weekBefore(4), lastWeek(0));
    await task(weekBefore(5));

    // Quotes: last week submitted 2, approved 1 (USD 1,000.00), rejected 1; the week before submitted 1, approved 1 (USD 500.00).
    const quote = (status: 'approved' | 'rejected' | 'pending', submittedAt: Date, decidedAt?: Date, total = 0n) =>
      db.prisma.quote.create({ data: { customerId: c1.id, authorId: sam.id, teamId: team.id, status, submittedAt, decidedAt, decidedById: decidedAt ? mei.id : null, totalMinor: total, currency: 'USD' } });
    await quote('approved', lastWeek(1), lastWeek(2), 100_000n);
    await quote('rejected', lastWeek(3), lastWeek(4));
    await quote('approved', weekBefore(1), weekBefore(2), 50_000n);

    // One deal won last week (a status audit), none the week before.
    await db.prisma.auditEvent.create({ data: { door: 'console', entity: 'customer', entityId: String(c1.id), action: 'status', before: { status: 'intent' }, after: { status: 'deal' }, at: lastWeek(2) } });

    const w = await weeklySummary(db.prisma, team.id, at);
    expect(w.weekStart.toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(w.weekEnd.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(w.newCustomersBySource).toEqual({ expo: { current: 2, previous: 1 }, website: { current: 1, previous: 0 }, referral: { current: 0, previous: 2 } });
    expect(w.interactionsByRep.map((r) => [r.name, r.current, r.previous])).toEqual([['Sam', 3, 1], ['Priya', 1, 2], ['Mei', 0, 0]]);
    expect(w.interactionsByChannel).toEqual({ call: { current: 2, previous: 1 }, email: { current: 1, previous: 0 }, visit: { current: 1, previous: 1 }, wechat: { current: 0, previous: 1 } });
    expect(w.tasks).toEqual({ due: { current: 4, previous: 2 }, doneOfDue: { current: 2, previous: 0 }, done: { current: 3, previous: 0 } });
    expect(w.quotes.submitted).toEqual({ current: 2, previous: 1 });
    expect(w.quotes.approved).toEqual({ current: 1, previous: 1 });
    expect(w.quotes.rejected).toEqual({ current: 1, previous: 0 });
    expect(w.quotes.approvedValue).toEqual([{ currency: 'USD', current: 100_000, previous: 50_000 }]);
    // Customers that existed by the end of last week: lead 2, intent 2, deal 1, lost 1.
    expect(w.customersByStatus).toEqual({ lead: 2, intent: 2, deal: 1, lost: 1 });
    expect(w.conversion.leadToIntent).toBeCloseTo(3 / 5);
    expect(w.conversion.intentToDeal).toBeCloseTo(1 / 3);
    expect(w.dealsWon).toEqual({ current: 1, previous: 0 });
  });

  it('counts cadence misses and churn risks per tier, as of the end of last week and of the week before', async () => {
    // Cadence A 7, B 14, C 30 days (defaults); churn after 30 days. Last week ends 2026-11-22T16:00Z,
    // the week before ends 2026-11-15T16:00Z.
    const team = await db.prisma.team.create({ data: { name: 'Cadence team', timeZone: 'Asia/Shanghai', locale: 'en', churnRiskDays: 30 } });
    const rep = await makeUser(db, team.id, { name: 'Rep' });
    let n = 0;
    const customer = async (tier: 'A' | 'B' | 'C', contacts: Date[], opts: { createdAt?: Date; status?: 'lead' | 'lost' } = {}) => {
      const c = await db.prisma.customer.create({
        data: { code: `CAD${++n}`, name: `K${n}`, normalizedName: `k${n}`, teamId: team.id, ownerId: rep.id, tier, status: opts.status ?? 'lead', createdAt: opts.createdAt ?? new Date('2026-08-01T00:00:00Z') },
      });
      for (const occurredAt of contacts) await db.prisma.interaction.create({ data: { customerId: c.id, authorId: rep.id, occurredAt, summary: 'x' } });
      return c;
    };
    await customer('A', [lastWeek(2)]); //               now: fine        before: missed (silent since Aug), churn
    await customer('A', [lastWeek(0)]); //               now: fine        before: missed, churn (silent since Aug by then)
    await customer('A', [new Date('2026-10-10T02:00:00Z')]); // now: missed, churn   before: missed, churn
    await customer('B', [new Date('2026-11-03T02:00:00Z')]); // now: missed (11-17)  before: fine
    await customer('C', [new Date('2026-11-23T00:00:00Z')]); // contact only this week: now and before missed, churn
    await customer('C', [], { status: 'lost' }); //       lost customers are not chased
    await customer('C', [], { createdAt: lastWeek(1) }); // new last week: fine now, did not exist before
    // Churn risk is also an unresolved complaint (issue 14), counted by the sweep's rule: a complaint
    // opened last week counts now, not before; one resolved last week counted before, not now.
    const upset = await customer('B', [lastWeek(3), weekBefore(3)]); // cadence fine both weeks
    await db.prisma.complaint.create({ data: { customerId: upset.id, teamId: team.id, openedById: rep.id, summary: 'late', openedAt: lastWeek(3) } });
    const calmed = await customer('B', [lastWeek(3), weekBefore(3)]);
    await db.prisma.complaint.create({ data: { customerId: calmed.id, teamId: team.id, openedById: rep.id, summary: 'late', openedAt: weekBefore(2), resolvedAt: lastWeek(1) } });

    const w = await weeklySummary(db.prisma, team.id, at);
    expect(w.cadenceMisses).toEqual({ A: { current: 1, previous: 3 }, B: { current: 1, previous: 0 }, C: { current: 1, previous: 1 } });
    expect(w.churnRisks.count).toEqual({ current: 3, previous: 5 });
    expect(w.churnRisks.top.map((c) => [c.code, c.silentDays, c.openComplaints])).toEqual([['CAD5', 113, 0], ['CAD3', 43, 0], ['CAD8', 3, 1]]);
  });
});
