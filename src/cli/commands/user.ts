import { openConfiguredDatabase } from '../../app/database.ts';
import { loadConfig } from '../../config.ts';
import { systemClock } from '../../domain/context.ts';
import { migrate } from '../../domain/db/migrate.ts';
import { isDomainError } from '../../domain/errors.ts';
import { setRole } from '../../domain/users/roles.ts';
import { createLogger } from '../../logger.ts';
import { errorMessage } from '../../intents/catalog/index.ts';

const USAGE = 'usage: crm user role <door:id or name> <rep|manager|admin>';

/** The operator's way to make the first admin, or fix roles, without chat. */
export async function run(args: string[]): Promise<number> {
  const [verb, target, role] = args;
  if (verb !== 'role' || !target || !role || !['rep', 'manager', 'admin'].includes(role)) {
    console.error(USAGE);
    return 2;
  }
  const db = await openConfiguredDatabase(loadConfig());
  try {
    await migrate(db.raw);
    const ctx = {
      db,
      prisma: db.prisma,
      // The command line acts with an operator's authority, recorded as door "cli" in the audit trail.
      actor: { userId: 0, teamId: 0, role: 'admin' as const, displayName: 'operator', timeZone: 'UTC', locale: 'en' as const },
      door: 'cli' as const,
      clock: systemClock,
      log: createLogger('warn'),
    };
    const user = await setRole(ctx, { target, role: role as 'rep' | 'manager' | 'admin' });
    console.log(`${user.displayName} is now ${user.role}`);
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      console.error(`crm user role: ${errorMessage('en', err)}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
