// A team's money: the currency it set, else the one its language implies (CNY for a zh-CN team,
// USD otherwise). Quotes that name no currency are in it.
import type { PrismaClient } from '../../generated/prisma/client.ts';

export function currencyOfTeam(team: { currency: string | null; locale: string }): string {
  return team.currency ?? (team.locale === 'zh-CN' ? 'CNY' : 'USD');
}

export async function teamCurrency(prisma: Pick<PrismaClient, 'team'>, teamId: number): Promise<string> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId }, select: { currency: true, locale: true } });
  return currencyOfTeam(team);
}
