// pg 8 deprecates a second client.query() while one is still running on the same connection (pg 9
// will refuse it); Prisma's interpreter does exactly that inside transactions (a nested create's
// children at once). The client the pool hands out runs them one after another instead.
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { SerialClient } from '../../src/domain/db/database.ts';
import { adminUrl, postgresReachable } from '../support/engines.ts';

afterEach(() => vi.restoreAllMocks());

it('queries issued at once on one connection reach pg one at a time, each with its own answer', async (t) => {
  if (!(await postgresReachable())) return t.skip();
  const client = new SerialClient({ connectionString: adminUrl });
  await client.connect();
  let running = 0;
  let most = 0;
  const real = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    running++;
    most = Math.max(most, running);
    const out = (real as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    return Promise.resolve(out).finally(() => running--) as never;
  } as never);
  try {
    const answers = await Promise.all([1, 2, 3, 4].map((n) => client.query({ text: 'SELECT pg_sleep(0.02), $1::int AS n', values: [n], rowMode: 'array' })));
    expect((answers as unknown as pg.QueryResult<unknown[]>[]).map((a) => a.rows[0]![1])).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
  } finally {
    vi.restoreAllMocks();
    await client.end();
  }
});
