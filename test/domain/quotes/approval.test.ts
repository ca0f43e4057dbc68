import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideQuote } from '../../../src/domain/quotes/decide.ts';
import { submitQuote } from '../../../src/domain/quotes/submit.ts';
import { createQuote, editQuote } from '../../../src/domain/quotes/write.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('submitQuote and decideQuote', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  async function draft(author = w.rep, discountBps = 1000, unitPriceMinor: bigint = 10_000n) {
    const c = await makeCustomer(db, author.teamId, { ownerId: author.id });
    return createQuote(w.ctx(author), { customerId: c.id, lines: [{ product: 'Plan', quantity: 10, unitPriceMinor }], discountBps });
  }

  it("sends a quote within the manager's limits to the author's manager", async () => {
    const q = await draft(w.rep, 1500); // exactly at the team's 15% limit
    const r = await submitQuote(w.ctx(w.rep), q.id);
    expect(r.level).toBe('manager');
    expect(r.approvers.map((a) => a.id)).toEqual([w.manager.id]);
    expect(r.quote).toMatchObject({ status: 'pending', version: q.version + 1 });
    expect(r.quote.submittedAt!.toISOString()).toBe(w.clock.now().toISOString());
    expect((await auditRows(db, 'quote', q.id)).map((a) => a.action)).toEqual(['create', 'submit']);
    expect(await failure(submitQuote(w.ctx(w.rep), q.id))).toMatchObject({ code: 'conflict', reason: 'quote.not_draft' });
  });

  it('needs an admin above the discount limit or above the total limit', async () => {
    const overDiscount = await submitQuote(w.ctx(w.rep), (await draft(w.rep, 1501)).id);
    expect(overDiscount.level).toBe('admin');
    expect(overDiscount.approvers.map((a) => a.id)).toEqual([w.admin.id]);

    await db.prisma.team.update({ where: { id: w.team.id }, data: { managerMaxTotalMinor: 90_000n } });
    try {
      const atLimit = await submitQuote(w.ctx(w.rep), (await draft(w.rep, 1000)).id); // total 90,000
      expect(atLimit.level).toBe('manager');
      const overTotal = await submitQuote(w.ctx(w.rep), (await draft(w.rep, 999)).id); // total 90,010
      expect(overTotal.level).toBe('admin');
      expect(await failure(decideQuote(w.ctx(w.manager), overTotal.quote.id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden', reason: 'quote.needs_admin' });
      expect((await decideQuote(w.ctx(w.admin), overTotal.quote.id, { decision: 'approve' })).status).toBe('approved');
    } finally {
      await db.prisma.team.update({ where: { id: w.team.id }, data: { managerMaxTotalMinor: null } });
    }
  });

  it("asks the team's managers and admins when the author's manager is gone, never the author", async () => {
    const t = await makeTeam(db);
    const boss = await makeUser(db, t.id, { name: 'Old Boss', role: 'manager' });
    const author = await makeUser(db, t.id, { name: 'Author', role: 'manager', managerId: boss.id });
    const m2 = await makeUser(db, t.id, { name: 'Other Manager', role: 'manager' });
    const a2 = await makeUser(db, t.id, { name: 'Team Admin', role: 'admin' });
    await db.prisma.user.update({ where: { id: boss.id }, data: { active: false } });
    const r = await submitQuote(w.ctx(author), (await draft(author)).id);
    expect(r.approvers.map((a) => a.id)).toEqual([m2.id, a2.id]);
    expect(await failure(decideQuote(w.ctx(author), r.quote.id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden', reason: 'quote.own_quote' });
  });

  it('refuses to submit when nobody could approve, leaving the draft as it was', async () => {
    const t = await makeTeam(db);
    const lonelyAdmin = await makeUser(db, t.id, { name: 'Only Admin', role: 'admin' });
    // Admins elsewhere exist in this database, so make them inactive for this case.
    const others = await db.prisma.user.findMany({ where: { role: 'admin', id: { not: lonelyAdmin.id }, active: true } });
    await db.prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      const q = await draft(lonelyAdmin, 2000);
      expect(await failure(submitQuote(w.ctx(lonelyAdmin), q.id))).toMatchObject({ code: 'conflict', reason: 'quote.no_approver', details: { level: 'admin' } });
      expect(await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: 'draft', version: q.version });
    } finally {
      await db.prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });

  it('lets only the author submit, and nobody decide a draft', async () => {
    const q = await draft();
    expect(await failure(submitQuote(w.ctx(w.manager), q.id))).toMatchObject({ code: 'forbidden', reason: 'quote.not_author' });
    expect(await failure(decideQuote(w.ctx(w.manager), q.id, { decision: 'approve' }))).toMatchObject({ code: 'conflict', reason: 'quote.not_pending' });
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('draft');
  });

  it('allows only approvers: not reps, not managers of other teams, not the author', async () => {
    const { quote } = await submitQuote(w.ctx(w.rep), (await draft()).id);
    expect(await failure(decideQuote(w.ctx(w.rep), quote.id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden', reason: 'quote.own_quote' });
    expect(await failure(decideQuote(w.ctx(w.rep2), quote.id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden', reason: 'quote.needs_manager' });
    const other = await makeWorld(db);
    expect(await failure(decideQuote(other.ctx(other.manager), quote.id, { decision: 'approve' }))).toMatchObject({ code: 'forbidden', reason: 'quote.other_team' });
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('pending');
    // An admin of another team may decide.
    expect((await decideQuote(other.ctx(other.admin), quote.id, { decision: 'approve' })).decidedById).toBe(other.admin.id);
  });

  it('needs a reason to reject; records who, when and why; a second decision is a conflict naming the first', async () => {
    const { quote } = await submitQuote(w.ctx(w.rep), (await draft()).id);
    expect(await failure(decideQuote(w.ctx(w.manager), quote.id, { decision: 'reject' }))).toMatchObject({ code: 'invalid', reason: 'quote.reason_required' });
    expect(await failure(decideQuote(w.ctx(w.manager), quote.id, { decision: 'reject', reason: '   ' }))).toMatchObject({ code: 'invalid', reason: 'quote.reason_required' });
    const rejected = await decideQuote(w.ctx(w.manager), quote.id, { decision: 'reject', reason: 'margin too thin' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedById: w.manager.id, decisionReason: 'margin too thin', decidedBy: { displayName: 'Mara Manager' } });
    expect(await failure(decideQuote(w.ctx(w.admin), quote.id, { decision: 'approve' }))).toMatchObject({
      code: 'conflict',
      reason: 'quote.already_decided',
      details: { by: 'Mara Manager', decision: 'rejected', at: w.clock.now().toISOString() },
    });
    expect((await auditRows(db, 'quote', quote.id)).map((a) => a.action)).toEqual(['create', 'submit', 'reject']);
  });

  it('two parallel decisions on one quote give exactly one decision', async () => {
    const { quote } = await submitQuote(w.ctx(w.rep), (await draft()).id);
    const results = await Promise.allSettled([
      decideQuote(w.ctx(w.manager), quote.id, { decision: 'approve' }),
      decideQuote(w.ctx(w.admin), quote.id, { decision: 'reject', reason: 'no' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const final = await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { decidedBy: true } });
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', reason: 'quote.already_decided', details: { by: final.decidedBy!.displayName, decision: final.status } });
    expect(final.version).toBe(quote.version + 1);
    expect((await auditRows(db, 'quote', quote.id)).filter((a) => a.action === 'approve' || a.action === 'reject')).toHaveLength(1);
  });

  it('goes back to draft when a rejected quote is edited, and can be resubmitted and approved; old buttons are stale', async () => {
    const first = await submitQuote(w.ctx(w.rep), (await draft()).id);
    await decideQuote(w.ctx(w.manager), first.quote.id, { decision: 'reject', reason: 'too cheap' });
    expect(await failure(submitQuote(w.ctx(w.rep), first.quote.id))).toMatchObject({ code: 'conflict', reason: 'quote.not_draft' });
    const edited = await editQuote(w.ctx(w.rep), first.quote.id, { discountBps: 500 });
    expect(edited).toMatchObject({ status: 'draft', decidedById: null, decisionReason: null, totalMinor: 95_000n });
    const again = await submitQuote(w.ctx(w.rep), edited.id);
    expect(await failure(decideQuote(w.ctx(w.manager), edited.id, { decision: 'approve', expectedVersion: first.quote.version }))).toMatchObject({ code: 'conflict', reason: 'quote.stale' });
    const approved = await decideQuote(w.ctx(w.manager), edited.id, { decision: 'approve', expectedVersion: again.quote.version });
    expect(approved).toMatchObject({ status: 'approved', decidedById: w.manager.id, totalMinor: 95_000n });
  });
});
