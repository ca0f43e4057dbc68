// Churn risk as the process documents define it: no contact for the team's churn days, or a
// complaint not resolved. Each risk is announced once (a ChurnAlert row, written in the same
// transaction as the caller's messages) until it clears; an open complaint older than the team's
// limit goes to a manager once (Complaint.escalatedAt, likewise). What to say is the caller's business.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Tx } from '../audit.ts';
import type { Clock } from '../context.ts';
import type { Person } from '../pool/ownership.ts';
import { managersOf } from '../users/directory.ts';
import { churnRisksAt, isSilent, type RiskRow } from './risks.ts';

export type ChurnReason = 'silent' | 'complaint' | 'both';

export interface ChurnRisk {
  customer: { id: number; code: string; name: string; tier: string };
  reason: ChurnReason;
  lastContactAt: Date | null;
  silentDays: number;
  openComplaints: number;
}

/** One owner's new risks, and whom else to tell (their manager, for tier A customers). */
export interface ChurnNotice {
  owner: Person;
  risks: ChurnRisk[];
  /** Tier A risks go to the owner's manager too. */
  managers: Person[];
}

export interface Escalation {
  complaint: { id: number; summary: string; openedAt: Date };
  customer: { id: number; code: string; name: string };
  owner: Person | null;
  managers: Person[];
}

export interface ChurnSweep {
  announced: ChurnNotice[];
  cleared: number;
  escalated: Escalation[];
}

/** Called inside the transaction that records the announcement: write the messages there too. */
export type Announce<E> = (tx: Tx, event: E) => Promise<void>;

const DAY_MS = 86_400_000;

export async function sweepChurn(
  prisma: PrismaClient,
  clock: Clock,
  teamId: number,
  announce: { churn: Announce<ChurnNotice>; escalation: Announce<Escalation> },
): Promise<ChurnSweep> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const now = clock.now();
  const rows = await churnRisksAt(prisma, team, now);
  const risky = new Set(rows.map((r) => r.id));

  // Risks that cleared (a contact logged, the complaint resolved, the customer lost or moved to the pool).
  const active = await prisma.churnAlert.findMany({ where: { clearedAt: null, customer: { teamId } }, select: { customerId: true } });
  let cleared = 0;
  for (const a of active) {
    if (risky.has(a.customerId)) continue;
    cleared += (await prisma.churnAlert.updateMany({ where: { customerId: a.customerId, clearedAt: null }, data: { clearedAt: now } })).count;
  }

  const byOwner = new Map<number, RiskRow[]>();
  for (const r of rows) byOwner.set(r.ownerId, [...(byOwner.get(r.ownerId) ?? []), r]);
  const announced: ChurnNotice[] = [];
  for (const [ownerId, list] of byOwner) {
    const notice = await prisma.$transaction(async (tx) => {
      const risks: ChurnRisk[] = [];
      for (const r of list) {
        const open = Number(r.open);
        const silent = isSilent(r, team.churnRiskDays, now);
        const reason: ChurnReason = silent && open ? 'both' : open ? 'complaint' : 'silent';
        // New, or back after it cleared: one row per customer, taken by one sweep only.
        const took = await tx.$queryRaw<Array<{ customerId: number }>>`
          INSERT INTO "ChurnAlert" ("customerId", "announcedAt", "reason") VALUES (${r.id}, ${now}, ${reason})
          ON CONFLICT ("customerId") DO UPDATE SET "announcedAt" = EXCLUDED."announcedAt", "reason" = EXCLUDED."reason", "clearedAt" = NULL
          WHERE "ChurnAlert"."clearedAt" IS NOT NULL
          RETURNING "customerId"`;
        if (!took.length) continue;
        const last = r.last ?? null;
        risks.push({
          customer: { id: r.id, code: r.code, name: r.name, tier: r.tier },
          reason,
          lastContactAt: last,
          silentDays: Math.floor((now.getTime() - (last ?? r.created).getTime()) / DAY_MS),
          openComplaints: open,
        });
      }
      if (!risks.length) return null;
      const first = list[0]!;
      const managers = risks.some((k) => k.customer.tier === 'A') ? await managersOf(tx, teamId, { id: ownerId, managerId: first.managerId }) : [];
      const event: ChurnNotice = { owner: { id: ownerId, displayName: first.ownerName }, risks, managers };
      await announce.churn(tx, event);
      return event;
    });
    if (notice) announced.push(notice);
  }

  const escalated: Escalation[] = [];
  const due = new Date(now.getTime() - team.complaintEscalateHours * 3_600_000);
  const late = await prisma.complaint.findMany({
    where: { teamId, resolvedAt: null, escalatedAt: null, openedAt: { lte: due } },
    orderBy: { id: 'asc' },
    include: { customer: { select: { id: true, code: true, name: true, ownerId: true } } },
  });
  for (const k of late) {
    const e = await prisma.$transaction(async (tx) => {
      const took = await tx.complaint.updateMany({ where: { id: k.id, resolvedAt: null, escalatedAt: null }, data: { escalatedAt: now } });
      if (!took.count) return null;
      const owner = k.customer.ownerId === null ? null : await tx.user.findUnique({ where: { id: k.customer.ownerId }, select: { id: true, displayName: true, managerId: true } });
      const managers = await managersOf(tx, teamId, { id: owner?.id ?? null, managerId: owner?.managerId ?? null });
      const event: Escalation = {
        complaint: { id: k.id, summary: k.summary, openedAt: k.openedAt },
        customer: { id: k.customer.id, code: k.customer.code, name: k.customer.name },
        owner: owner ? { id: owner.id, displayName: owner.displayName } : null,
        managers,
      };
      await announce.escalation(tx, event);
      return event;
    });
    if (e) escalated.push(e);
  }
  return { announced, cleared, escalated };
}
