// The idempotency record and the effect are one transaction: a process that dies between them
// leaves neither, so the redelivery does the work exactly once (never twice, never blocked).
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { once } from '../../src/domain/deliveries.ts';
import { setRole } from '../../src/domain/users/roles.ts';
import { resolveActor } from '../../src/domain/users/provision.ts';
import { createHandler } from '../../src/intents/handler.ts';
import { silentLogger } from '../../src/logger.ts';
import { adminUrl, describeEngines, freshDatabase, postgresReachable } from '../support/engines.ts';
import { TestClock } from '../support/fixtures.ts';

describeEngines('crash-safe idempotency', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  }, 120_000);
  afterAll(() => db?.drop());

  it('an error after the effect undoes the effect and the claim; the retry does it once', async () => {
    const effect = (prisma: typeof db.prisma, fail: boolean) => async () => {
      await prisma.team.create({ data: { name: 'Once Co' } });
      if (fail) throw new Error('died after the effect');
      return 'ok';
    };
    await expect(once(db, 'slack:crash-1', 'slack', (prisma) => effect(prisma, true)())).rejects.toThrow('died');
    expect(await db.prisma.team.count({ where: { name: 'Once Co' } })).toBe(0);
    expect(await db.prisma.processedDelivery.count({ where: { key: 'slack:crash-1' } })).toBe(0);
    expect(await once(db, 'slack:crash-1', 'slack', (prisma) => effect(prisma, false)())).toEqual({ result: 'ok', duplicate: false });
    expect(await once(db, 'slack:crash-1', 'slack', (prisma) => effect(prisma, false)())).toEqual({ result: 'ok', duplicate: true });
    expect(await db.prisma.team.count({ where: { name: 'Once Co' } })).toBe(1);
  });

  it('a domain transaction that refuses inside a command undoes only its own writes', async () => {
    const { result } = await once(db, 'slack:nested-1', 'slack', async (prisma) => {
      await prisma.team.create({ data: { name: 'Kept' } });
      await prisma
        .$transaction(async (tx) => {
          await tx.team.create({ data: { name: 'Undone' } });
          await tx.team.create({ data: { name: 'Kept' } }); // unique violation inside the savepoint
        })
        .catch(() => undefined);
      return (await prisma.team.count({ where: { name: { in: ['Kept', 'Undone'] } } }));
    });
    expect(result).toBe(1);
    expect(await db.prisma.team.count({ where: { name: 'Undone' } })).toBe(0);
    expect(await db.prisma.team.count({ where: { name: 'Kept' } })).toBe(1);
  });
});

// Real concurrency needs real connections: these run on PostgreSQL only.
const pgUp = await postgresReachable();
describeEngines('races on PostgreSQL', (engine) => {
  if (engine !== 'postgres' || !pgUp) return void it.skip('needs PostgreSQL', () => undefined);
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  }, 120_000);
  afterAll(() => db?.drop());
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const settings = { admins: 'slack:UA,slack:UB', defaultTeam: 'Burst', defaultTimeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN' as const };

  it('a connection killed after the effect, before commit: nothing stays, the redelivery logs once', async () => {
    const killer = new pg.Client({ connectionString: adminUrl });
    await killer.connect();
    const attempt = once(db, 'feishu:evt-killed', 'feishu', async (prisma) => {
      await prisma.team.create({ data: { name: 'Killed Co' } });
      const [row] = await prisma.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
      const pid = row!.pid;
      await killer.query('SELECT pg_terminate_backend($1)', [pid]); // as if the replica died here
      await prisma.team.create({ data: { name: 'Killed Co 2' } });
      return 'never';
    });
    await expect(attempt).rejects.toBeTruthy();
    await killer.end();
    expect(await db.prisma.team.count({ where: { name: { startsWith: 'Killed Co' } } })).toBe(0);
    const again = await once(db, 'feishu:evt-killed', 'feishu', async (prisma) => (await prisma.team.create({ data: { name: 'Killed Co' } }), 'done'));
    expect(again).toEqual({ result: 'done', duplicate: false });
    expect(await db.prisma.team.count({ where: { name: 'Killed Co' } })).toBe(1);
  });

  it('53 first contacts at once on a fresh deployment: everyone provisioned, one team', async () => {
    // Through the handler, as a door calls it: its backpressure keeps the pool's connections enough.
    const config = { CRM_ADMINS: settings.admins, CRM_DEFAULT_TEAM: settings.defaultTeam, CRM_DEFAULT_TZ: settings.defaultTimeZone, CRM_DEFAULT_LOCALE: settings.defaultLocale };
    const handler = createHandler({ db, clock, log: silentLogger, config, limits: { maxWaitMs: 60_000 } });
    const replies = await Promise.all(
      Array.from({ length: 53 }, (_, i) =>
        handler({ door: 'feishu', workspaceId: 'T', externalUserId: `ou_${i}`, profile: { displayName: `用户${i}` }, input: { kind: 'text', text: '/crm whoami' }, deliveryKey: `evt:burst-${i}`, receivedAt: clock.now() }),
      ),
    );
    expect(replies.filter((r) => r.tone === 'error').map((r) => r.text)).toEqual([]);
    expect(await db.prisma.team.count({ where: { name: 'Burst' } })).toBe(1);
    expect(await db.prisma.user.count({ where: { team: { name: 'Burst' } } })).toBe(53);
  });

  it('two admins demoting each other at once never leave zero admins (8 rounds)', async () => {
    for (let round = 0; round < 8; round++) {
      const a = await resolveActor(db, clock, { platform: 'slack', workspaceId: 'T', externalUserId: 'UA' }, settings);
      const b = await resolveActor(db, clock, { platform: 'slack', workspaceId: 'T', externalUserId: 'UB' }, settings);
      await db.prisma.user.updateMany({ where: { id: { in: [a.userId, b.userId] } }, data: { role: 'admin' } });
      await db.prisma.user.updateMany({ where: { role: 'admin', id: { notIn: [a.userId, b.userId] } }, data: { role: 'rep' } });
      const ctx = (actor: typeof a) => ({ db, prisma: db.prisma, actor: { ...actor, role: 'admin' as const }, door: 'slack' as const, clock, log: silentLogger });
      await Promise.allSettled([setRole(ctx(a), { target: 'slack:UB', role: 'rep' }), setRole(ctx(b), { target: 'slack:UA', role: 'rep' })]);
      expect(await db.prisma.user.count({ where: { role: 'admin', active: true } })).toBeGreaterThanOrEqual(1);
    }
  });
});
