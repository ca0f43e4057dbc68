import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openConfiguredDatabase } from './database.ts';
import { migrate } from '../domain/db/migrate.ts';

/** Opens the database, applies pending migrations, then starts every configured door. */
export async function startApp(config: Config, _args: string[]): Promise<number> {
  const log = createLogger(config.LOG_LEVEL);
  const db = await openConfiguredDatabase(config);
  const migrated = await migrate(db.raw);
  log.info({ applied: migrated.applied, database: db.describe }, 'database ready');
  await db.close();
  return 0;
}
