// `answered` tells a door's retried delivery from a new one before any work (an upload is not
// fetched again for a retry that will get its stored answer): true only once the answer is stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answered, once } from '../../src/domain/deliveries.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

describeEngines('answered (a delivery with its stored answer)', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db.drop());

  // Asked before the run's transaction opens, as the handler does (PGlite has one connection).
  it('is false before the first run, true after it, and false for a run that failed', async () => {
    expect(await answered(db, 'slack:evt:file-1')).toBe(false);
    await once(db, 'slack:evt:file-1', 'slack', async () => ({ ok: true }));
    expect(await answered(db, 'slack:evt:file-1')).toBe(true);
    await expect(once(db, 'slack:evt:file-2', 'slack', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await answered(db, 'slack:evt:file-2')).toBe(false);
  });
});
