import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/domain/db/migrate.ts';
import type { Database } from '../../src/domain/db/database.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';

describeEngines('migrations', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('records every migration and applies nothing the second time', async () => {
    const rows = await db.raw.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    const again = await migrate(db.raw);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations().length);
  });

  it('runs two migrators at once without applying anything twice', async () => {
    const extra = [{ name: '99990101000000_probe', sql: 'CREATE TABLE probe_once (id int)', checksum: 'x'.repeat(64) }];
    const all = [...readMigrations(), ...extra];
    const [a, b] = await Promise.all([migrate(db.raw, all), migrate(db.raw, all)]);
    expect([...a.applied, ...b.applied]).toEqual(['99990101000000_probe']);
  });

  it('rolls a failing migration back and records nothing for it', async () => {
    const bad = [{ name: '99990102000000_bad', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;', checksum: 'y'.repeat(64) }];
    await expect(migrate(db.raw, [...readMigrations(), ...bad])).rejects.toThrow(/99990102000000_bad failed/);
    const tables = await db.raw.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const recorded = await db.raw.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990102000000_bad'`);
    expect(recorded).toHaveLength(0);
  });

  it('serves Prisma queries on the migrated schema', async () => {
    const team = await db.prisma.team.create({ data: { name: 'Probe', timeZone: 'Asia/Shanghai' } });
    expect(team.workdayStartMinute).toBe(540);
    const users = await db.prisma.user.findMany({ where: { teamId: team.id } });
    expect(users).toEqual([]);
  });
});
