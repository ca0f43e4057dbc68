// Names for the statements PostgreSQL sees again and again, so each connection parses and plans
// them once and then only binds and runs them (issue 16: the server shares the 2 cores with us, and
// signalsOf's plan alone is dozens of subqueries). Only texts seen a few times are named, and only
// so many: a text with values written into it (an id list) must not grow every connection's cache.
import { createHash } from 'node:crypto';

/**
 * Searches (LIKE, trigram and array-containment operators) are left to a plan made for each call: a
 * plan made once for any pattern cannot weigh the pattern (the find bench could not tell the two
 * apart beyond its noise; this is a precaution, not a measured gain).
 */
const SEARCH = /\bI?LIKE\b|<->|@>|\s%\s/i;

export function statementNames(opts: { cap: number; after: number } = { cap: 256, after: 3 }): (query: { sql: string }) => string {
  const named = new Map<string, string>();
  let seen = new Map<string, number>();
  return ({ sql }) => {
    const name = named.get(sql);
    if (name !== undefined || named.size >= opts.cap) return name as string;
    if (SEARCH.test(sql)) return undefined as unknown as string;
    const count = (seen.get(sql) ?? 0) + 1;
    if (count < opts.after) {
      // Texts seen once or twice are forgotten in bulk now and then: the counts are only a filter.
      if (seen.size >= 10_000) seen = new Map();
      seen.set(sql, count);
      return undefined as unknown as string;
    }
    seen.delete(sql);
    const fresh = `crm_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    named.set(sql, fresh);
    return fresh;
  };
}
