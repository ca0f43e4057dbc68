import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
export default async () => {
  const pool = new pg.Pool({ connectionString: process.env.DB, max: 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await prisma.team.findMany({ take: 1 });
  (globalThis as any).keep = prisma;
};
