// Ownership by hand, on both engines: the first claimer wins, the daily cap holds under racing
// claims, assign and release follow the roles, bulk moves a departing rep's book, open tasks follow
// the customer, every change is audited; and races (two claims, claim vs return, assign vs claim)
// end in exactly one outcome.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { assignCustomer, bulkAssign, claimCustomer, releaseCustomer } from '../../../src/domain/pool/ownership.ts';
import { sweepTeam } from '../../../src/domain/pool/sweep.ts';
import { claimTask } from '../../../src/domain/tasks/claim.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { HOUR, makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('customer ownership and the pool', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db?.drop());

  const ownerOf = async (id: number) => (await db.prisma.customer.findUniqueOrThrow({ where: { id } })).ownerId;

  it('a claim makes the claimer owner, brings the open tasks along, and is audited with the door', async () => {
    const c = await makeCustomer(db, w.team.id, { name: 'Pool Co' });
    const open = await db.prisma.task.create({ data: { teamId: w.team.id, customerId: c.id, title: 'call', ownerId: null } });
    const done = await db.prisma.task.create({ data: { teamId: w.team.id, customerId: c.id, title: 'old', ownerId: null, status: 'done' } });
    const change = await claimCustomer(w.ctx(w.rep), c.id);
    expect(change).toMatchObject({ before: null, after: { id: w.rep.id }, tasksMoved: 1 });
    const after = await db.prisma.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.ownerId).toBe(w.rep.id);
    expect(after.ownerAssignedAt).toEqual(w.clock.now());
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: open.id } })).ownerId).toBe(w.rep.id);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: done.id } })).ownerId).toBeNull();
    expect(await auditRows(db, 'customer', c.id)).toMatchObject([{ action: 'claim', actorId: w.rep.id, door: 'console', before: { ownerId: null }, after: { ownerId: w.rep.id, tasks: 1 } }]);
    // Claiming again says it is already yours; a colleague learns who has it.
    expect(await failure(claimCustomer(w.ctx(w.rep), c.id))).toMatchObject({ code: 'conflict', reason: 'customer.already_claimed', details: { yours: true } });
    expect(await failure(claimCustomer(w.ctx(w.rep2), c.id))).toMatchObject({ code: 'conflict', reason: 'customer.already_claimed', details: { winner: 'Rita Rep', yours: false } });
  });

  it('ten reps claiming at once: exactly one wins, the others are told who', async () => {
    const c = await makeCustomer(db, w.team.id);
    const reps = await Promise.all(Array.from({ length: 10 }, (_, i) => makeUser(db, w.team.id, { name: `Racer ${engine} ${i}` })));
    const results = await Promise.allSettled(reps.map((r) => claimCustomer(w.ctx(r), c.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = reps.find((r) => r.id === results.flatMap((x) => (x.status === 'fulfilled' ? [x.value.after!.id] : []))[0])!;
    expect(await ownerOf(c.id)).toBe(winner.id);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ reason: 'customer.already_claimed', details: { winner: winner.displayName } });
    expect(await auditRows(db, 'customer', c.id)).toHaveLength(1);
  });

  it('the daily cap holds when one rep claims several at once, and resets at their local midnight', async () => {
    const rep = await makeUser(db, w.team.id, { name: `Capped ${engine}`, timeZone: 'Asia/Shanghai' });
    await db.prisma.team.update({ where: { id: w.team.id }, data: { claimsPerDay: 2 } });
    try {
      const cs = await Promise.all([1, 2, 3].map(() => makeCustomer(db, w.team.id)));
      const results = await Promise.allSettled(cs.map((c) => claimCustomer(w.ctx(rep), c.id)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'forbidden', reason: 'customer.claims_cap', details: { limit: 2 } });
      const left = cs.find((_, i) => results[i]!.status === 'rejected')!;
      expect(await ownerOf(left.id)).toBeNull();
      // 02:00Z is 10:00 in Shanghai; 16:00Z is the next local day there.
      w.clock.set('2026-11-23T16:30:00Z');
      expect((await claimCustomer(w.ctx(rep), left.id)).after!.id).toBe(rep.id);
    } finally {
      w.clock.set('2026-11-23T02:00:00Z');
      await db.prisma.team.update({ where: { id: w.team.id }, data: { claimsPerDay: 20 } });
    }
  });

  it('only pool customers can be claimed: not a closed one, not another team’s', async () => {
    const won = await makeCustomer(db, w.team.id, { status: 'deal' });
    expect(await failure(claimCustomer(w.ctx(w.rep), won.id))).toMatchObject({ code: 'conflict', reason: 'customer.not_in_pool' });
    const other = await makeWorld(db);
    const foreign = await makeCustomer(db, other.team.id);
    expect(await failure(claimCustomer(w.ctx(w.rep), foreign.id))).toMatchObject({ code: 'not_found' });
    expect(await ownerOf(foreign.id)).toBeNull();
  });

  it('assign is for managers; the owner or a manager releases; each change audited with before and after', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const task = await db.prisma.task.create({ data: { teamId: w.team.id, customerId: c.id, title: 'follow up', ownerId: w.rep.id } });
    expect(await failure(assignCustomer(w.ctx(w.rep), c.id, w.rep2.id))).toMatchObject({ code: 'forbidden', reason: 'customer.needs_manager' });
    expect(await failure(releaseCustomer(w.ctx(w.rep2), c.id))).toMatchObject({ code: 'forbidden', reason: 'customer.needs_manager' });
    const moved = await assignCustomer(w.ctx(w.manager), c.id, w.rep2.id);
    expect(moved).toMatchObject({ before: { id: w.rep.id, displayName: 'Rita Rep' }, after: { id: w.rep2.id }, tasksMoved: 1 });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).ownerId).toBe(w.rep2.id);
    expect(await failure(assignCustomer(w.ctx(w.manager), c.id, w.rep2.id))).toMatchObject({ code: 'conflict', reason: 'customer.already_owner' });
    const other = await makeWorld(db);
    expect(await failure(assignCustomer(w.ctx(w.manager), c.id, other.rep.id))).toMatchObject({ code: 'invalid', reason: 'customer.owner_not_in_team' });
    await releaseCustomer(w.ctx(w.rep2), c.id);
    expect(await ownerOf(c.id)).toBeNull();
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).ownerId).toBeNull();
    expect(await failure(releaseCustomer(w.ctx(w.rep2), c.id))).toMatchObject({ code: 'conflict', reason: 'customer.already_in_pool' });
    expect((await auditRows(db, 'customer', c.id)).map((r) => [r.action, r.actorId, (r.before as { ownerId: number | null }).ownerId, (r.after as { ownerId: number | null }).ownerId])).toEqual([
      ['assign', w.manager.id, w.rep.id, w.rep2.id],
      ['release', w.rep2.id, w.rep2.id, null],
    ]);
    // A manager takes a customer off a rep too.
    await assignCustomer(w.ctx(w.manager), c.id, w.rep.id);
    await releaseCustomer(w.ctx(w.manager), c.id);
    expect(await ownerOf(c.id)).toBeNull();
  });

  it('bulk: a departing rep’s whole book, or a list of ids, goes to one rep in one go', async () => {
    const leaving = await makeUser(db, w.team.id, { name: `Leaving ${engine}` });
    const heir = await makeUser(db, w.team.id, { name: `Heir ${engine}` });
    const book = await Promise.all([1, 2, 3].map(() => makeCustomer(db, w.team.id, { ownerId: leaving.id })));
    await db.prisma.task.create({ data: { teamId: w.team.id, customerId: book[0]!.id, title: 'renewal call', ownerId: leaving.id } });
    expect(await failure(bulkAssign(w.ctx(w.rep), { ownerId: leaving.id }, heir.id))).toMatchObject({ code: 'forbidden' });
    const r = await bulkAssign(w.ctx(w.manager), { ownerId: leaving.id }, heir.id);
    expect(r.moved.map((m) => m.customer.id).sort()).toEqual(book.map((c) => c.id).sort());
    expect(r.moved.every((m) => m.before?.id === leaving.id)).toBe(true);
    expect(await db.prisma.customer.count({ where: { ownerId: leaving.id } })).toBe(0);
    expect(await db.prisma.task.count({ where: { ownerId: leaving.id, status: 'open' } })).toBe(0);
    // A list: one already the heir's, one unknown id, one pool customer.
    const pool = await makeCustomer(db, w.team.id);
    const listed = await bulkAssign(w.ctx(w.manager), { customerIds: [book[0]!.id, pool.id, 99_999_999] }, heir.id);
    expect(listed.moved.map((m) => m.customer.id)).toEqual([pool.id]);
    expect(listed.skipped.map((s) => s.reason).sort()).toEqual(['already_owner', 'not_found']);
    expect(await failure(bulkAssign(w.ctx(w.manager), { customerIds: [] }, heir.id))).toMatchObject({ code: 'invalid', reason: 'customer.bulk_selection' });
  });

  it('claim vs assign at once: one owner, one audit row, the other side told', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await makeCustomer(db, w.team.id);
      const [claim, assign] = await Promise.allSettled([claimCustomer(w.ctx(w.rep), c.id), assignCustomer(w.ctx(w.manager), c.id, w.rep2.id)]);
      const owner = await ownerOf(c.id);
      const rows = await auditRows(db, 'customer', c.id);
      if (claim.status === 'fulfilled' && assign.status === 'fulfilled') {
        // Serialized: the claim first, then the manager deliberately moved it on.
        expect(owner).toBe(w.rep2.id);
        expect(rows.map((r) => r.action)).toEqual(['claim', 'assign']);
      } else {
        expect([claim.status, assign.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
        expect(owner).toBe(claim.status === 'fulfilled' ? w.rep.id : w.rep2.id);
        expect(rows).toHaveLength(1);
        const lost = (claim.status === 'rejected' ? claim : assign) as PromiseRejectedResult;
        expect(lost.reason).toMatchObject({ code: 'conflict' });
        expect(['customer.already_claimed', 'customer.owner_changed']).toContain(lost.reason.reason);
      }
    }
  });

  it('claim vs the return at once: the lead ends in one consistent state', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await db.prisma.customer.create({
        data: { code: `RACE${engine}${round}${Date.now()}`, name: `Racer lead ${round}`, normalizedName: `racer lead ${round}`, teamId: w.team.id, ownerId: w.rep.id, ownerAssignedAt: new Date(w.clock.now().getTime() - 49 * HOUR), tier: 'A' },
      });
      const [sweep, claim] = await Promise.allSettled([sweepTeam(db.prisma, w.clock, w.team.id), claimCustomer(w.ctx(w.rep2), c.id)]);
      expect(sweep.status).toBe('fulfilled');
      const returned = sweep.status === 'fulfilled' && sweep.value.some((e) => e.step === 'return' && e.customer.id === c.id);
      expect(returned).toBe(true);
      const actions = (await auditRows(db, 'customer', c.id)).map((r) => r.action);
      if (claim.status === 'fulfilled') {
        expect(await ownerOf(c.id)).toBe(w.rep2.id);
        expect(actions).toEqual(['pool_return', 'claim']);
      } else {
        expect(claim.reason).toMatchObject({ reason: 'customer.already_claimed', details: { winner: 'Rita Rep' } });
        expect(await ownerOf(c.id)).toBeNull();
        expect(actions).toEqual(['pool_return']);
      }
    }
  });

  it('/task claim on a pool customer’s task claims the customer, so its tasks and owner agree', async () => {
    const c = await makeCustomer(db, w.team.id);
    const [t1, t2] = await Promise.all(['a', 'b'].map((title) => db.prisma.task.create({ data: { teamId: w.team.id, customerId: c.id, title, ownerId: null } })));
    expect((await claimTask(w.ctx(w.rep2), t1!.id)).ownerId).toBe(w.rep2.id);
    expect(await ownerOf(c.id)).toBe(w.rep2.id);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: t2!.id } })).ownerId).toBe(w.rep2.id);
    // A task without a customer is still claimed on its own.
    const loose = await db.prisma.task.create({ data: { teamId: w.team.id, title: 'loose', ownerId: null } });
    expect((await claimTask(w.ctx(w.rep), loose.id)).ownerId).toBe(w.rep.id);
  });
});
