// Test helpers that build teams, users and domain contexts directly, so each domain test states
// only what it is about. A controllable clock makes time-dependent rules testable.
import { silentLogger } from '../../src/logger.ts';
import type { Actor, Clock, DomainContext, Role } from '../../src/domain/context.ts';
import type { Database } from '../../src/domain/db/database.ts';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export async function makeTeam(db: Database, data: { name?: string; timeZone?: string; locale?: string } = {}) {
  return db.prisma.team.create({
    data: { name: data.name ?? `Team ${Math.random().toString(36).slice(2, 8)}`, timeZone: data.timeZone ?? 'Asia/Shanghai', locale: data.locale ?? 'en' },
  });
}

export async function makeUser(db: Database, teamId: number, data: { name?: string; role?: Role; managerId?: number; timeZone?: string } = {}) {
  return db.prisma.user.create({
    data: { displayName: data.name ?? `User ${Math.random().toString(36).slice(2, 8)}`, role: data.role ?? 'rep', teamId, managerId: data.managerId, timeZone: data.timeZone },
  });
}

export function actorOf(user: { id: number; teamId: number; role: Role; displayName: string; timeZone?: string | null; locale?: string | null }, team?: { timeZone: string; locale: string }): Actor {
  return {
    userId: user.id,
    teamId: user.teamId,
    role: user.role,
    displayName: user.displayName,
    timeZone: user.timeZone ?? team?.timeZone ?? 'UTC',
    locale: (user.locale ?? team?.locale ?? 'en') === 'zh-CN' ? 'zh-CN' : 'en',
  };
}

export function contextFor(db: Database, actor: Actor, clock: Clock = new TestClock(new Date('2026-11-23T02:00:00Z'))): DomainContext {
  return { db, prisma: db.prisma, actor, door: 'console', clock, log: silentLogger };
}
