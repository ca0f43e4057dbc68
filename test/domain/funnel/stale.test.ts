// The lead score's weights as a team setting, and the hourly sweep that rescores what went stale
// without a change to the customer: new weights, a customer never scored (imported), or a contact
// passing the 7- or 30-day line. A lead the sweep lifts past the threshold gets its card once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { staleScores, rescoreStale } from '../../../src/domain/funnel/stale.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/funnel/weights.ts';
import { logInteraction } from '../../../src/domain/interactions/log.ts';
import { changeTeamSetting } from '../../../src/domain/teams/settings.ts';
import type { Outbox } from '../../../src/intents/delivery.ts';
import { rescoreAndTell } from '../../../src/scheduler/rescore.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

const DAY = 86_400_000;

describeEngines('lead score weights and stale scores', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  const score = async (id: number) => (await db.prisma.customer.findUniqueOrThrow({ where: { id } })).score;
  const flushed: number[][] = [];
  const outbox: Outbox = { instanceId: 'test', leaseMs: 60_000, flush: async (ids) => void flushed.push(ids) };

  it('changes some weights (audited, the rest kept), refuses reps and out-of-range points, writing nothing', async () => {
    const s = await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreWeights', value: { channelDeep: 25, channelLight: 2 } });
    expect(s.weights).toEqual({ ...DEFAULT_WEIGHTS, channelDeep: 25, channelLight: 2 });
    const s2 = await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreThreshold', value: 70 });
    expect(s2.weights).toMatchObject({ channelDeep: 25, channelLight: 2, threshold: 70 });
    const [change] = (await auditRows(db, 'team', w.team.id)).filter((a) => a.action === 'setting.scoreWeights');
    expect(change).toMatchObject({ before: { scoreSettings: null }, after: { scoreSettings: { channelDeep: 25, channelLight: 2 } } });
    expect((await db.prisma.team.findUniqueOrThrow({ where: { id: w.team.id } })).scoreSettingsAt?.toISOString()).toBe(w.clock.now().toISOString());

    const before = await db.prisma.team.findUniqueOrThrow({ where: { id: w.team.id } });
    expect(await failure(changeTeamSetting(w.ctx(w.rep), { setting: 'scoreWeights', value: { tierA: 50 } }))).toMatchObject({ code: 'forbidden' });
    expect(await failure(changeTeamSetting(w.ctx(w.manager), { setting: 'scoreWeights', value: { tierA: 101 } }))).toMatchObject({ reason: 'team.bad_score_weight', details: { value: 101, min: 0, max: 100 } });
    expect(await failure(changeTeamSetting(w.ctx(w.manager), { setting: 'scoreWeights', value: { threshold: 5 } as never }))).toMatchObject({ reason: 'team.bad_score_weight' });
    expect(await db.prisma.team.findUniqueOrThrow({ where: { id: w.team.id } })).toEqual(before);
    await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreThreshold', value: 80 });
  });

  it('rescores a never-scored customer once, then only when a contact crosses the 7- or 30-day line', async () => {
    // Imported: a tier A lead that no command ever scored.
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, tier: 'A' });
    await rescoreStale(db.prisma, w.clock, w.team.id);
    expect(await score(c.id)).toBe(DEFAULT_WEIGHTS.tierA);
    expect(await staleScores(db.prisma, w.team.id, w.clock.now(), 100)).not.toContain(c.id);

    await logInteraction(w.ctx(w.rep), { customerId: c.id, channel: 'call', summary: 'intro call' });
    // 1 contact 3 + within 7 days 15 + a call 10 + tier A 15.
    expect(await score(c.id)).toBe(43);
    w.clock.advance(6 * DAY);
    expect(await staleScores(db.prisma, w.team.id, w.clock.now(), 100)).not.toContain(c.id);
    w.clock.advance(2 * DAY);
    expect(await staleScores(db.prisma, w.team.id, w.clock.now(), 100)).toContain(c.id);
    await rescoreStale(db.prisma, w.clock, w.team.id);
    // Within 30 days now: 3 + 8 + half the call 5 + 15.
    expect(await score(c.id)).toBe(31);
    expect(await staleScores(db.prisma, w.team.id, w.clock.now(), 100)).not.toContain(c.id);
    w.clock.advance(23 * DAY);
    await rescoreStale(db.prisma, w.clock, w.team.id);
    expect(await score(c.id)).toBe(3 + 15);
  });

  it('after a weight change rescores every open lead, hands off the one that now reaches the threshold, and tells its owner once', async () => {
    const warm = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, tier: 'A' });
    const deal = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, tier: 'A', status: 'deal' });
    for (const channel of ['visit', 'meeting'] as const) await logInteraction(w.ctx(w.rep), { customerId: warm.id, channel, summary: `${channel} notes`, mood: 'positive' });
    // 2 contacts 6 + 7 days 15 + a visit 25 (this team's) + positive 10 + tier A 15.
    expect(await score(warm.id)).toBe(71);
    expect(await staleScores(db.prisma, w.team.id, w.clock.now(), 100)).toEqual([]);

    w.clock.advance(60_000);
    await changeTeamSetting(w.ctx(w.manager), { setting: 'scoreWeights', value: { tierA: 25 } });
    const stale = await staleScores(db.prisma, w.team.id, w.clock.now(), 100);
    expect(stale).toContain(warm.id);
    expect(stale).not.toContain(deal.id);

    const [told] = await rescoreAndTell({ db, clock: w.clock, outbox, log: silentLogger });
    expect(told).toMatchObject({ handoffs: 1 });
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: warm.id } })).toMatchObject({ score: 81, status: 'intent' });
    const cards = await db.prisma.outboxMessage.findMany({ where: { key: { endsWith: ':offer' } } });
    expect(cards).toHaveLength(1);
    expect(cards[0]!.message).toMatchObject({ to: { userId: w.rep.id }, reply: { title: expect.stringContaining(warm.name) } });
    expect(flushed.flat()).toContain(cards[0]!.id);

    // Nothing is stale any more: a second sweep (or another replica's) scores and says nothing again.
    expect(await rescoreAndTell({ db, clock: w.clock, outbox, log: silentLogger })).toEqual([{ team: w.team.name, rescored: 0, handoffs: 0 }]);
    expect(await db.prisma.leadHandoff.count({ where: { customerId: warm.id } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { key: { endsWith: ':offer' } } })).toBe(1);
  });
});
