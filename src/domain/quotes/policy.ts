import type { Quote, Team } from '../../generated/prisma/client.ts';
import type { Actor } from '../context.ts';
import { forbidden } from '../errors.ts';

export type ApprovalLevel = 'manager' | 'admin';

/** Above the team's discount or total threshold a quote needs an admin; otherwise a manager may decide. */
export function approvalLevel(team: Pick<Team, 'managerMaxDiscountBps' | 'managerMaxTotalMinor'>, quote: Pick<Quote, 'discountBps' | 'totalMinor'>): ApprovalLevel {
  if (quote.discountBps > team.managerMaxDiscountBps) return 'admin';
  if (team.managerMaxTotalMinor !== null && quote.totalMinor > team.managerMaxTotalMinor) return 'admin';
  return 'manager';
}

export interface Candidate {
  id: number;
  role: Actor['role'];
  teamId: number;
  active?: boolean;
}

/** Who may decide: never the author; admins anything; managers their own team's manager-level quotes. */
export function mayApprove(who: Candidate, quote: Pick<Quote, 'authorId' | 'teamId'>, level: ApprovalLevel): boolean {
  if (who.active === false || who.id === quote.authorId) return false;
  if (who.role === 'admin') return true;
  return level === 'manager' && who.role === 'manager' && who.teamId === quote.teamId;
}

/** The same rule as mayApprove, with the reason the chat layer shows when it fails. */
export function assertMayDecide(actor: Actor, quote: Pick<Quote, 'authorId' | 'teamId' | 'id'>, level: ApprovalLevel): void {
  if (actor.userId === quote.authorId) throw forbidden('quote.own_quote', { id: quote.id });
  if (actor.role === 'admin') return;
  if (actor.role === 'rep') throw forbidden('quote.needs_manager', { id: quote.id, level });
  if (quote.teamId !== actor.teamId) throw forbidden('quote.other_team', { id: quote.id });
  if (level === 'admin') throw forbidden('quote.needs_admin', { id: quote.id, level });
}
