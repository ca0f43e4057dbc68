// What happened to a customer's owner, status and tier, read back from the audit trail. Any audited
// action that stored these columns before and after counts (create, update, status, owner, and the
// pool's claim/assign/release), so a new kind of change shows up without touching this file.
import type { PrismaClient } from '../../generated/prisma/client.ts';

export const TRACKED = ['ownerId', 'status', 'tier'] as const;
export type Tracked = (typeof TRACKED)[number];

export interface HistoryEntry {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  door: string;
  action: string;
  changes: Array<{ field: Tracked; from: string | number | null; to: string | number | null }>;
}

type Row = Record<string, unknown> | null;

function pick(row: Row, field: Tracked): string | number | null | undefined {
  if (!row || typeof row !== 'object' || !(field in row)) return undefined;
  const v = row[field];
  return typeof v === 'string' || typeof v === 'number' ? v : v === null ? null : undefined;
}

/** Newest first, at most `take` entries that changed a tracked field. */
export async function customerHistory(prisma: Pick<PrismaClient, 'auditEvent' | 'user'>, customerId: number, take = 10): Promise<HistoryEntry[]> {
  const rows = await prisma.auditEvent.findMany({ where: { entity: 'customer', entityId: String(customerId) }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 200 });
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const before = r.before as Row;
    const after = r.after as Row;
    const changes: HistoryEntry['changes'] = [];
    for (const field of TRACKED) {
      const to = pick(after, field);
      if (to === undefined) continue;
      const from = r.action === 'create' ? null : pick(before, field);
      if (r.action === 'create' ? to !== null || field === 'ownerId' : from !== undefined && from !== to) changes.push({ field, from: from ?? null, to });
    }
    if (changes.length) out.push({ at: r.at, actorId: r.actorId, actorName: null, door: r.door, action: r.action, changes });
    if (out.length >= take) break;
  }
  const ids = [...new Set(out.flatMap((e) => [e.actorId, ...e.changes.filter((c) => c.field === 'ownerId').flatMap((c) => [c.from, c.to])]).filter((v): v is number => typeof v === 'number'))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  for (const e of out) {
    e.actorName = e.actorId ? (names.get(e.actorId) ?? null) : null;
    for (const c of e.changes) {
      if (c.field !== 'ownerId') continue;
      c.from = typeof c.from === 'number' ? (names.get(c.from) ?? `#${c.from}`) : c.from;
      c.to = typeof c.to === 'number' ? (names.get(c.to) ?? `#${c.to}`) : c.to;
    }
  }
  return out;
}
