// "Did you mean" when a common word is in many names (here 700): the likest names come first, the
// same suggestions as when every name sharing a 3-letter run is ranked, however few are asked for.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCustomer } from '../../../src/domain/customers/create.ts';
import { findCustomers } from '../../../src/domain/customers/find.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { actorOf, contextFor, makeTeam, makeUser } from '../../support/fixtures.ts';

describeEngines('did you mean among many alike names', (engine) => {
  let db: Database & { drop(): Promise<void> };
  let rep: DomainContext;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai', locale: 'en-US' });
    const user = await makeUser(db, team.id, { name: 'Ann' });
    rep = contextFor(db, actorOf(user, team));
    // 700 long names sharing "Robotics", written the way the importer writes them (one statement).
    await db.prisma.customer.createMany({
      data: Array.from({ length: 700 }, (_, i) => ({
        code: `CUSFILL${i}`, name: `Northwind ${1000 + i} Robotics Holdings`, normalizedName: `northwind${1000 + i}roboticsholdings`, teamId: team.id, ownerId: user.id,
      })),
    });
    await createCustomer(rep, { name: 'Globex 10 Robotics' });
    await createCustomer(rep, { name: 'Acme Robotics' });
    // Likeness 0.72, at a size (15 pieces) the search reaches only after it has found the three
    // above; 'Globex 50 Robotics' ties 'Globex 10 Robotics' (0.417) and was changed later.
    await createCustomer(rep, { name: 'Akme Robotics Group' });
    await createCustomer(rep, { name: 'Globex 50 Robotics' });
  });
  afterAll(() => db?.drop());

  it('suggests the likest names first', async () => {
    // The long names share "robotics" but are too unlike the query (likeness under 0.3) to offer.
    expect((await findCustomers(rep, 'Akme Robotix')).map((r) => r.customer.name)).toEqual(['Akme Robotics Group', 'Acme Robotics', 'Globex 10 Robotics', 'Globex 50 Robotics']);
  });

  it('keeps exactly the likest when asked for fewer, a tie going to the name changed last', async () => {
    // Three asked for: the likest two, then of the two alike Globex names the later changed.
    expect((await findCustomers(rep, 'Akme Robotix', 3)).map((r) => [r.customer.name, r.score])).toEqual([
      ['Akme Robotics Group', 29],
      ['Acme Robotics', 27],
      ['Globex 50 Robotics', 17],
    ]);
  });

  it('answers a miss whose likest names are too many to read from the trigram-nearest names', async () => {
    // All 700 long names are as like as the likest: reading them passes the budget of reads.
    const found = await findCustomers(rep, 'Northwind Robotics Holding');
    expect(found).toHaveLength(10);
    expect(found.every((r) => /^Northwind \d+ Robotics Holdings$/.test(r.customer.name))).toBe(true);
  });
});
