// A template-shaped customer file of BENCH_IMPORT_ROWS rows (default 5,000) with 5 % rows matching
// customers already in the CRM and 5 % bad rows: the dry run's counts must be exact, and the import
// (plan + batched transactions) is timed beside a bare multi-row INSERT of the same good rows.
// Run: npx tsx bench/import.bench.ts   (BENCH_IMPORT_ROWS=500 for a quick look)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { systemClock, type DomainContext } from '../src/domain/context.ts';
import { previewImport, runImport } from '../src/domain/customers/import/index.ts';
import { openDatabase, type Database, type Engine } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { silentLogger } from '../src/logger.ts';
import { emit, quick } from './support/report.ts';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? (quick ? 500 : 5000));
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const HEADERS = ['客户名称', '所属行业', '企业规模', '所在地区', '客户分级', '客户来源', '首次接触日期', '预算范围', '负责人', '联系人', '职位', '联系方式', '标签'];
const TIERS = ['A类', 'B级', 'C', '高意向'];
const SOURCES = ['展会', '官网', '到店', '活动', '转介绍'];

/** Row i of the file: every 20th matches an existing customer, every 20th (offset 10) is bad. */
function file(existing: string[]): { bytes: Uint8Array; expected: { create: number; match: number; refuse: number }; good: string[][] } {
  const rows: string[][] = [];
  const good: string[][] = [];
  let match = 0;
  let refuse = 0;
  for (let i = 0; i < N; i++) {
    const base = [`压测客户${i}号有限公司`, '制造', '50-100人', '江苏苏州', TIERS[i % 4]!, SOURCES[i % 5]!, '2026-03-08', '50万-80万', '张主管', `联系人${i}`, '采购经理', `139${String(i).padStart(8, '0')}`, '压测,导入'];
    if (i % 20 === 0) {
      base[0] = existing[match % existing.length]!;
      base[11] = '';
      match++;
    } else if (i % 20 === 10) {
      const k = refuse++ % 3;
      if (k === 0) base[0] = '';
      else if (k === 1) base[4] = 'Z类';
      else base[7] = '很多钱';
    } else good.push(base);
    rows.push(base);
  }
  const bytes = new TextEncoder().encode(stringify([HEADERS, ...rows], { bom: true }));
  return { bytes, expected: { create: N - match - refuse, match, refuse }, good };
}

async function ctxOf(db: Database): Promise<DomainContext> {
  const team = await db.prisma.team.create({ data: { name: '压测团队', timeZone: 'Asia/Shanghai', locale: 'zh-CN' } });
  const user = await db.prisma.user.create({ data: { displayName: '张主管', role: 'manager', teamId: team.id } });
  return { db, prisma: db.prisma, actor: { userId: user.id, teamId: team.id, role: 'manager', displayName: user.displayName, timeZone: 'Asia/Shanghai', locale: 'zh-CN' }, door: 'cli', clock: systemClock, log: silentLogger };
}

async function measure(engine: Engine, open: () => Promise<Database & { drop?: () => Promise<void> }>): Promise<string[]> {
  // The import, on its own database.
  const db = await open();
  await migrate(db.raw);
  const ctx = await ctxOf(db);
  const existing = Array.from({ length: 50 }, (_, i) => `已有客户${i}`);
  await db.prisma.customer.createMany({ data: existing.map((name, i) => ({ code: `CUS20200101${String(i).padStart(3, '0')}`, name, normalizedName: name, teamId: ctx.actor.teamId })) });
  const f = file(existing);
  const t0 = performance.now();
  const preview = await previewImport(ctx, { fileName: 'bench.csv', bytes: f.bytes });
  const t1 = performance.now();
  const { result } = await runImport(ctx, preview.id, { merge: false });
  const t2 = performance.now();
  const c = preview.plan.counts;
  const exact = c.create === f.expected.create && c.match === f.expected.match && c.refuse === f.expected.refuse && c.same === 0 && result.created === f.expected.create;
  await db.close();
  await db.drop?.();

  // The baseline: the same good rows as one multi-row INSERT per 1,000 rows, in one transaction.
  const bare = await open();
  await migrate(bare.raw);
  const team = await bare.prisma.team.create({ data: { name: 't' } });
  const t3 = performance.now();
  await bare.raw.exec('BEGIN');
  for (let i = 0; i < f.good.length; i += 1000) {
    const chunk = f.good.slice(i, i + 1000);
    const params: unknown[] = [];
    const values = chunk.map((r, j) => {
      params.push(`CUS29991231${String(i + j).padStart(5, '0')}`, r[0], r[0], r[1], r[2], r[3], team.id);
      const b = j * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, now(), now())`;
    });
    await bare.raw.query(`INSERT INTO "Customer" ("code", "name", "normalizedName", "industry", "size", "region", "teamId", "createdAt", "updatedAt") VALUES ${values.join(', ')}`, params);
  }
  await bare.raw.exec('COMMIT');
  const t4 = performance.now();
  await bare.close();
  await bare.drop?.();
  const ms = (v: number) => v.toFixed(0).padStart(8);
  emit({
    scenario: `import ${N} rows (dry run + import) [${engine}]`, concurrency: '-', unit: 'ms',
    ours: { p50: t2 - t0, tput: (N * 1000) / (t2 - t0) }, baseline: { name: 'bare multi-row INSERT', p50: t4 - t3 },
    ratio: (t2 - t0) / (t4 - t3), target: 'counts exact', verdict: exact ? 'pass' : 'FAIL', note: 'one run each; /s is rows per second',
  });
  return [
    `| ${engine.padEnd(8)} | ${String(N).padStart(5)} | ${`${c.create}/${c.match}/${c.refuse}`.padEnd(14)} | ${exact ? 'exact' : 'WRONG'} | ${ms(t1 - t0)} | ${ms(t2 - t1)} | ${ms(t2 - t0)} | ${ms(t4 - t3)} | ${((t2 - t0) / (t4 - t3)).toFixed(1).padStart(6)} |`,
    ...(exact ? [] : [`expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(c)} and ${JSON.stringify(result)}`]),
  ];
}

async function pgOpen(): Promise<(Database & { drop: () => Promise<void> }) | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `crm_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return Object.assign(db, {
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  });
}

const lines = [...(await measure('pglite', () => openDatabase({ memory: true })))];
const probe = await pgOpen();
if (probe) {
  await probe.close();
  await probe.drop();
  lines.push(...(await measure('postgres', async () => (await pgOpen())!)));
} else lines.push('| postgres | skipped: unreachable |');
console.log(`customer import of a ${N}-row template file (5 % matching existing customers, 5 % bad rows) vs a bare multi-row INSERT of the good rows (ms)`);
console.log('| engine   |  rows | create/match/refuse | counts | dry run | import | total | bare INSERT | ratio |');
console.log('|----------|-------|----------------|-------|----------|----------|----------|----------|--------|');
for (const l of lines) console.log(l);
if (lines.some((l) => l.includes('WRONG'))) process.exit(1);
