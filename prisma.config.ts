import { defineConfig } from 'prisma/config';

// Used only by Prisma's own CLI (generate; `migrate deploy` where the engine can be downloaded).
// The app reads DATABASE_URL itself and applies migrations with `crm migrate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/crm' },
});
