import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuote, editQuote } from '../../../src/domain/quotes/write.ts';
import { getQuote } from '../../../src/domain/quotes/get.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { auditRows, failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('createQuote and editQuote', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  const lines = [
    { product: 'Widget', quantity: 3, unitPriceMinor: 1999n },
    { product: 'Setup', quantity: 1, unitPriceMinor: 5 },
  ];

  it('stores lines and integer totals (BigInt) for a customer the author may act on, audited', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const q = await createQuote(w.ctx(w.rep), { customerId: c.id, currency: 'cny', lines, discountBps: 1250 });
    expect(q).toMatchObject({ status: 'draft', authorId: w.rep.id, teamId: w.team.id, currency: 'CNY', discountBps: 1250, subtotalMinor: 6002n, discountMinor: 750n, totalMinor: 5252n, version: 1 });
    expect(q.lines.map((l) => [l.position, l.product, l.quantity, l.unitPriceMinor, l.lineTotalMinor])).toEqual([
      [1, 'Widget', 3, 1999n, 5997n],
      [2, 'Setup', 1, 5n, 5n],
    ]);
    const stored = await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } });
    expect(typeof stored.totalMinor).toBe('bigint');
    expect((await auditRows(db, 'quote', q.id)).map((a) => a.action)).toEqual(['create']);
    expect((await auditRows(db, 'quote', q.id))[0]!.after).toMatchObject({ totalMinor: '5252' });
  });

  it('refuses bad input and foreign customers, writing nothing', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const theirs = await makeCustomer(db, w.team.id, { ownerId: w.rep2.id });
    const before = await db.prisma.quote.count();
    expect(await failure(createQuote(w.ctx(w.rep), { customerId: c.id, lines: [{ product: 'x', quantity: 1, unitPriceMinor: 9.99 }], discountBps: 0 }))).toMatchObject({ code: 'invalid', details: { field: 'lines.0.unitPriceMinor' } });
    expect(await failure(createQuote(w.ctx(w.rep), { customerId: c.id, lines: [], discountBps: 0 }))).toMatchObject({ code: 'invalid' });
    expect(await failure(createQuote(w.ctx(w.rep), { customerId: c.id, currency: 'USD', lines: [{ ...lines[0]!, currency: 'EUR' }], discountBps: 0 }))).toMatchObject({ code: 'invalid', details: { problem: 'mixed_currencies' } });
    expect(await failure(createQuote(w.ctx(w.rep), { customerId: c.id, currency: 'dollars', lines, discountBps: 0 }))).toMatchObject({ code: 'invalid', details: { field: 'currency' } });
    expect(await failure(createQuote(w.ctx(w.rep), { customerId: theirs.id, lines, discountBps: 0 }))).toMatchObject({ code: 'forbidden' });
    expect(await db.prisma.quote.count()).toBe(before);
  });

  it('edits a draft by its author only, recomputing totals and replacing lines', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const q = await createQuote(w.ctx(w.rep), { customerId: c.id, lines, discountBps: 0 });
    expect(await failure(editQuote(w.ctx(w.manager), q.id, { discountBps: 500 }))).toMatchObject({ code: 'forbidden', reason: 'quote.not_author' });
    const d = await editQuote(w.ctx(w.rep), q.id, { discountBps: 500 });
    expect(d).toMatchObject({ discountBps: 500, subtotalMinor: 6002n, discountMinor: 300n, totalMinor: 5702n, version: 2 });
    expect(d.lines).toHaveLength(2);
    const e = await editQuote(w.ctx(w.rep), q.id, { lines: [{ product: 'Gadget', quantity: 2, unitPriceMinor: 1000 }] });
    expect(e).toMatchObject({ subtotalMinor: 2000n, discountMinor: 100n, totalMinor: 1900n });
    expect(e.lines.map((l) => l.product)).toEqual(['Gadget']);
    expect(await db.prisma.quoteLine.count({ where: { quoteId: q.id } })).toBe(1);
    expect((await auditRows(db, 'quote', q.id)).map((a) => a.action)).toEqual(['create', 'edit', 'edit']);
  });

  it('does not edit a pending or approved quote', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const q = await createQuote(w.ctx(w.rep), { customerId: c.id, lines, discountBps: 0 });
    for (const status of ['pending', 'approved'] as const) {
      await db.prisma.quote.update({ where: { id: q.id }, data: { status } });
      expect(await failure(editQuote(w.ctx(w.rep), q.id, { discountBps: 100 }))).toMatchObject({ code: 'conflict', reason: 'quote.not_editable', details: { status } });
    }
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).discountBps).toBe(0);
  });

  it('shows a quote to its author, team managers and admins only', async () => {
    const c = await makeCustomer(db, w.team.id, { ownerId: w.rep.id });
    const q = await createQuote(w.ctx(w.rep), { customerId: c.id, lines, discountBps: 0 });
    expect((await getQuote(w.ctx(w.rep), q.id)).author.displayName).toBe('Rita Rep');
    expect((await getQuote(w.ctx(w.manager), q.id)).customer.id).toBe(c.id);
    expect(await failure(getQuote(w.ctx(w.rep2), q.id))).toMatchObject({ code: 'not_found' });
    const other = await makeWorld(db);
    expect(await failure(getQuote(other.ctx(other.manager), q.id))).toMatchObject({ code: 'not_found' });
    expect((await getQuote(other.ctx(other.admin), q.id)).id).toBe(q.id);
  });
});
