import { sqlOf } from '../db/driver.ts';
import type { Customer } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { ambiguous, notFound } from '../errors.ts';
import { foldForMatch, normalizeName } from '../text/normalize.ts';
import { ownedByColleague } from './colleague.ts';
import { coreName, firstToken, HAN, leadingMatch, leadingPhrases, likenessTo, opensName, pairsOf, phoneDigits, score } from './match.ts';
import { visibleCustomers, visibleCustomersArgs, visibleCustomersSql } from './visibility.ts';

// Search offers only customers the reader may open (see visibility.ts).
function teamScope(ctx: DomainContext) {
  return visibleCustomers(ctx.actor);
}


/** The least likeness (match.ts likenessTo) a "did you mean" suggestion needs. */
const LIKENESS_FLOOR = 0.3;

/**
 * "Did you mean" for a Latin miss reads at most READS names looking for the likest exactly; past it,
 * the NEAREST trigram-nearest names are ranked instead (crm_likest_names).
 */
const READS = 200;
const NEAREST = 500;

type WithContacts = Customer & { contacts: Array<{ name: string; normalizedPhone: string | null; email: string | null }> };

/** LIKE pattern text matching `s` literally. */
const literal = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Trigrams need three characters; shorter needles go through the 2-character pieces index (see the customer_search migration). */
const short = (s: string) => [...s].length < 3;

/**
 * Customers whose code, name or an alias contains `needle` (with `byContact`, also a contact's
 * name, phone digits or email): the candidates the ranking then orders. One statement: each test
 * is answered by an index (trigram GIN from three characters, the pieces GIN below), their ids
 * united, and each customer comes with its contacts.
 */
async function candidates(ctx: DomainContext, needle: string, opts: { take?: number; byContact?: boolean } = {}): Promise<WithContacts[]> {
  const n = needle.trim();
  if (!n) return [];
  const norm = normalizeName(n);
  const digits = phoneDigits(n);
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const pieces = 'crm_customer_grams(c."name", c."normalizedName", c."aliases")';
  const contains = p(`%${literal(n)}%`);
  const lowered = short(n) ? p(n.toLowerCase()) : '';
  const byCustomer = [
    `c."code" ILIKE ${p(`${literal(n)}%`)}`,
    short(n) ? `(${pieces} @> ARRAY[${lowered}] AND c."name" ILIKE ${contains})` : `c."name" ILIKE ${contains}`,
    `c."aliases" @> ARRAY[${p(n)}]`,
  ];
  if (norm) {
    const normContains = p(`%${literal(norm)}%`);
    byCustomer.push(short(norm) ? `(${pieces} @> ARRAY[${p(norm)}] AND c."normalizedName" LIKE ${normContains})` : `c."normalizedName" LIKE ${normContains}`);
  }
  const byContact = opts.byContact
    ? [
        short(n) ? `(crm_grams(lower(k."name")) @> ARRAY[${lowered}] AND k."name" ILIKE ${contains})` : `k."name" ILIKE ${contains}`,
        ...(digits ? [`k."normalizedPhone" LIKE ${p(`%${digits}%`)}`] : []),
        ...(n.includes('@') ? [`k."email" = lower(${p(n)})`] : []),
      ]
    : [];
  const ids = [
    ...byCustomer.map((test) => `SELECT c."id" FROM "Customer" c WHERE ${test}`),
    ...byContact.map((test) => `SELECT k."customerId" FROM "Contact" k WHERE ${test}`),
  ].join(' UNION ');
  return sqlOf(ctx.prisma).rowsUnsafe<WithContacts>(
    `SELECT c.*, (SELECT coalesce(json_agg(json_build_object('name', k."name", 'normalizedPhone', k."normalizedPhone", 'email', k."email") ORDER BY k."id"), '[]')
                  FROM "Contact" k WHERE k."customerId" = c."id") AS "contacts"
     FROM "Customer" c
     WHERE c."id" IN (${ids}) AND ${visibleCustomersSql(ctx.actor, p)}
     ORDER BY c."updatedAt" DESC LIMIT ${p(opts.take ?? 200)}`,
    ...params,
  );
}

/** Names most like `query`, for "did you mean" when nothing matched. */
async function closest(ctx: DomainContext, query: string, limit = 5): Promise<Customer[]> {
  const grams = [...pairsOf(normalizeName(query) || foldForMatch(query))];
  if (!grams.length) return [];
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const nq = normalizeName(query) || foldForMatch(query).replace(/\s+/g, '');
  const triples = [...new Set([...nq].map((_, i, all) => all.slice(i, i + 3).join('')).filter((t) => [...t].length === 3))];
  type Named = Pick<Customer, 'id' | 'name' | 'normalizedName' | 'aliases' | 'updatedAt'>;
  let pool: Named[];
  if (!HAN.test(query) && triples.length) {
    // Latin: a common word ("robotics") puts thousands of names within reach of the likeness floor;
    // ranking all of them cost 35 ms at 100,000 customers, and walking the trigram GiST index for
    // the nearest reads all of it (25 ms) whatever the LIMIT. crm_likest_names (migration
    // customer_likest_names) finds exactly the names at least as like as the limit-th that hold one
    // of the query's 3-letter runs, through an index of name pieces tagged with the name's size; when
    // that would read more than READS names it ranks the NEAREST trigram-nearest ones, as before.
    const { team, owner } = visibleCustomersArgs(ctx.actor);
    pool = await ctx.prisma.$queryRawUnsafe<Named[]>(
      `SELECT c."id", c."name", c."normalizedName", c."aliases", c."updatedAt"
       FROM crm_likest_names(${p(grams)}::text[], ${p(triples)}::text[], ${p(limit)}::int, ${p(LIKENESS_FLOOR)}::float8,
                             ${p(team)}::int, ${p(owner)}::int, ${p(READS)}::int, ${p(nq)}, ${p(NEAREST)}::int) l
       JOIN "Customer" c ON c."id" = l."id" WHERE ${visibleCustomersSql(ctx.actor, p)}`,
      ...params,
    );
  } else {
    // Chinese: pieces of names are rare, so customers sharing a 2-character piece with the query are
    // few and the pieces index finds them; the ones holding the most of the query's pieces come first.
    const order = grams.map((g) => `(strpos(lower(c."name") || ' ' || c."normalizedName", ${p(g)}) > 0)::int`).join(' + ');
    pool = await ctx.prisma.$queryRawUnsafe<Named[]>(
      `SELECT c."id", c."name", c."normalizedName", c."aliases", c."updatedAt" FROM "Customer" c
       WHERE crm_customer_grams(c."name", c."normalizedName", c."aliases") && ${p(grams)}::text[] AND ${visibleCustomersSql(ctx.actor, p)}
       ORDER BY ${order} DESC, c."updatedAt" DESC LIMIT 200`,
      ...params,
    );
  }
  // Likeness ranks the pool; ties go to the name holding more of the query's pairs, then the latest changed.
  const held = (c: Named) => {
    const hay = `${c.name.toLowerCase()} ${c.normalizedName}`;
    return grams.filter((g) => hay.includes(g)).length;
  };
  const like = likenessTo(query);
  const ids = pool
    .map((c) => ({ c, s: Math.max(like(c.name, c.normalizedName), ...c.aliases.map((a) => like(a))) }))
    .filter((x) => x.s >= LIKENESS_FLOOR)
    .map((x) => ({ ...x, h: held(x.c) }))
    .sort((a, b) => b.s - a.s || b.h - a.h || b.c.updatedAt.getTime() - a.c.updatedAt.getTime())
    .slice(0, limit)
    .map((x) => x.c.id);
  if (!ids.length) return [];
  const rows = await ctx.prisma.customer.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findCustomers(ctx: DomainContext, query: string, limit = 10): Promise<Array<{ customer: Customer; score: number }>> {
  const q = query.trim();
  if (!q) return [];
  let found: Customer[] = await candidates(ctx, q, { byContact: true });
  if (!found.length) found = await closest(ctx, q, limit);
  return found
    .map((customer) => ({ customer, score: score(customer, q) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.customer.name.localeCompare(b.customer.name))
    .slice(0, limit);
}

export type AtStart =
  | { kind: 'one'; customer: Customer; rest: string }
  /** Several fit equally well: ask which one, with what follows the name for each. */
  | { kind: 'many'; query: string; choices: Array<{ customer: Customer; rest: string }> }
  | { kind: 'none'; query: string; suggestions: Customer[] };

/**
 * The customer named at the start of `text`, and what follows it, by the same ranking as
 * findCustomers: the longest known name, alias, code or everyday name (腾飞 for 深圳市腾飞科技有限公司)
 * the text begins with; else the customers whose names begin with the text's first words, the best
 * ranked if one stands out, else all of them to choose from.
 */
export async function matchCustomerAtStart(ctx: DomainContext, text: string, opts: { exact?: boolean } = {}): Promise<AtStart> {
  const trimmed = text.trim();
  const pool = await candidates(ctx, firstToken(trimmed));
  let best: { customer: Customer; length: number }[] = [];
  // With `exact`, the text is the customer's words and nothing else: a name that covers only part of
  // it ("阿里" of 阿里爸爸 for 阿里巴巴) is not that customer; the words left over would be dropped
  // without a word. Such near misses are offered first instead, as "did you mean".
  const partial: Customer[] = [];
  const covers = (length: number) => !opts.exact || !restAfter(trimmed, length).trim();
  for (const c of pool) {
    const names = [c.name, c.code, ...c.aliases];
    const length = Math.max(...names.map((n) => leadingMatch(trimmed, n)), ...[c.name, ...c.aliases].map((n) => leadingMatch(trimmed, coreName(n))));
    if (!length) continue;
    if (!covers(length)) {
      partial.push(c);
      continue;
    }
    if (!best.length || length > best[0]!.length) best = [{ customer: c, length }];
    else if (length === best[0]!.length && best[0]!.customer.id !== c.id) best.push({ customer: c, length });
  }
  if (best.length === 1) return { kind: 'one', customer: best[0]!.customer, rest: restAfter(trimmed, best[0]!.length) };
  if (best.length > 1) return { kind: 'many', query: trimmed.slice(0, best[0]!.length), choices: best.sort((a, b) => a.customer.name.localeCompare(b.customer.name)).map((b) => ({ customer: b.customer, rest: restAfter(trimmed, b.length) })) };

  for (const phrase of leadingPhrases(trimmed)) {
    const hits = pool.filter((c) => opensName(c, phrase));
    if (!hits.length) continue;
    if (!covers(phrase.length)) {
      partial.push(...hits);
      continue;
    }
    const rest = restAfter(trimmed, phrase.length);
    const ranked = hits.map((customer) => ({ customer, score: score(customer, phrase) })).sort((a, b) => b.score - a.score || a.customer.name.localeCompare(b.customer.name));
    if (ranked.length === 1 || ranked[0]!.score > ranked[1]!.score) return { kind: 'one', customer: ranked[0]!.customer, rest };
    const top = ranked.filter((r) => r.score === ranked[0]!.score);
    return { kind: 'many', query: trimmed.slice(0, phrase.length), choices: top.slice(0, 10).map((r) => ({ customer: r.customer, rest })) };
  }
  // Report the words as the person typed them, not folded.
  // With `exact`, the text is the customer's words and nothing else (the channel word split it off).
  const query = opts.exact ? trimmed : trimmed.slice(0, (leadingPhrases(trimmed).at(-1) ?? firstToken(trimmed)).length);
  const ranked = (await findCustomers(ctx, query, 5)).map((r) => r.customer);
  const found = ranked.length ? ranked : await closest(ctx, leadingPhrases(trimmed)[0] ?? trimmed);
  const suggestions = [...new Map([...partial, ...found].map((c) => [c.id, c] as const)).values()].slice(0, Math.max(5, found.length));
  return { kind: 'none', query, suggestions };
}

/** matchCustomerAtStart for callers that need exactly one: several or none is a typed refusal. */
export async function resolveCustomerAtStart(ctx: DomainContext, text: string): Promise<{ customer: Customer; rest: string }> {
  const m = await matchCustomerAtStart(ctx, text);
  if (m.kind === 'one') return { customer: m.customer, rest: m.rest };
  if (m.kind === 'many') throw ambiguousOf(m.choices.map((c) => c.customer), m.query);
  throw (await ownedByColleague(ctx, text, 'start')) ?? notFoundOf(m.query, m.suggestions);
}

/** A customer by id, code, exact name or a unique prefix; ambiguity is an error with the candidates. */
/**
 * A customer of the actor's team by its exact code or full name, whoever owns it. A Claim button
 * carries the code of a customer that was in the pool when the button was drawn: if a colleague
 * claimed it since, the claimer must hear who won, not that the customer does not exist.
 */
export async function teamCustomerExactly(ctx: DomainContext, text: string): Promise<Customer | null> {
  const t = text.trim();
  const norm = normalizeName(t);
  if (!t) return null;
  return ctx.prisma.customer.findFirst({
    where: { teamId: ctx.actor.teamId, OR: [{ code: { equals: t, mode: 'insensitive' } }, { name: { equals: t, mode: 'insensitive' } }, ...(norm ? [{ normalizedName: norm }] : [])] },
  });
}

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
  throw (await ownedByColleague(ctx, q, 'name')) ?? notFoundOf(q, ranked.slice(0, 5).map((r) => r.customer));
}

/**
 * Nothing answered `query` well enough to act on. `known` says a suggestion already looks like the
 * same company (its name contains the query, or the other way round), so nobody is offered to create
 * a duplicate of a customer the search knows.
 */
export function notFoundOf(query: string, suggestions: Customer[]) {
  const q = coreName(query) || normalizeName(query);
  const known = !!q && suggestions.some((c) => [c.name, ...c.aliases].some((n) => coreName(n).includes(q) || normalizeName(n).includes(q) || (coreName(n).length >= 2 && q.includes(coreName(n)))));
  return notFound('customer.not_found', { query, suggestions: suggestions.map((c) => c.name), ...(known ? { known: true } : {}) });
}

function restAfter(text: string, foldedLength: number): string {
  // Folding (NFKC, case) keeps lengths for the names people type, so the offset carries over.
  return text.slice(foldedLength).replace(/^[\s,:：，]+/, '');
}

function ambiguousOf(customers: Customer[], query: string) {
  return ambiguous('customer.ambiguous', { query, candidates: customers.slice(0, 10).map((c) => ({ id: c.id, code: c.code, name: c.name })) });
}
