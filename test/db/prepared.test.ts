// Which statements PostgreSQL is asked to keep prepared (src/domain/db/prepared.ts): a text seen a
// few times gets a stable name, once seen it keeps it, and no more than the cap ever do.
import { expect, it } from 'vitest';
import { statementNames } from '../../src/domain/db/prepared.ts';

it('names a text from its third sending on, the same name each time, never more than the cap', () => {
  const name = statementNames({ cap: 2, after: 3 });
  const a = { sql: 'SELECT $1::int' };
  expect([name(a), name(a)]).toEqual([undefined, undefined]);
  const first = name(a);
  expect(first).toMatch(/^crm_[0-9a-f]{20}$/);
  expect(name({ sql: 'SELECT $1::int' })).toBe(first);
  const b = { sql: 'SELECT 2' };
  name(b), name(b);
  expect(name(b)).toMatch(/^crm_/);
  expect(name(b)).not.toBe(first);
  const c = { sql: 'SELECT 3' };
  expect([name(c), name(c), name(c), name(c)]).toEqual([undefined, undefined, undefined, undefined]);
  expect(name(a)).toBe(first);
});

it('leaves searches to plans made per call: a pattern or trigram match is never named', () => {
  const name = statementNames({ cap: 10, after: 1 });
  expect(name({ sql: `SELECT "id" FROM "Customer" WHERE "name" ILIKE $1` })).toBeUndefined();
  expect(name({ sql: `SELECT "id" FROM "Customer" ORDER BY lower("normalizedName") <-> $1 LIMIT 5` })).toBeUndefined();
  expect(name({ sql: `SELECT "id" FROM "Customer" WHERE "aliases" @> ARRAY[$1]` })).toBeUndefined();
  expect(name({ sql: `SELECT "id" FROM "Customer" WHERE "id" = $1` })).toMatch(/^crm_/);
});

