import { expect, it } from 'vitest';
import { migrationsToSchemaSql } from '../../scripts/schema-engine.ts';

// Fails when schema.prisma changed without a migration (or a migration without the schema).
it('schema.prisma and prisma/migrations describe the same database', async () => {
  const sql = await migrationsToSchemaSql();
  expect(sql, 'run `npm run db:migration -- <name>` and commit the new migration').toBe('');
}, 60_000);
