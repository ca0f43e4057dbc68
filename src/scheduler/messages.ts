// What one run sends, keyed by recipient, so a resumed run can send exactly what is still unsent.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { dailyDigest } from '../domain/digests/daily.ts';
import { weeklySummary } from '../domain/digests/weekly.ts';
import { heldForDueList } from '../domain/outbox/budget.ts';
import { decodeMessage } from '../domain/outbox/store.ts';
import { withHeld } from '../intents/render/notices.ts';
import type { Locale } from '../intents/invocation.ts';
import { poolDailyReply, repDailyReply, weeklyReply } from '../intents/render/digest.ts';
import type { OutboundMessage } from '../intents/reply.ts';
import type { DigestKind } from './slots.ts';
import { monthlyDigest } from './monthly.ts';

const loc = (l: string | null | undefined): Locale => (l === 'zh-CN' ? 'zh-CN' : 'en');

export async function digestMessages(prisma: PrismaClient, kind: DigestKind, teamId: number, slot: Date, late: boolean): Promise<Map<string, OutboundMessage>> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const teamSpeaker = { locale: loc(team.locale), timeZone: team.timeZone };
  const out = new Map<string, OutboundMessage>();
  if (kind === 'monthly') return monthlyDigest(prisma, team, slot, late);
  if (kind === 'weekly') {
    const summary = await weeklySummary(prisma, teamId, slot);
    out.set(`team:${teamId}:digest`, { to: { teamId, purpose: 'digest' }, reply: weeklyReply(teamSpeaker, summary, { late, churnDays: team.churnRiskDays, charts: true }) });
    return out;
  }
  const digest = await dailyDigest(prisma, teamId, slot);
  const held = await heldForDueList(prisma, digest.reps.map((r) => r.userId), slot);
  const users = new Map((await prisma.user.findMany({ where: { teamId }, select: { id: true, locale: true, timeZone: true } })).map((u) => [u.id, u]));
  for (const rep of digest.reps) {
    const u = users.get(rep.userId);
    const speaker = { locale: loc(u?.locale ?? team.locale), timeZone: u?.timeZone ?? team.timeZone };
    const reply = withHeld(speaker, repDailyReply(speaker, rep, slot), (held.get(rep.userId) ?? []).map((m) => decodeMessage<OutboundMessage>(m)), slot);
    if (reply) out.set(`user:${rep.userId}`, { to: { userId: rep.userId }, reply, timely: true });
  }
  const pool = poolDailyReply(teamSpeaker, digest, slot);
  if (pool) out.set(`team:${teamId}:digest`, { to: { teamId, purpose: 'digest' }, reply: pool });
  return out;
}
