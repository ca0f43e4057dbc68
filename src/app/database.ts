import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../domain/db/database.ts';

/** DATABASE_URL names a PostgreSQL server; without it the CRM keeps its data in PGlite under CRM_DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL ? openDatabase({ url: config.DATABASE_URL }) : openDatabase({ dataDir: config.dataDir });
}
