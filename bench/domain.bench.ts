// Latency of logging an interaction through the domain (validation, permission read, transaction,
// audit row) against a bare SQL INSERT into the same table, on PGlite and on PostgreSQL.
// The calls are interleaved one by one, so both series see the same machine load and table size.
// Run: npx tsx bench/domain.bench.ts   (PostgreSQL: TEST_DATABASE_URL or postgres@127.0.0.1:5432)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { systemClock, type DomainContext } from '../src/domain/context.ts';
import { openDatabase, type Database, type Engine } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { logInteraction } from '../src/domain/interactions/log.ts';
import { silentLogger } from '../src/logger.ts';
import { emit, quick } from './support/report.ts';

const N = Number(process.env.BENCH_N ?? (quick ? 200 : 1000));
const WARMUP = 50;
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

interface Series {
  name: string;
  ms: number[];
}

async function seed(db: Database): Promise<DomainContext> {
  const team = await db.prisma.team.create({ data: { name: 'Bench team', timeZone: 'Asia/Shanghai' } });
  const user = await db.prisma.user.create({ data: { displayName: 'Bench Rep', teamId: team.id } });
  const customer = await db.prisma.customer.create({ data: { code: 'CUS20261122001', name: 'Bench Co', normalizedName: 'bench co', teamId: team.id, ownerId: user.id } });
  const actor = { userId: user.id, teamId: team.id, role: 'rep' as const, displayName: user.displayName, timeZone: 'Asia/Shanghai', locale: 'en' as const };
  return { db, prisma: db.prisma, actor, door: 'cli', clock: systemClock, log: silentLogger, customerId: customer.id } as DomainContext & { customerId: number };
}

async function measure(db: Database): Promise<Series[]> {
  const ctx = (await seed(db)) as DomainContext & { customerId: number };
  const ops: Array<[string, () => Promise<unknown>]> = [
    ['raw SQL INSERT', () =>
      db.raw.query(`INSERT INTO "Interaction" ("customerId", "authorId", "channel", "occurredAt", "summary") VALUES ($1, $2, 'call', now() AT TIME ZONE 'UTC', $3)`, [
        ctx.customerId,
        ctx.actor.userId,
        'raw insert',
      ])],
    ['logInteraction', () => logInteraction(ctx, { customerId: ctx.customerId, channel: 'call', summary: 'talked about the renewal', mood: 'positive' })],
    ['logInteraction + next step', () =>
      logInteraction(ctx, { customerId: ctx.customerId, summary: 'demo done', nextStep: { title: 'send contract', dueAt: new Date(Date.now() + 86_400_000), dueHasTime: true } })],
  ];
  for (let i = 0; i < WARMUP; i++) for (const [, op] of ops) await op();
  const series = ops.map(([name]) => ({ name, ms: [] as number[] }));
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < ops.length; k++) {
      const t0 = performance.now();
      await ops[k]![1]();
      series[k]!.ms.push(performance.now() - t0);
    }
  }
  return series;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function report(engine: Engine, series: Series[]): string[] {
  const stats = series.map((s) => {
    const sorted = [...s.ms].sort((a, b) => a - b);
    return { name: s.name, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  });
  const base = stats[0]!;
  for (const s of stats.slice(1)) {
    emit({
      scenario: `domain: ${s.name} [${engine}]`, concurrency: 1, unit: 'ms',
      ours: { p50: s.median, p99: s.p95 }, baseline: { name: 'raw SQL INSERT', p50: base.median, p99: base.p95 },
      ratio: s.median / base.median, target: '-', verdict: 'info', note: 'p99 columns hold p95; ratio on medians',
    });
  }
  return stats.map(
    (s) =>
      `| ${engine.padEnd(8)} | ${s.name.padEnd(26)} | ${String(N).padStart(5)} | ${s.median.toFixed(3).padStart(9)} | ${s.p95.toFixed(3).padStart(9)} | ${(s.median / base.median).toFixed(2).padStart(12)} | ${(s.p95 / base.p95).toFixed(2).padStart(9)} |`,
  );
}

async function onPglite(): Promise<string[]> {
  const db = await openDatabase({ memory: true });
  try {
    await migrate(db.raw);
    return report('pglite', await measure(db));
  } finally {
    await db.close();
  }
}

async function onPostgres(): Promise<string[]> {
  const name = `crm_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    return [`| postgres | skipped: ${adminUrl.replace(/\/\/[^@/]*@/, '//***@')} unreachable (${(e as Error).message}) |`];
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  try {
    await migrate(db.raw);
    return report('postgres', await measure(db));
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const rows = [...(await onPglite()), ...(await onPostgres())];
console.log(`logInteraction vs raw INSERT into "Interaction", ${N} calls each, interleaved, sequential (ms)`);
console.log('| engine   | operation                  |     n | median ms |    p95 ms | median ratio | p95 ratio |');
console.log('|----------|----------------------------|-------|-----------|-----------|--------------|-----------|');
for (const r of rows) console.log(r);
