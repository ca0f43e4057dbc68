// What `crm import customers` and `crm export customers` share: the database, the team, and an
// operator acting for it (recorded as door "cli" in the audit trail).
import { openConfiguredDatabase } from '../../app/database.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { DomainContext } from '../../domain/context.ts';
import { systemClock } from '../../domain/context.ts';
import type { Database } from '../../domain/db/database.ts';
import { migrate } from '../../domain/db/migrate.ts';
import { createLogger } from '../../logger.ts';

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function positional(args: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (valued.includes(args[i]!)) i++;
    else if (!args[i]!.startsWith('--')) out.push(args[i]!);
  }
  return out;
}

/** Opens the CRM and the team: `--team` by name, else the default team (made if the CRM is empty). */
export async function openForTeam(teamName: string | undefined): Promise<{ db: Database; ctx: DomainContext; locale: 'en' | 'zh-CN'; config: Config } | string> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  await migrate(db.raw);
  const name = teamName ?? config.CRM_DEFAULT_TEAM;
  let team = await db.prisma.team.findUnique({ where: { name } });
  if (!team && teamName) {
    await db.close();
    return `no team called “${teamName}”`;
  }
  team ??= await db.prisma.team.create({ data: { name, timeZone: config.CRM_DEFAULT_TZ, locale: config.CRM_DEFAULT_LOCALE } });
  const locale = team.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const ctx: DomainContext = {
    db,
    prisma: db.prisma,
    actor: { userId: 0, teamId: team.id, role: 'admin', displayName: 'operator', timeZone: team.timeZone, locale },
    door: 'cli',
    clock: systemClock,
    log: createLogger('warn'),
  };
  return { db, ctx, locale, config };
}
