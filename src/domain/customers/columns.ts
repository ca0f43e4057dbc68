// From validated customer fields to the columns stored: dates and budget read against the team,
// the source checked against the team's list, tag operations applied to the tags the customer has.
import type { Prisma, Team } from '../../generated/prisma/client.ts';
import { invalid } from '../errors.ts';
import type { customerFieldsSchema } from './input.ts';
import { readBudget, readDay, readPartialDate, teamCurrency } from './values.ts';
import type { z } from 'zod';

type Fields = z.output<typeof customerFieldsSchema>;
type TeamSettings = Pick<Team, 'currency' | 'locale' | 'customerSources'>;

/** Tags after replace / add / remove, in that order; case-insensitive for removal and duplicates. */
export function applyTags(current: string[], f: Pick<Fields, 'tags' | 'tagsAdd' | 'tagsRemove'>): string[] {
  let tags = f.tags ? [...f.tags] : [...current];
  for (const t of f.tagsAdd ?? []) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
  const drop = new Set((f.tagsRemove ?? []).map((t) => t.toLowerCase()));
  tags = tags.filter((t) => !drop.has(t.toLowerCase()));
  if (tags.length > 30) throw invalid('customer.invalid', { field: 'tags', problem: 'too_many' });
  return tags;
}

/** The columns a change writes; only the fields given appear. A value that cannot be read names its field. */
export function columnsOf(f: Fields, team: TeamSettings, currentTags: string[] | null): Prisma.CustomerUncheckedUpdateInput {
  const out: Prisma.CustomerUncheckedUpdateInput = {};
  const copy = ['aliases', 'industry', 'size', 'mainBusiness', 'region', 'address', 'referrer', 'needs', 'decisionChain', 'tier', 'status'] as const;
  for (const k of copy) if (f[k] !== undefined) (out as Record<string, unknown>)[k] = f[k];
  if (f.founded !== undefined) {
    const v = readPartialDate(f.founded);
    if (!v) throw invalid('customer.invalid', { field: 'founded', problem: 'partial_date', value: String(f.founded) });
    out.founded = v;
  }
  if (f.firstContact !== undefined) {
    const v = readDay(f.firstContact);
    if (!v) throw invalid('customer.invalid', { field: 'firstContact', problem: 'day', value: String(f.firstContact) });
    out.firstContactOn = v;
  }
  if (f.budget !== undefined) {
    const b = readBudget(f.budget, teamCurrency(team));
    if (!b) throw invalid('customer.invalid', { field: 'budget', problem: 'budget', value: f.budget });
    Object.assign(out, { budgetMinMinor: b.minMinor, budgetMaxMinor: b.maxMinor, budgetCurrency: b.currency });
  }
  if (f.source !== undefined) {
    if (!team.customerSources.includes(f.source)) throw invalid('customer.source_not_offered', { source: f.source, sources: team.customerSources.join(', ') });
    out.source = f.source;
  }
  if (f.tags !== undefined || f.tagsAdd || f.tagsRemove) out.tags = applyTags(currentTags ?? [], f);
  return out;
}
