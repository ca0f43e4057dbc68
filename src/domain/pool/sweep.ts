// The pool rule, run for one team at one instant: for every lead its owner has not followed, the
// step its tier's window says is due. Each step is recorded as a PoolStep row keyed by (customer,
// ownership term, step), written in the same transaction as its effect, so replicas sweeping at
// once and later re-runs take each step once. What to say about it is the caller's business, but
// the caller writes it (through `owe`) inside the step's transaction: a step is never taken without
// its messages, nor its messages written without the step.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { systemActor, type Clock } from '../context.ts';
import { nestable, type Tx } from '../db/transaction.ts';
import { managersOf } from '../users/directory.ts';
import { moveOwner, type Person } from './ownership.ts';
import { dueStep, stepDueAt, windowHours, type Step } from './window.ts';

export interface SweepEvent {
  step: Step;
  customer: { id: number; code: string; name: string; tier: string; teamId: number };
  owner: Person;
  /** Whom the 80 % note goes to: the owner's manager, else the team's managers, else its admins. */
  managers: Person[];
  /** Start of the ownership term the step belongs to. */
  assignedAt: Date;
  /** When the lead returns (or returned) to the pool. */
  deadline: Date;
  hours: number;
}

interface Candidate {
  id: number;
  code: string;
  name: string;
  tier: string;
  ownerId: number;
  ownerAssignedAt: Date;
  updatedAt: Date;
  ownerName: string;
  managerId: number | null;
}

/** Called inside the transaction that took the steps, with that transaction's client. */
export type OweMessages = (prisma: PrismaClient, events: SweepEvent[]) => Promise<void>;

export async function sweepTeam(prisma: PrismaClient, clock: Clock, teamId: number, owe?: OweMessages): Promise<SweepEvent[]> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const now = clock.now();
  // Leads whose owner has logged nothing on them since getting them; the rule watches only these.
  const leads = await prisma.$queryRaw<Candidate[]>`
    SELECT c.id, c.code, c.name, c.tier::text AS tier, c."ownerId", c."ownerAssignedAt", c."updatedAt",
           u."displayName" AS "ownerName", u."managerId"
    FROM "Customer" c JOIN "User" u ON u.id = c."ownerId"
    WHERE c."teamId" = ${teamId} AND c.status = 'lead' AND c."ownerAssignedAt" IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Interaction" i
        WHERE i."customerId" = c.id AND i."authorId" = c."ownerId" AND i."occurredAt" >= c."ownerAssignedAt")
    ORDER BY c.id`;
  const events: SweepEvent[] = [];
  for (const c of leads) {
    const hours = windowHours(team, c.tier);
    const step = dueStep(c.ownerAssignedAt, hours, now);
    if (!step) continue;
    const base = {
      customer: { id: c.id, code: c.code, name: c.name, tier: c.tier, teamId },
      owner: { id: c.ownerId, displayName: c.ownerName },
      assignedAt: c.ownerAssignedAt,
      deadline: stepDueAt(c.ownerAssignedAt, hours, 'return'),
      hours,
    };
    const record = async (tx: Tx, taken: Step[]): Promise<SweepEvent[]> => {
      if (!taken.length) return [];
      const managers = taken.includes('manager') ? await managersOf(tx, teamId, { id: c.ownerId, managerId: c.managerId }) : [];
      const stepEvents = taken.map((s) => ({ ...base, step: s, managers }));
      await owe?.(nestable(tx), stepEvents);
      return stepEvents;
    };
    events.push(...(step === 'return' ? await returnLead(prisma, clock, c, hours, record) : await announce(prisma, clock, c, step, record)));
  }
  return events;
}

/** Records the due step (and the reminder too, when a late sweep reaches 80 % first: the owner hears before the return). */
type RecordSteps = (tx: Tx, taken: Step[]) => Promise<SweepEvent[]>;

async function announce(prisma: PrismaClient, clock: Clock, c: Candidate, step: 'reminder' | 'manager', record: RecordSteps): Promise<SweepEvent[]> {
  const steps: Step[] = step === 'manager' ? ['reminder', 'manager'] : ['reminder'];
  return prisma.$transaction(async (tx) => {
    // A no-op write on the term seen: it locks the row, and matches nothing if the owner changed meanwhile.
    const still = await tx.customer.updateMany({ where: { id: c.id, ownerId: c.ownerId, ownerAssignedAt: c.ownerAssignedAt }, data: { updatedAt: c.updatedAt } });
    if (!still.count) return [];
    const taken: Step[] = [];
    for (const s of steps) {
      const r = await tx.poolStep.createMany({ data: [{ customerId: c.id, assignedAt: c.ownerAssignedAt, step: s, ownerId: c.ownerId, at: clock.now() }], skipDuplicates: true });
      if (r.count) taken.push(s);
    }
    return record(tx, taken);
  });
}

async function returnLead(prisma: PrismaClient, clock: Clock, c: Candidate, hours: number, record: RecordSteps): Promise<SweepEvent[]> {
  return prisma.$transaction(async (tx) => {
    const still = await tx.customer.updateMany({ where: { id: c.id, ownerId: c.ownerId, ownerAssignedAt: c.ownerAssignedAt, status: 'lead' }, data: { updatedAt: c.updatedAt } });
    if (!still.count) return [];
    // The row is locked now: a contact the owner logged after the list was read still saves the lead.
    const followed = await tx.interaction.count({ where: { customerId: c.id, authorId: c.ownerId, occurredAt: { gte: c.ownerAssignedAt } } });
    if (followed) return [];
    const step = await tx.poolStep.createMany({ data: [{ customerId: c.id, assignedAt: c.ownerAssignedAt, step: 'return', ownerId: c.ownerId, at: clock.now() }], skipDuplicates: true });
    if (!step.count) return [];
    const { moved } = await moveOwner(tx, { actor: systemActor(), door: 'system', clock }, c.id, c.ownerId, null, 'pool_return', { hours });
    if (!moved) throw new Error(`pool return of customer ${c.id} lost its lock`);
    return record(tx, ['return']);
  });
}
