// A small team for H2's domain tests, built with Prisma directly (the customer services live
// elsewhere): a manager, two reps reporting to them, an admin, and customers on demand.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../../src/domain/db/database.ts';
import type { DomainContext } from '../../../src/domain/context.ts';
import { actorOf, contextFor, makeTeam, makeUser, TestClock } from '../../support/fixtures.ts';

export async function makeCustomer(
  db: Database,
  teamId: number,
  data: { name?: string; ownerId?: number | null; tier?: 'A' | 'B' | 'C'; status?: 'lead' | 'intent' | 'deal' | 'lost'; createdAt?: Date } = {},
) {
  const name = data.name ?? `Customer ${randomBytes(3).toString('hex')}`;
  return db.prisma.customer.create({
    data: {
      code: `CUS${randomBytes(6).toString('hex')}`,
      name,
      normalizedName: name.toLowerCase(),
      teamId,
      ownerId: data.ownerId ?? null,
      tier: data.tier ?? 'C',
      status: data.status ?? 'lead',
      createdAt: data.createdAt,
    },
  });
}

export async function makeWorld(db: Database, now = '2026-11-23T02:00:00Z', teamData: { timeZone?: string } = {}) {
  const clock = new TestClock(new Date(now));
  const team = await makeTeam(db, teamData);
  const manager = await makeUser(db, team.id, { name: 'Mara Manager', role: 'manager' });
  const rep = await makeUser(db, team.id, { name: 'Rita Rep', managerId: manager.id });
  const rep2 = await makeUser(db, team.id, { name: 'Rob Rep', managerId: manager.id });
  const admin = await makeUser(db, team.id, { name: 'Ada Admin', role: 'admin' });
  const ctx = (user: { id: number; teamId: number; role: 'rep' | 'manager' | 'admin'; displayName: string; timeZone?: string | null }): DomainContext =>
    contextFor(db, actorOf(user, team), clock);
  return { clock, team, manager, rep, rep2, admin, ctx };
}

export async function auditRows(db: Database, entity: string, entityId: number | string) {
  return db.prisma.auditEvent.findMany({ where: { entity, entityId: String(entityId) }, orderBy: { id: 'asc' } });
}

/** Resolves to the DomainError a call throws, or fails the test when it does not throw. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; reason: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; reason?: string; details?: Record<string, unknown>; name?: string };
    if (err.name !== 'DomainError') throw e;
    return { code: err.code!, reason: err.reason!, details: err.details ?? {} };
  }
  throw new Error('expected a DomainError, but the call succeeded');
}
