import { afterAll, beforeAll, expect, it } from 'vitest';
import { once } from '../../src/domain/deliveries.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEngines('once (idempotent deliveries)', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db.drop());

  it('runs fn for the first delivery and answers a redelivery with the stored result, BigInt and dates intact', async () => {
    let runs = 0;
    const value = { text: 'logged', total: 12_345_678_901_234_567_890n, at: new Date('2026-11-23T02:00:00Z'), list: [1n, null, 'x'] };
    const fn = async () => {
      runs++;
      return value;
    };
    const first = await once(db, 'slack:evt-1', 'slack', fn);
    expect(first).toEqual({ result: value, duplicate: false });
    const again = await once(db, 'slack:evt-1', 'slack', fn);
    expect(again).toEqual({ result: value, duplicate: true });
    expect(again.result.total).toBe(12_345_678_901_234_567_890n);
    expect(again.result.at).toBeInstanceOf(Date);
    expect(runs).toBe(1);
    expect((await once(db, 'slack:evt-2', 'slack', fn)).duplicate).toBe(false);
    expect(runs).toBe(2);
  });

  it('remembers a null or undefined result as done', async () => {
    let runs = 0;
    const fn = async () => {
      runs++;
      return null;
    };
    await once(db, 'feishu:null', 'feishu', fn);
    expect(await once(db, 'feishu:null', 'feishu', fn)).toEqual({ result: null, duplicate: true });
    expect(runs).toBe(1);
    await once(db, 'feishu:undefined', 'feishu', async () => {
      runs++;
    });
    expect(await once(db, 'feishu:undefined', 'feishu', fn)).toEqual({ result: undefined, duplicate: true });
    expect(runs).toBe(2);
  });

  it('lets a retry run fn again when the first attempt threw', async () => {
    let runs = 0;
    const flaky = async () => {
      runs++;
      if (runs === 1) throw new Error('platform down');
      return 'ok';
    };
    await expect(once(db, 'feishu:evt-flaky', 'feishu', flaky)).rejects.toThrow('platform down');
    expect(await db.prisma.processedDelivery.findUnique({ where: { key: 'feishu:evt-flaky' } })).toBeNull();
    expect(await once(db, 'feishu:evt-flaky', 'feishu', flaky)).toEqual({ result: 'ok', duplicate: false });
    expect(await once(db, 'feishu:evt-flaky', 'feishu', flaky)).toEqual({ result: 'ok', duplicate: true });
    expect(runs).toBe(2);
  });

  it('runs fn once when duplicates arrive concurrently; they all get its result', async () => {
    let runs = 0;
    const slow = async () => {
      runs++;
      await sleep(100);
      return { n: runs };
    };
    const all = await Promise.all(Array.from({ length: 10 }, () => once(db, 'slack:burst', 'slack', slow)));
    expect(runs).toBe(1);
    expect(all.filter((r) => !r.duplicate)).toHaveLength(1);
    for (const r of all) expect(r.result).toEqual({ n: 1 });
  });

  it('takes over a claim abandoned by a process that died mid-work', async () => {
    await db.raw.query(`INSERT INTO "ProcessedDelivery" ("key", "door", "result", "createdAt") VALUES ('slack:orphan', 'slack', NULL, (now() AT TIME ZONE 'UTC') - interval '10 minutes')`);
    expect(await once(db, 'slack:orphan', 'slack', async () => 'recovered')).toEqual({ result: 'recovered', duplicate: false });
  });
});
