// The weekly summary's quote outcomes (issue 13): the customers' answers recorded in the week, beside
// the week before, by the answer's time in the team's zone (Sunday 23:59 counts, Monday 00:00 not).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { weeklySummary } from '../../../src/domain/digests/weekly.ts';
import { weeklyReply } from '../../../src/intents/render/digest.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';

const at = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai: last week is Nov 16–22 local

describeEngines('weekly summary: quote outcomes', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('counts answers by week, in the team zone', async () => {
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    const sam = await makeUser(db, team.id, { name: 'Sam' });
    const c = await db.prisma.customer.create({ data: { code: 'CUSX1', name: 'X', normalizedName: 'x', teamId: team.id, ownerId: sam.id } });
    const quote = (outcome: 'accepted' | 'negotiating' | 'rejected', outcomeAt: string) =>
      db.prisma.quote.create({ data: { customerId: c.id, authorId: sam.id, teamId: team.id, status: 'approved', outcome, outcomeAt: new Date(outcomeAt), totalMinor: 100n } });
    await quote('accepted', '2026-11-16T02:00:00Z');
    await quote('accepted', '2026-11-22T15:59:00Z'); // Sunday 23:59 local: last week
    await quote('rejected', '2026-11-22T16:00:00Z'); // Monday 00:00 local: this week, not counted
    await quote('negotiating', '2026-11-15T15:59:00Z'); // Sunday 23:59 of the week before
    await quote('rejected', '2026-11-10T02:00:00Z');
    const w = await weeklySummary(db.prisma, team.id, at);
    expect(w.quotes.outcomes).toEqual({
      accepted: { current: 2, previous: 0 },
      negotiating: { current: 0, previous: 1 },
      rejected: { current: 0, previous: 1 },
    });
    const en = weeklyReply({ locale: 'en', timeZone: 'Asia/Shanghai' }, w, { late: false, churnDays: 90 });
    expect(JSON.stringify(en)).toContain('Customers’ answers: accepted 2 (+2), negotiating 0 (−1), rejected 0 (−1)');
    const zh = weeklyReply({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' }, w, { late: false, churnDays: 90 });
    expect(JSON.stringify(zh)).toContain('客户答复：接受 2（+2），议价 0（−1），拒绝 0（−1）');
  });

  it('counts new leads contacted within the response hours', async () => {
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    const sam = await makeUser(db, team.id, { name: 'Sam' });
    let n = 0;
    const lead = async (createdAt: string, contactAfterHours?: number) => {
      const c = await db.prisma.customer.create({ data: { code: `CUSR${team.id}-${++n}`, name: `R${n}`, normalizedName: `r${n}`, teamId: team.id, ownerId: sam.id, createdAt: new Date(createdAt) } });
      if (contactAfterHours !== undefined) await db.prisma.interaction.create({ data: { customerId: c.id, authorId: sam.id, summary: 'call', occurredAt: new Date(new Date(createdAt).getTime() + contactAfterHours * 3_600_000) } });
    };
    await lead('2026-11-17T02:00:00Z', 2); // answered within 24 h
    await lead('2026-11-18T02:00:00Z', 30); // answered, but late
    await lead('2026-11-22T15:00:00Z'); // never
    await lead('2026-11-10T02:00:00Z', 1); // the week before, answered
    await lead('2026-11-22T16:30:00Z', 1); // this week: not counted
    const w = await weeklySummary(db.prisma, team.id, at);
    expect(w.response).toEqual({ hours: 24, leads: { current: 3, previous: 1 }, answered: { current: 1, previous: 1 } });
    expect(JSON.stringify(weeklyReply({ locale: 'en', timeZone: 'Asia/Shanghai' }, w, { late: false, churnDays: 90 }))).toContain('New leads contacted within 24 hours: 33% (1 of 3; the week before 100%)');
    await db.prisma.team.update({ where: { id: team.id }, data: { responseHours: 36 } });
    expect((await weeklySummary(db.prisma, team.id, at)).response.answered.current).toBe(2);
  });
});
