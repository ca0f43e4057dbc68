import type { Actor } from './context.ts';
import { forbidden } from './errors.ts';

/** A record someone may act on: its team and its owner (null = the team's shared pool). */
export interface Owned {
  teamId: number;
  ownerId: number | null;
}

/** Reps act on their own and pool records, managers on their team's, admins on all. */
export function canAct(actor: Actor, record: Owned): boolean {
  if (actor.role === 'admin') return true;
  if (record.teamId !== actor.teamId) return false;
  if (actor.role === 'manager') return true;
  return record.ownerId === null || record.ownerId === actor.userId;
}

export function assertCanAct(actor: Actor, record: Owned, what: string): void {
  if (!canAct(actor, record)) throw forbidden(`${what}.not_yours`, { role: actor.role });
}

export function assertRole(actor: Actor, min: 'manager' | 'admin', what: string): void {
  const rank = { rep: 0, manager: 1, admin: 2 } as const;
  if (rank[actor.role] < rank[min]) throw forbidden(`${what}.needs_${min}`, { role: actor.role });
}
