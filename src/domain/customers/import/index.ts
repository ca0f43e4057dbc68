// Import a customer file in two steps, as chat and the command line both do it: `previewImport`
// reads and plans it and keeps the plan (the dry run); `runImport` does exactly that plan once,
// or refuses if the team's customers changed since so that the plan no longer holds.
import type { Team } from '../../../generated/prisma/client.ts';
import type { DomainContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { assertRole } from '../../permissions.ts';
import { planImport, type Plan } from './plan.ts';
import { readTable, type Cell, type Table } from './read.ts';
import { runPlan, type RunResult } from './run.ts';

export type { Plan, PlannedRow, RowNote } from './plan.ts';
export type { RunResult } from './run.ts';

export interface Preview {
  id: number;
  fileName: string;
  plan: Plan;
}

type StoredCell = string | { d: string };
interface Stored {
  table: Array<{ row: number; cells: StoredCell[] }>;
  fingerprint: string;
  counts: Plan['counts'];
}

const store = (t: Table): Stored['table'] => t.rows.map((r) => ({ row: r.row, cells: r.cells.map((c: Cell) => (c instanceof Date ? { d: c.toISOString() } : c)) }));
const restore = (s: Stored['table']): Table => ({ rows: s.map((r) => ({ row: r.row, cells: r.cells.map((c) => (typeof c === 'string' ? c : new Date(c.d))) })) });

/** What each row will do: the import refuses to run a plan that no longer matches this. */
function fingerprint(plan: Plan): string {
  return plan.rows.map((r) => `${r.row}:${r.action}:${r.match?.id ?? r.sameAs ?? ''}`).join(',');
}

/** Who may import a file: managers and admins (the same rule previewImport and runImport enforce). */
export function mayImport(actor: DomainContext['actor']): boolean {
  return actor.role === 'manager' || actor.role === 'admin';
}

async function teamOf(ctx: DomainContext): Promise<Team> {
  return ctx.prisma.team.findUniqueOrThrow({ where: { id: ctx.actor.teamId } });
}

/** Reads and plans a file for the actor's team and keeps the plan; writes no customer. Managers and admins. */
export async function previewImport(ctx: DomainContext, file: { fileName: string; bytes: Uint8Array }): Promise<Preview> {
  assertRole(ctx.actor, 'manager', 'import');
  const team = await teamOf(ctx);
  const table = await readTable(file.bytes, file.fileName);
  const plan = await planImport(ctx.prisma, team, table);
  if (!plan.headerRow) {
    const first = table.rows[0]?.cells.map((c) => (typeof c === 'string' ? c : '')).filter(Boolean).join(', ') ?? '';
    throw invalid('customer.import_no_name_column', { columns: first.slice(0, 200) });
  }
  const stored: Stored = { table: store(table), fingerprint: fingerprint(plan), counts: plan.counts };
  // The kept table goes in as one JSON string: Prisma's client walks a JSON argument value by value,
  // which for a 5,000-row sheet took longer than planning it.
  const fileName = file.fileName.slice(0, 300);
  const [row] = await ctx.prisma.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "CustomerImport" ("teamId", "createdById", "fileName", "plan", "createdAt")
    VALUES (${team.id}, ${ctx.actor.userId || null}::int, ${fileName}, ${JSON.stringify(stored)}::jsonb, (${ctx.clock.now().toISOString()}::timestamptz AT TIME ZONE 'UTC'))
    RETURNING "id"`;
  return { id: row!.id, fileName, plan };
}

/**
 * Runs a kept plan once. A second press of Import (or a retried delivery) gets the first result and
 * writes nothing; a plan the team's customers have overtaken is refused with the new dry run's counts.
 */
export async function runImport(ctx: DomainContext, id: number, opts: { merge: boolean }): Promise<{ result: RunResult; plan: Plan; fileName: string; again: boolean }> {
  assertRole(ctx.actor, 'manager', 'import');
  const row = await ctx.prisma.customerImport.findUnique({ where: { id } });
  if (!row || (ctx.actor.role !== 'admin' && row.teamId !== ctx.actor.teamId)) throw notFound('import.not_found', { id });
  const stored = row.plan as unknown as Stored;
  const team = await ctx.prisma.team.findUniqueOrThrow({ where: { id: row.teamId } });
  if (row.status === 'done') return { result: row.result as unknown as RunResult, plan: await planImport(ctx.prisma, team, restore(stored.table)), fileName: row.fileName, again: true };
  if (row.status === 'cancelled') throw conflict('import.cancelled', { id });
  const claimed = await ctx.prisma.customerImport.updateMany({ where: { id, status: 'pending' }, data: { status: 'running' } });
  if (claimed.count !== 1) throw conflict('import.running', { id });
  try {
    const plan = await planImport(ctx.prisma, team, restore(stored.table));
    if (fingerprint(plan) !== stored.fingerprint) {
      await ctx.prisma.customerImport.update({ where: { id }, data: { status: 'cancelled', finishedAt: ctx.clock.now() } });
      throw conflict('import.changed', { create: plan.counts.create, match: plan.counts.match, same: plan.counts.same, refuse: plan.counts.refuse });
    }
    const result = await runPlan(ctx, team, plan, { merge: opts.merge, importId: id });
    await ctx.prisma.customerImport.update({ where: { id }, data: { status: 'done', result: result as never, finishedAt: ctx.clock.now() } });
    return { result, plan, fileName: row.fileName, again: false };
  } catch (err) {
    await ctx.prisma.customerImport.updateMany({ where: { id, status: 'running' }, data: { status: 'pending' } });
    throw err;
  }
}

export async function cancelImport(ctx: DomainContext, id: number): Promise<void> {
  assertRole(ctx.actor, 'manager', 'import');
  const r = await ctx.prisma.customerImport.updateMany({ where: { id, status: 'pending', ...(ctx.actor.role === 'admin' ? {} : { teamId: ctx.actor.teamId }) }, data: { status: 'cancelled', finishedAt: ctx.clock.now() } });
  if (r.count !== 1) {
    const row = await ctx.prisma.customerImport.findUnique({ where: { id } });
    if (!row || (ctx.actor.role !== 'admin' && row.teamId !== ctx.actor.teamId)) throw notFound('import.not_found', { id });
  }
}
