import { openConfiguredDatabase } from '../../app/database.ts';
import { seedDemo } from '../../app/demo/seed.ts';
import { loadConfig } from '../../config.ts';
import { migrate } from '../../domain/db/migrate.ts';
import { createLogger } from '../../logger.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db.raw);
    const r = await seedDemo(db, createLogger('warn'), {
      admins: config.CRM_ADMINS,
      defaultTeam: config.CRM_DEFAULT_TEAM,
      defaultTimeZone: config.CRM_DEFAULT_TZ,
      defaultLocale: config.CRM_DEFAULT_LOCALE,
    });
    console.log(
      r.seeded
        ? [
            `seeded a demo team into ${db.describe}: ${r.customers} customers, ${r.pool} of them returned to the shared pool by the 48-hour rule.`,
            `Manager: ${r.manager} (approves quotes, assigns customers). Reps: ${r.reps!.join(', ')}.`,
            `Try: npx crm console --as "${r.reps![0]}", then /tasks and /pool; or as the manager: npx crm console --as "${r.manager}", then /crm home`,
          ].join('\n')
        : `${db.describe} already has ${r.customers} customers: nothing seeded (the demo only fills an empty CRM)`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
