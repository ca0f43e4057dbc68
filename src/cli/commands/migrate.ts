import { loadConfig } from '../../config.ts';
import { openConfiguredDatabase } from '../../app/database.ts';
import { migrate } from '../../domain/db/migrate.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const result = await migrate(db.raw);
    for (const name of result.applied) console.log(`applied ${name}`);
    for (const name of result.modified) console.warn(`warning: ${name} was changed after it was applied`);
    console.log(
      result.applied.length
        ? `${result.applied.length} migration(s) applied to ${db.describe}`
        : `nothing to apply: ${db.describe} is up to date (${result.alreadyApplied} migration(s))`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
