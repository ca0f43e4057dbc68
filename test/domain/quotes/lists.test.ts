// /quotes waiting: exactly the quotes whose approval card this person was sent (the approver rule read backwards).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuote, submitQuote } from '../../../src/domain/quotes/index.ts';
import { myQuotes, teamQuotes, waitingQuotes } from '../../../src/domain/quotes/lists.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeUser } from '../../support/fixtures.ts';
import { failure, makeCustomer, makeWorld } from '../interactions/world.ts';

describeEngines('quote lists', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  const quote = async (author: typeof w.rep, discountBps = 0, submit = true) => {
    const c = await makeCustomer(db, w.team.id, { ownerId: author.id });
    const q = await createQuote(w.ctx(author), { customerId: c.id, currency: 'USD', lines: [{ product: 'Pro', quantity: 1, unitPriceMinor: 100_000n }], discountBps });
    if (submit) await submitQuote(w.ctx(author), q.id);
    return q.id;
  };

  it('lists for each approver only what was sent to them, oldest first, and nothing for reps', async () => {
    const other = await makeUser(db, w.team.id, { name: 'Otto Manager', role: 'manager' });
    const loner = await makeUser(db, w.team.id, { name: 'Lou Loner' });
    const fromRita = await quote(w.rep);
    const fromLou = await quote(loner);
    const deep = await quote(w.rep, 3000);
    const draft = await quote(w.rep, 0, false);

    // Rita's manager gets hers; a rep without a manager reaches every manager and admin of the team.
    expect((await waitingQuotes(w.ctx(w.manager))).map((q) => q.id)).toEqual([fromRita, fromLou]);
    expect((await waitingQuotes(w.ctx(other))).map((q) => q.id)).toEqual([fromLou]);
    // A discount above the manager limit waits for an admin only.
    expect((await waitingQuotes(w.ctx(w.admin))).map((q) => q.id)).toEqual([fromLou, deep]);
    expect(await waitingQuotes(w.ctx(w.rep))).toEqual([]);
    expect((await waitingQuotes(w.ctx(w.manager))).map((q) => q.id)).not.toContain(draft);
  });

  it('shows a rep their own quotes and refuses them the team’s', async () => {
    const mine = await myQuotes(w.ctx(w.rep));
    expect(mine.quotes.every((q) => q.authorId === w.rep.id)).toBe(true);
    expect(mine.total).toBe(3);
    expect(await failure(teamQuotes(w.ctx(w.rep)))).toMatchObject({ code: 'forbidden', reason: 'quotes.needs_manager' });
    expect((await teamQuotes(w.ctx(w.manager))).total).toBe(4);
  });
});
