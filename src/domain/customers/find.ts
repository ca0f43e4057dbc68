import type { Customer } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { ambiguous, notFound } from '../errors.ts';
import { foldForMatch, normalizeName } from '../text/normalize.ts';
import { firstToken, leadingMatch, leadingPhrases, score, similarity } from './match.ts';
import { visibleCustomers } from './visibility.ts';

// Search offers only customers the reader may open (see visibility.ts).
function teamScope(ctx: DomainContext) {
  return visibleCustomers(ctx.actor);
}

/** Customers whose code, name or an alias contains `needle`: the candidates the ranking then orders. */
async function candidates(ctx: DomainContext, needle: string, take = 200): Promise<Customer[]> {
  const n = needle.trim();
  if (!n) return [];
  const norm = normalizeName(n);
  return ctx.prisma.customer.findMany({
    where: {
      ...teamScope(ctx),
      OR: [
        { code: { startsWith: n, mode: 'insensitive' } },
        { name: { contains: n, mode: 'insensitive' } },
        ...(norm ? [{ normalizedName: { contains: norm } }] : []),
        { aliases: { has: n } },
      ],
    },
    take,
    orderBy: { updatedAt: 'desc' },
  });
}

/** Names most like `query`, for "did you mean" when nothing matched. */
async function closest(ctx: DomainContext, query: string, limit = 5): Promise<Customer[]> {
  const pool = await ctx.prisma.customer.findMany({ where: teamScope(ctx), orderBy: { updatedAt: 'desc' }, take: 2000 });
  return pool
    .map((c) => ({ c, s: Math.max(similarity(c.name, query), ...c.aliases.map((a) => similarity(a, query))) }))
    .filter((x) => x.s >= 0.3)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.c);
}

export async function findCustomers(ctx: DomainContext, query: string, limit = 10): Promise<Array<{ customer: Customer; score: number }>> {
  const q = query.trim();
  if (!q) return [];
  let found = await candidates(ctx, q);
  if (!found.length) found = await closest(ctx, q, limit);
  return found
    .map((customer) => ({ customer, score: score(customer, q) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.customer.name.localeCompare(b.customer.name))
    .slice(0, limit);
}

/**
 * The customer named at the start of `text`, and what follows it: the longest known name, alias or
 * code the text begins with; else a unique customer whose name begins with the text's first words.
 */
export async function resolveCustomerAtStart(ctx: DomainContext, text: string): Promise<{ customer: Customer; rest: string }> {
  const trimmed = text.trim();
  const pool = await candidates(ctx, firstToken(trimmed));
  let best: { customer: Customer; length: number }[] = [];
  for (const c of pool) {
    const length = Math.max(...[c.name, c.code, ...c.aliases].map((n) => leadingMatch(trimmed, n)));
    if (!length) continue;
    if (!best.length || length > best[0]!.length) best = [{ customer: c, length }];
    else if (length === best[0]!.length && best[0]!.customer.id !== c.id) best.push({ customer: c, length });
  }
  if (best.length === 1) return { customer: best[0]!.customer, rest: restAfter(trimmed, best[0]!.length) };
  if (best.length > 1) throw ambiguousOf(best.map((b) => b.customer), trimmed);

  for (const phrase of leadingPhrases(trimmed)) {
    const hits = pool.filter((c) => [c.name, ...c.aliases].some((n) => foldForMatch(n).startsWith(phrase)));
    if (hits.length === 1) return { customer: hits[0]!, rest: restAfter(trimmed, phrase.length) };
    if (hits.length > 1) throw ambiguousOf(hits, phrase);
  }
  // Report the words as the person typed them, not folded.
  const query = trimmed.slice(0, (leadingPhrases(trimmed).at(-1) ?? firstToken(trimmed)).length);
  const suggestions = await closest(ctx, leadingPhrases(trimmed)[0] ?? trimmed);
  throw notFound('customer.not_found', { query, suggestions: suggestions.map((c) => c.name) });
}

/** A customer by id, code, exact name or a unique prefix; ambiguity is an error with the candidates. */
export async function getCustomer(ctx: DomainContext, idOrCodeOrName: string | number): Promise<Customer> {
  if (typeof idOrCodeOrName === 'number') {
    const c = await ctx.prisma.customer.findFirst({ where: { id: idOrCodeOrName, ...teamScope(ctx) } });
    if (!c) throw notFound('customer.not_found', { query: String(idOrCodeOrName) });
    return c;
  }
  const q = idOrCodeOrName.trim();
  const ranked = await findCustomers(ctx, q, 10);
  const top = ranked.filter((r) => r.score >= 70);
  if (top.length && (top.length === 1 || top[0]!.score > top[1]!.score)) return top[0]!.customer;
  if (top.length > 1) throw ambiguousOf(top.map((r) => r.customer), q);
  throw notFound('customer.not_found', { query: q, suggestions: ranked.slice(0, 5).map((r) => r.customer.name) });
}

function restAfter(text: string, foldedLength: number): string {
  // Folding (NFKC, case) keeps lengths for the names people type, so the offset carries over.
  return text.slice(foldedLength).replace(/^[\s,:：，]+/, '');
}

function ambiguousOf(customers: Customer[], query: string) {
  return ambiguous('customer.ambiguous', { query, candidates: customers.slice(0, 10).map((c) => ({ id: c.id, code: c.code, name: c.name })) });
}
