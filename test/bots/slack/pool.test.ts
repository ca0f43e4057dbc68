// The pool through Slack: the hourly rule's return notice reaches the owner's DM with a Claim
// button, `/pool` lists it, two reps press Claim at once and exactly one gets it (the other is told
// who), a manager assigns it with a mention and both owners get a DM, the owner releases it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { sweepAndTell } from '../../../src/scheduler/pool.ts';
import { HOUR } from '../../support/fixtures.ts';
import { buttonsOf, slackWorld, type SlackWorld } from './harness.ts';

describe('the pool in Slack', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    w.fake.users.set('UREP', { real_name: 'Sam Carter', tz: 'Asia/Shanghai', locale: 'en-US' });
    w.fake.users.set('UREP2', { real_name: 'Priya Nair', tz: 'Asia/Shanghai', locale: 'en-US' });
    w.fake.users.set('UADMIN', { real_name: 'Dana Reyes', tz: 'Asia/Shanghai', locale: 'en-US' });
  }, 60_000);
  afterAll(() => w?.close());

  const respondedAt = (url: string) => w.fake.responses.filter((r) => r.url === url).map((r) => r.body);
  const claimButtons = (blocks: unknown) => buttonsOf(blocks).filter((b) => JSON.parse(b.value).action === 'customer.claim');

  it('return notice with Claim, /pool, a race of two Claim clicks, assign by mention, release', async () => {
    const start = w.clock.now();
    for (const u of ['UREP', 'UREP2', 'UADMIN']) await w.post(w.command(u, '/crm', 'whoami').body);
    await w.post(w.command('UREP', '/customer', 'add Acme Robotics tier:A').body);
    await w.settle();
    const acme = await w.db.prisma.customer.findFirstOrThrow({ include: { owner: true } });
    expect(acme.owner?.displayName).toBe('Sam Carter');

    w.clock.set(new Date(start.getTime() + 49 * HOUR));
    w.fake.calls.length = 0;
    await sweepAndTell({ db: w.db, clock: w.clock, outbox: w.outbox, log: silentLogger });
    await w.settle();
    // The 25 h reminder and the 80 % note were skipped by this late sweep: the return is due, and only it is announced.
    const notices = w.fake.called('chat.postMessage');
    const toSam = notices.find((c) => c.args.channel === 'DUREP')!;
    expect(JSON.stringify(toSam.args.blocks)).toContain('Lead returned to the pool');
    const [samClaim] = claimButtons(toSam.args.blocks);
    expect(samClaim).toBeDefined();
    expect((await w.db.prisma.customer.findUniqueOrThrow({ where: { id: acme.id } })).ownerId).toBeNull();

    const list = w.command('UREP2', '/pool', '');
    await w.post(list.body);
    await w.settle();
    const [priyaClaim] = claimButtons(respondedAt(list.responseUrl)[0]?.blocks);
    expect(priyaClaim).toBeDefined();

    // Both press Claim at once: one owner, the other told who won.
    const a = w.click('UREP2', priyaClaim!);
    const b = w.click('UREP', samClaim!);
    const [ra, rb] = await Promise.all([w.post(a.body), w.post(b.body)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await w.settle(300);
    const owner = (await w.db.prisma.customer.findUniqueOrThrow({ where: { id: acme.id }, include: { owner: true } })).owner!;
    expect(['Sam Carter', 'Priya Nair']).toContain(owner.displayName);
    const loserUrl = owner.displayName === 'Priya Nair' ? b.responseUrl : a.responseUrl;
    const winnerUrl = owner.displayName === 'Priya Nair' ? a.responseUrl : b.responseUrl;
    expect(JSON.stringify(respondedAt(winnerUrl))).toContain('is yours now');
    expect(JSON.stringify(respondedAt(loserUrl))).toContain(`${owner.displayName} claimed Acme Robotics first.`);
    expect(await w.db.prisma.auditEvent.count({ where: { entity: 'customer', entityId: String(acme.id), action: 'claim' } })).toBe(1);

    // The admin assigns it to the other rep by mention: both get a DM.
    const other = owner.displayName === 'Priya Nair' ? { id: 'UREP', name: 'sam' } : { id: 'UREP2', name: 'priya' };
    w.fake.calls.length = 0;
    const assign = w.command('UADMIN', '/customer', `assign Acme <@${other.id}|${other.name}>`);
    await w.post(assign.body);
    await w.settle(300);
    expect(JSON.stringify(respondedAt(assign.responseUrl))).toContain(`moved from ${owner.displayName}`);
    // A notice about a customer the person heard of within 5 minutes edits that message (the budget's folding).
    const dms = [...w.fake.called('chat.postMessage'), ...w.fake.called('chat.update')].map((c) => [c.args.channel, JSON.stringify(c.args.blocks)]);
    expect(dms.find(([ch]) => ch === `D${other.id}`)?.[1]).toContain('Dana Reyes gave you Acme Robotics');
    const ownerSlack = owner.displayName === 'Priya Nair' ? 'UREP2' : 'UREP';
    expect(dms.find(([ch]) => ch === `D${ownerSlack}`)?.[1]).toContain('gave your customer Acme Robotics');

    const release = w.command(other.id, '/customer', 'release Acme');
    await w.post(release.body);
    await w.settle();
    expect(JSON.stringify(respondedAt(release.responseUrl))).toContain('is back in the shared pool');
    expect((await w.db.prisma.customer.findUniqueOrThrow({ where: { id: acme.id } })).ownerId).toBeNull();
  }, 60_000);
});
