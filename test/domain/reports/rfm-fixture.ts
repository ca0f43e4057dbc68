// A hand-counted RFM fixture for October 2026 in the team's zone (Asia/Shanghai: October is
// [2026-09-30T16:00Z, 2026-10-31T16:00Z), September the period before). Ten customers are rated in
// October, seven in September; the figures each test expects are counted by hand in rfm.test.ts.
// Activity a minute either side of the bounds, a quote the customer turned down, one in another
// currency, a pending one and another team's customer are there so a wrong rule changes the figures.
import type { Database } from '../../../src/domain/db/database.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';
import { teamCurrency } from '../../../src/domain/quotes/currency.ts';
import { makeCustomer } from '../interactions/world.ts';

/** The team and its two reps (Rita owns A C D G K, Rob B E F H I; J is in the pool); quotes are in the team's currency. */
export async function rfmFixture(db: Database, w: { team: { id: number }; rep: { id: number }; rep2: { id: number } }, names: string[] = 'ABCDEFGHIJK'.split('')) {
  const money = await teamCurrency(db.prisma, w.team.id);
  const [A, B, C, D, E, F, G, H, I, J, K] = names as [string, string, string, string, string, string, string, string, string, string, string];
  const ids: Record<string, number> = {};
  const customer = async (name: string, ownerId: number | null, teamId = w.team.id) => {
    const c = await makeCustomer(db, teamId, { name, ownerId, createdAt: new Date('2026-01-01T00:00:00Z') });
    ids[name] = c.id;
    return c.id;
  };
  const talk = (customerId: number, ...at: string[]) =>
    db.prisma.interaction.createMany({ data: at.map((a) => ({ customerId, authorId: w.rep.id, occurredAt: new Date(a), summary: 'call' })) });
  const quote = (customerId: number, decidedAt: string, total: number, more: { currency?: string; status?: 'approved' | 'pending' | 'rejected'; outcome?: 'accepted' | 'negotiating' | 'rejected'; outcomeAt?: string } = {}) =>
    db.prisma.quote.create({
      data: { customerId, authorId: w.rep.id, teamId: w.team.id, currency: more.currency ?? money, status: more.status ?? 'approved', decidedAt: new Date(decidedAt), totalMinor: BigInt(total), outcome: more.outcome, outcomeAt: more.outcomeAt ? new Date(more.outcomeAt) : undefined },
    });

  const a = await customer(A, w.rep.id);
  await talk(a, '2026-10-30T02:00:00Z', '2026-10-20T02:00:00Z', '2026-10-12T02:00:00Z', '2026-09-10T02:00:00Z');
  await quote(a, '2026-10-25T02:00:00Z', 900);
  const b = await customer(B, w.rep2.id);
  await talk(b, '2026-10-29T02:00:00Z', '2026-10-15T02:00:00Z');
  // Approved early in October, accepted late on its last evening (23:00 in Shanghai): the latest activity of all.
  await quote(b, '2026-10-05T02:00:00Z', 500, { outcome: 'accepted', outcomeAt: '2026-10-31T15:00:00Z' });
  await quote(b, '2026-09-05T02:00:00Z', 700);
  const c = await customer(C, w.rep.id);
  await talk(c, '2026-10-27T02:00:00Z', '2026-09-20T02:00:00Z', '2026-09-21T02:00:00Z', '2026-09-22T02:00:00Z');
  await quote(c, '2026-09-15T02:00:00Z', 2000);
  const d = await customer(D, w.rep.id);
  await talk(d, '2026-09-25T02:00:00Z');
  const e = await customer(E, w.rep2.id);
  await talk(e, '2026-06-01T02:00:00Z');
  const f = await customer(F, w.rep2.id);
  await talk(f, '2026-10-02T02:00:00Z', '2026-10-03T02:00:00Z', '2026-10-04T02:00:00Z', '2026-10-05T02:00:00Z', '2026-10-06T02:00:00Z', '2026-08-01T02:00:00Z');
  const g = await customer(G, w.rep.id);
  await talk(g, '2026-10-18T01:00:00Z');
  await quote(g, '2026-10-18T02:00:00Z', 3000, { outcome: 'rejected', outcomeAt: '2026-10-19T02:00:00Z' });
  const h = await customer(H, w.rep2.id);
  await quote(h, '2026-10-22T02:00:00Z', 1200, { currency: 'EUR' });
  await quote(h, '2026-10-23T02:00:00Z', 400, { outcome: 'negotiating', outcomeAt: '2026-10-24T02:00:00Z' });
  await quote(h, '2026-10-24T02:00:00Z', 9999, { status: 'rejected' });
  const i = await customer(I, w.rep2.id);
  await talk(i, '2026-09-30T15:59:00Z');
  const j = await customer(J, null);
  await talk(j, '2026-09-30T16:00:00Z', '2026-10-31T16:00:00Z');
  const k = await customer(K, w.rep.id);
  await db.prisma.quote.create({ data: { customerId: k, authorId: w.rep.id, teamId: w.team.id, status: 'pending', totalMinor: 5000n, submittedAt: new Date('2026-10-10T02:00:00Z') } });
  const other = await makeTeam(db);
  const stranger = await makeUser(db, other.id);
  const x = await customer('X', stranger.id, other.id);
  await db.prisma.interaction.create({ data: { customerId: x, authorId: stranger.id, occurredAt: new Date('2026-10-31T10:00:00Z'), summary: 'call' } });
  return ids;
}
