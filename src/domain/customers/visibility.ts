// Who may open which customer, as one rule for lists, search and the profile card: reps their own
// and the pool's, managers their team's, admins all. A search must never offer a customer whose card
// would then be refused, so every reader of customers filters through here.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../context.ts';
import { canAct } from '../permissions.ts';

/** The Prisma where-clause of the customers `actor` may open. */
export function visibleCustomers(actor: Pick<Actor, 'role' | 'teamId' | 'userId'>): Prisma.CustomerWhereInput {
  if (actor.role === 'admin') return {};
  if (actor.role === 'manager') return { teamId: actor.teamId };
  // Inside AND, so a caller's own OR (search) can sit beside it in one where-clause.
  return { teamId: actor.teamId, AND: [{ OR: [{ ownerId: actor.userId }, { ownerId: null }] }] };
}

/** The same rule for one row already read. */
export function canSeeCustomer(actor: Actor, customer: { teamId: number; ownerId: number | null }): boolean {
  return canAct(actor, customer);
}

/**
 * The same rule as SQL over the customer alias `c`, for the few hand-written queries (search);
 * `param` adds a bind parameter and returns its placeholder.
 */
export function visibleCustomersSql(actor: Pick<Actor, 'role' | 'teamId' | 'userId'>, param: (value: unknown) => string): string {
  if (actor.role === 'admin') return 'TRUE';
  if (actor.role === 'manager') return `c."teamId" = ${param(actor.teamId)}`;
  return `c."teamId" = ${param(actor.teamId)} AND (c."ownerId" = ${param(actor.userId)} OR c."ownerId" IS NULL)`;
}

/**
 * The same rule as the arguments of the SQL function crm_likest_names ("did you mean"): a team
 * (null: every team) and an owner whose customers are seen beside the pool's (null: every owner's).
 */
export function visibleCustomersArgs(actor: Pick<Actor, 'role' | 'teamId' | 'userId'>): { team: number | null; owner: number | null } {
  if (actor.role === 'admin') return { team: null, owner: null };
  if (actor.role === 'manager') return { team: actor.teamId, owner: null };
  return { team: actor.teamId, owner: actor.userId };
}
