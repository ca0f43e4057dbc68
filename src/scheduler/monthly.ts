// The monthly digest: the team's review of the month before the slot's month, as the manager's
// `/crm report monthly` shows it, posted to the team's digest channel (issue 13).
import type { PrismaClient, Team } from '../generated/prisma/client.ts';
import { monthlyFigures } from '../domain/reports/monthly.ts';
import { parsePeriod } from '../intents/dates/period.ts';
import type { OutboundMessage } from '../intents/reply.ts';
import { monthlyReply } from '../intents/render/monthly.ts';
import { t } from '../intents/catalog/index.ts';

export async function monthlyDigest(prisma: PrismaClient, team: Team, slot: Date, late: boolean): Promise<Map<string, OutboundMessage>> {
  const speaker = { locale: team.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const), timeZone: team.timeZone };
  const period = parsePeriod('last month', { timeZone: team.timeZone, now: slot })!;
  const report = await monthlyFigures(prisma, { teamId: team.id, start: period.start, end: period.end });
  const reply = monthlyReply(speaker, report, period, { digest: true, ...(late ? { late: t(speaker.locale, 'text.digest.monthly_late') } : {}) });
  return new Map([[`team:${team.id}:digest`, { to: { teamId: team.id, purpose: 'digest' as const }, reply }]]);
}
