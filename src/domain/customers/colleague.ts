// A rep's search sees their own customers and the pool's (visibility.ts). When it finds nothing, the
// name may still be a colleague's customer: then the rep hears whose it is (查重, the check every
// team's process sheet asks for before a new customer is entered) instead of "no such customer" and
// an offer to create it a second time. Only what the refusal needs is told: name, code and owner.
import type { DomainContext } from '../context.ts';
import { conflict, type DomainError } from '../errors.ts';
import { findCustomers, matchCustomerAtStart } from './find.ts';

/** The same search as the team's manager would run, so the ranking is the one people know. */
function teamWide(ctx: DomainContext): DomainContext {
  return { ...ctx, actor: { ...ctx.actor, role: 'manager' } };
}

/**
 * A refusal naming the colleague who owns the customer `text` names, or null when the actor is not a
 * rep or no colleague's customer fits as well as a hit would for its owner. `at: 'start'` reads the
 * name at the start of a log line, `at: 'name'` the whole text as a name (score 70: a name's start).
 */
export async function ownedByColleague(ctx: DomainContext, text: string, at: 'start' | 'name'): Promise<DomainError | null> {
  if (ctx.actor.role !== 'rep' || !text.trim()) return null;
  const wide = teamWide(ctx);
  let found: { id: number; name: string; code: string; ownerId: number | null } | undefined;
  if (at === 'start') {
    const m = await matchCustomerAtStart(wide, text);
    if (m.kind === 'one') found = m.customer;
  } else {
    const ranked = (await findCustomers(wide, text, 3)).filter((r) => r.score >= 70);
    if (ranked.length === 1 || (ranked.length > 1 && ranked[0]!.score > ranked[1]!.score)) found = ranked[0]!.customer;
  }
  const owner = found ? await colleagueOwning(ctx, found) : null;
  return found && owner !== null ? conflict('customer.owned_by_colleague', { query: text.trim(), name: found.name, code: found.code, owner }) : null;
}

/** The name of the colleague who owns `customer`, or null when it is the actor's own or the pool's. */
export async function colleagueOwning(ctx: DomainContext, customer: { ownerId: number | null }): Promise<string | null> {
  if (customer.ownerId === null || customer.ownerId === ctx.actor.userId) return null;
  const owner = await ctx.prisma.user.findUnique({ where: { id: customer.ownerId }, select: { displayName: true } });
  return owner?.displayName ?? '';
}
