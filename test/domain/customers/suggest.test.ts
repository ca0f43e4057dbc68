// "Did you mean" when a common word is in many names (here 700, more than the trigram-nearest pool
// of 500 that find.ts ranks): the likest names still reach the pool and come first, the same
// suggestions as when every name sharing a 3-letter run was ranked.
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
  });
  afterAll(() => db?.drop());

  it('suggests the likest names first', async () => {
    // The long names share "robotics" but are too unlike the query (likeness under 0.3) to offer.
    expect((await findCustomers(rep, 'Akme Robotix')).map((r) => r.customer.name)).toEqual(['Acme Robotics', 'Globex 10 Robotics']);
  });
});
