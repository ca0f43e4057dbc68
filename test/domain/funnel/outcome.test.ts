// The customer's answer to an approved quote: only after approval, only the author or a manager,
// a rejection needs its reason, acceptance wins the deal with the quote's value, all audited.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordQuoteOutcome } from '../../../src/domain/funnel/outcome.ts';
import { decideQuote } from '../../../src/domain/quotes/decide.ts';
import { submitQuote } from '../../../src/domain/quotes/submit.ts';
import { createQuote } from '../../../src/domain/quotes/write.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('recordQuoteOutcome', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  async function quote(opts: { approve?: boolean; status?: 'lead' | 'intent' } = {}) {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id, status: opts.status ?? 'intent' });
    const q = await createQuote(w.ctx(w.rep), { customerId: c.id, currency: 'USD', lines: [{ product: 'Plan', quantity: 3, unitPriceMinor: 40_000n }], discountBps: 0 });
    await submitQuote(w.ctx(w.rep), q.id);
    if (opts.approve !== false) await decideQuote(w.ctx(w.manager), q.id, { decision: 'approve' });
    return { customer: c, quote: q };
  }

  it('refuses before approval and writes nothing', async () => {
    const { quote: q } = await quote({ approve: false });
    expect(await failure(recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'accepted' }))).toMatchObject({ code: 'conflict', reason: 'quote.outcome_not_approved', details: { status: 'pending' } });
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).outcome).toBeNull();
    expect((await auditRows(db, 'quote', q.id)).map((a) => a.action)).toEqual(['create', 'submit']);
  });

  it('asks for the reason of a rejection and writes nothing without it', async () => {
    const { quote: q } = await quote();
    expect(await failure(recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'rejected' }))).toMatchObject({ code: 'invalid', reason: 'quote.outcome_reason_required' });
    expect(await failure(recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'rejected', reason: '   ' }))).toMatchObject({ reason: 'quote.outcome_reason_required' });
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).outcome).toBeNull();
    const r = await recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'rejected', reason: 'went with a cheaper vendor' });
    expect(r.quote).toMatchObject({ outcome: 'rejected', outcomeReason: 'went with a cheaper vendor', outcomeById: w.rep.id });
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: r.quote.customerId } })).status).toBe('intent');
  });

  it("lets the author or a manager answer, not another rep", async () => {
    const { quote: q } = await quote();
    expect(await failure(recordQuoteOutcome(w.ctx(w.rep2), q.id, { outcome: 'negotiating' }))).toMatchObject({ code: 'forbidden', reason: 'quote.outcome_not_yours' });
    expect((await recordQuoteOutcome(w.ctx(w.manager), q.id, { outcome: 'negotiating', reason: 'wants 5% off' })).quote.outcome).toBe('negotiating');
  });

  it('accepting moves the customer to deal with the quote total as its value, once', async () => {
    const { customer, quote: q } = await quote({ status: 'lead' });
    await recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'negotiating' });
    const r = await recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'accepted' });
    expect(r).toMatchObject({ changed: true, movedFrom: 'lead' });
    const c = await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(c).toMatchObject({ status: 'deal', dealValueMinor: 120_000n, dealCurrency: 'USD' });
    expect(c.dealAt!.toISOString()).toBe(w.clock.now().toISOString());
    const trail = await auditRows(db, 'customer', customer.id);
    expect(trail.map((a) => a.action)).toEqual(['status', 'deal']);
    expect(trail[0]).toMatchObject({ before: { status: 'lead' }, after: { status: 'deal', quoteId: q.id }, actorId: w.rep.id });
    expect((await auditRows(db, 'quote', q.id)).filter((a) => a.action === 'outcome').map((a) => (a.after as { outcome: string }).outcome)).toEqual(['negotiating', 'accepted']);

    // The same answer again changes nothing; a different one after a final answer is refused.
    const again = await recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'accepted' });
    expect(again.changed).toBe(false);
    expect(await failure(recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'rejected', reason: 'changed their mind' }))).toMatchObject({ code: 'conflict', reason: 'quote.outcome_final' });
    expect((await auditRows(db, 'customer', customer.id)).length).toBe(2);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).dealValueMinor).toBe(120_000n);
  });

  it('two answers at the same moment: one lands', async () => {
    const { customer, quote: q } = await quote();
    const results = await Promise.allSettled([
      recordQuoteOutcome(w.ctx(w.rep), q.id, { outcome: 'accepted' }),
      recordQuoteOutcome(w.ctx(w.manager), q.id, { outcome: 'accepted' }),
    ]);
    expect(results.every((r) => r.status === 'fulfilled' || (r.reason as { name?: string }).name === 'DomainError')).toBe(true);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).dealValueMinor).toBe(120_000n);
    expect((await auditRows(db, 'customer', customer.id)).filter((a) => a.action === 'deal')).toHaveLength(1);
  });
});
