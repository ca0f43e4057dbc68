// The lead score in the database: recomputed when a contact is logged, a lead handed to sales once
// when it reaches the team's threshold, accepted or declined by the right people, and returned to
// the pool when nobody accepts it in time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectHandoffs } from '../../../src/domain/funnel/effects.ts';
import { acceptHandoff, declineHandoff, expireHandoffs } from '../../../src/domain/funnel/handoff.ts';
import { customerScore, hotCustomers } from '../../../src/domain/funnel/hot.ts';
import { signalsOf } from '../../../src/domain/funnel/rescore.ts';
import { logInteraction } from '../../../src/domain/interactions/log.ts';
import { changeTeamSetting } from '../../../src/domain/teams/settings.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { HOUR } from '../../support/fixtures.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('lead score and hand-off', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  /** A tier A lead with a large budget: 25 points before any contact. */
  async function warmLead(ownerId: number | null) {
    const c = await makeCustomer(db, w.team.id, { ownerId, tier: 'A' });
    return db.prisma.customer.update({ where: { id: c.id }, data: { budgetMaxMinor: 20_000_000n, budgetCurrency: 'USD', ownerAssignedAt: ownerId ? w.clock.now() : null } });
  }
  const log = (userId: typeof w.rep, customerId: number, channel: 'visit' | 'meeting' | 'call' | 'email', mood?: 'positive') =>
    collectHandoffs(() => logInteraction(w.ctx(userId), { customerId, channel, summary: `${channel} notes`, ...(mood ? { mood } : {}) }));

  it('hands a lead to its owner exactly when the score reaches 80, once', async () => {
    const c = await warmLead(w.rep.id);
    for (const ch of ['visit', 'meeting', 'call'] as const) expect((await log(w.rep, c.id, ch, 'positive')).handoffs).toEqual([]);
    // 3 contacts 9 + this week 15 + visit 20 + positive 10 + tier A 15 + large budget 10 = 79.
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ score: 79, status: 'lead' });
    const fourth = await log(w.rep, c.id, 'email');
    expect(fourth.handoffs).toHaveLength(1);
    const [e] = fourth.handoffs;
    expect(e).toMatchObject({ ownerId: w.rep.id, score: 82, threshold: 80, customer: { id: c.id } });
    expect(e!.deadline.toISOString()).toBe(new Date(w.clock.now().getTime() + 48 * HOUR).toISOString());
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ score: 82, status: 'intent' });
    const status = (await auditRows(db, 'customer', c.id)).filter((a) => a.action === 'status');
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ before: { status: 'lead' }, after: { status: 'intent', score: 82, threshold: 80 } });
    // Already interested: more contacts raise the score but hand nothing off again.
    expect((await log(w.rep, c.id, 'visit', 'positive')).handoffs).toEqual([]);
    expect(await db.prisma.leadHandoff.count({ where: { customerId: c.id } })).toBe(1);

    const why = await customerScore(w.ctx(w.rep), c.id);
    expect(why.parts.find((p) => p.code === 'channel')).toEqual({ code: 'channel', points: 20, params: { channel: 'visit', days: 7 } });

    expect(await failure(acceptHandoff(w.ctx(w.rep2), e!.handoffId))).toMatchObject({ code: 'forbidden', reason: 'handoff.not_yours' });
    expect((await acceptHandoff(w.ctx(w.rep), e!.handoffId)).handoff.status).toBe('accepted');
    expect(await failure(acceptHandoff(w.ctx(w.rep), e!.handoffId))).toMatchObject({ code: 'conflict', reason: 'handoff.already_decided' });
    expect(await failure(declineHandoff(w.ctx(w.manager), e!.handoffId))).toMatchObject({ reason: 'handoff.already_decided' });
    // Accepted: the deadline passing changes nothing.
    w.clock.advance(49 * HOUR);
    expect(await expireHandoffs(db.prisma, w.clock, w.team.id)).toEqual([]);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).ownerId).toBe(w.rep.id);
  });

  it('offers a pool lead to the team; the first to accept takes it', async () => {
    const c = await warmLead(null);
    for (const ch of ['visit', 'meeting', 'call'] as const) await log(w.rep2, c.id, ch, 'positive');
    const { handoffs } = await log(w.rep2, c.id, 'email');
    expect(handoffs).toMatchObject([{ ownerId: null }]);
    const [a, b] = await Promise.allSettled([acceptHandoff(w.ctx(w.rep), handoffs[0]!.handoffId), acceptHandoff(w.ctx(w.rep2), handoffs[0]!.handoffId)]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const owner = (await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).ownerId;
    expect([w.rep.id, w.rep2.id]).toContain(owner);
    expect((await auditRows(db, 'customer', c.id)).filter((x) => x.action === 'handoff_accept')).toHaveLength(1);
  });

  it('returns a lead nobody accepted to the pool once, with a note, and a declined one at once', async () => {
    const c = await warmLead(w.rep.id);
    for (const ch of ['visit', 'meeting', 'call', 'email'] as const) await log(w.rep, c.id, ch, 'positive');
    const pending = await db.prisma.leadHandoff.findFirstOrThrow({ where: { customerId: c.id } });
    w.clock.advance(47 * HOUR);
    expect(await expireHandoffs(db.prisma, w.clock, w.team.id)).toEqual([]);
    w.clock.advance(2 * HOUR);
    const owed: number[] = [];
    const [first, second] = await Promise.all([
      expireHandoffs(db.prisma, w.clock, w.team.id, async (_tx, e) => void owed.push(e.handoffId)),
      expireHandoffs(db.prisma, w.clock, w.team.id, async (_tx, e) => void owed.push(e.handoffId)),
    ]);
    expect([...first, ...second].map((e) => e.handoffId)).toEqual([pending.id]);
    expect(owed).toEqual([pending.id]);
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ ownerId: null, status: 'intent' });
    expect((await auditRows(db, 'customer', c.id)).at(-1)).toMatchObject({ action: 'pool_return', after: { ownerId: null, note: 'handoff_expired', hours: 48 } });

    const d = await warmLead(w.rep.id);
    for (const ch of ['visit', 'meeting', 'call', 'email'] as const) await log(w.rep, d.id, ch, 'positive');
    const h = await db.prisma.leadHandoff.findFirstOrThrow({ where: { customerId: d.id } });
    await declineHandoff(w.ctx(w.rep), h.id);
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ ownerId: null, status: 'intent' });
  });

  it("hands off at the team's own threshold and lists the hottest first", async () => {
    expect(await failure(changeTeamSetting(w.ctx(w.manager), { setting: 'scoreThreshold', value: 0 }))).toMatchObject({ code: 'invalid', reason: 'team.bad_score_threshold' });
    expect(await failure(changeTeamSetting(w.ctx(w.rep), { setting: 'scoreThreshold', value: 50 }))).toMatchObject({ code: 'forbidden' });
    expect((await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreThreshold', value: 50 })).scoreThreshold).toBe(50);
    try {
      const c = await warmLead(w.rep.id);
      // 3 + 15 + 20 + tier 15 + budget 10 = 63: over 50 at the first visit.
      expect((await log(w.rep, c.id, 'visit')).handoffs).toMatchObject([{ score: 63, threshold: 50 }]);
      const hot = await hotCustomers(w.ctx(w.manager), 50);
      expect(hot.map((x) => x.score)).toEqual([...hot.map((x) => x.score)].sort((a, b) => b - a));
      expect(hot.every((x) => x.status === 'lead' || x.status === 'intent')).toBe(true);
      // A rep sees only their own and the pool's.
      expect((await hotCustomers(w.ctx(w.rep2), 50)).every((x) => x.owner === null || x.owner.id === w.rep2.id)).toBe(true);
    } finally {
      await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreThreshold', value: 80 });
    }
  });

  it('reads a busy lead\'s channels once each, not every contact: the deepest, the first used among equals, in 30 and in 7 days', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const at = (daysAgo: number) => new Date(w.clock.now().getTime() - daysAgo * 24 * HOUR);
    const rows = [...Array.from({ length: 12 }, (_, i) => ({ channel: 'call' as const, daysAgo: 20 - i })), { channel: 'email' as const, daysAgo: 25 }, { channel: 'meeting' as const, daysAgo: 10 }, { channel: 'visit' as const, daysAgo: 3 }, { channel: 'meeting' as const, daysAgo: 2 }];
    await db.prisma.interaction.createMany({ data: rows.map((r) => ({ customerId: c.id, authorId: w.rep.id, channel: r.channel, summary: 'x', occurredAt: at(r.daysAgo) })) });
    const r = await signalsOf(db.prisma, c.id, w.clock.now());
    const recent = (typeof r!.recent === 'string' ? JSON.parse(r!.recent) : r!.recent) as Array<{ channel: string; week: boolean }>;
    expect(recent).toEqual([
      { channel: 'email', week: false }, { channel: 'call', week: false }, { channel: 'meeting', week: false }, { channel: 'visit', week: false },
      { channel: 'visit', week: true }, { channel: 'meeting', week: true },
    ]);
    const why = await customerScore(w.ctx(w.rep), c.id);
    // meeting and visit are equally deep: in 7 days the visit came first.
    expect(why.parts.find((p) => p.code === 'channel')).toMatchObject({ params: { channel: 'visit', days: 7 } });
  });
});
