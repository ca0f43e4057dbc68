// Fuzzy customer find among 100,000 customers (Latin and Chinese names, aliases, 100,000 contacts)
// on PostgreSQL: median time of findCustomers / matchCustomerAtStart for a hit, a 2-character
// Chinese name, a phone, a miss ("did you mean") and the start of a Chinese /log, against the
// 20 ms target, with the plan of each search statement (which index answered it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { findCustomers, matchCustomerAtStart } from '../src/domain/customers/find.ts';
import type { DomainContext } from '../src/domain/context.ts';
import { openDatabase } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { silentLogger } from '../src/logger.ts';

const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
// FIND_BENCH_DB=<name> keeps the loaded database between runs (loaded once, never dropped): for
// EXPLAIN and tuning; drop it by hand when done.
const keep = process.env.FIND_BENCH_DB;
const name = keep ?? `crm_bench_${randomBytes(4).toString('hex')}`;
const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
const CUSTOMERS = Number(process.env.FIND_CUSTOMERS ?? 100_000);
const RUNS = 15;
const TARGET_MS = 20;

async function sql(text: string, on = admin) {
  const c = new pg.Client({ connectionString: on });
  await c.connect();
  await c.query(text);
  await c.end();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const exists = async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await c.end();
  return r.rowCount! > 0;
};
const loaded = keep ? await exists() : false;
if (!loaded) await sql(`CREATE DATABASE "${name}"`);
let capture: Array<{ sql: string; args?: unknown[] }> | undefined;
const db = await openDatabase({ url }, { onStatement: (text, args) => capture?.push({ sql: text, args }) });
try {
  await migrate(db.raw);
  const t0 = performance.now();
  // Half Latin names, half Chinese company names (region, two characters, trade, legal suffix), a
  // few of them the ones searched for; every customer has a contact with a name and a phone.
  // Seeded outside the app's pool: its statement bound is for commands, not bulk loads.
  if (!loaded) await sql(`
    INSERT INTO "Team" (name, "timeZone", locale, "updatedAt") VALUES ('Bench', 'Asia/Shanghai', 'zh-CN', now());
    INSERT INTO "User" ("displayName", role, "teamId", "updatedAt") SELECT 'Rep ' || g, 'rep', 1, now() FROM generate_series(1, 200) g;
    INSERT INTO "User" ("displayName", role, "teamId", "updatedAt") VALUES ('Boss', 'manager', 1, now());
    WITH n AS (
      SELECT g,
        CASE WHEN g % 2 = 0
          THEN (ARRAY['Northwind','Contoso','Globex','Initech','Umbrella','Hooli','Vandelay','Stark'])[1 + g % 8] || ' ' || g || ' ' || (ARRAY['Robotics','Labs','Systems','Foods','Logistics'])[1 + g % 5] || ' Inc'
          ELSE (ARRAY['深圳市','北京','上海市','广州市',''])[1 + g % 5] || chr(19968 + (g * 37) % 20000) || chr(19968 + (g * 91) % 20000) || (ARRAY['科技','贸易','电子','实业'])[1 + g % 4] || '有限公司'
        END AS name
      FROM generate_series(1, ${CUSTOMERS}) g)
    INSERT INTO "Customer" (code, name, "normalizedName", aliases, "teamId", "ownerId", tier, status, "createdAt", "updatedAt")
      SELECT 'CUS' || lpad(g::text, 9, '0'), name, lower(regexp_replace(regexp_replace(name, '(有限公司| Inc)$', ''), '\\s+', '', 'g')),
             CASE WHEN g % 10 = 0 THEN ARRAY['Alias ' || g] ELSE '{}' END, 1, 1 + g % 200,
             (ARRAY['A','B','C'])[1 + g % 3]::"Tier", (ARRAY['lead','intent','deal','lost'])[1 + g % 4]::"CustomerStatus",
             timestamp '2026-11-23' - (g % 400) * interval '1 day', timestamp '2026-11-23' - (g % 1000) * interval '1 minute'
      FROM n;
    INSERT INTO "Customer" (code, name, "normalizedName", aliases, "teamId", "ownerId", "updatedAt") VALUES
      ('CUSHW', '华为技术有限公司', '华为技术', '{华为}', 1, 1, now()),
      ('CUSHW2', '深圳华为终端有限公司', '深圳华为终端', '{}', 1, 2, now()),
      ('CUSACME', 'Acme Robotics Inc', 'acmerobotics', '{}', 1, 3, now());
    INSERT INTO "Contact" ("customerId", name, phone, "normalizedPhone", "updatedAt")
      SELECT g, CASE WHEN g % 2 = 0 THEN 'Contact ' || g ELSE chr(19968 + (g * 13) % 20000) || chr(19968 + (g * 17) % 20000) END,
             '138' || lpad(g::text, 8, '0'), '138' || lpad(g::text, 8, '0'), now()
      FROM generate_series(1, ${CUSTOMERS}) g;
    ANALYZE;`, url);
  const loadMs = performance.now() - t0;
  const boss = (await db.raw.query<{ id: number }>(`SELECT id FROM "User" WHERE role = 'manager'`))[0]!;
  const ctx: DomainContext = {
    db,
    prisma: db.prisma,
    actor: { userId: boss.id, teamId: 1, role: 'manager', displayName: 'Boss', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
    door: 'console',
    clock: { now: () => new Date('2026-11-23T02:00:00Z') },
    log: silentLogger,
  };
  const cases: Array<[string, () => Promise<unknown>, (r: unknown) => string]> = [
    ['find: Latin name (acme)', () => findCustomers(ctx, 'acme'), (r) => (r as Array<{ customer: { name: string } }>).map((x) => x.customer.name).slice(0, 2).join(', ')],
    ['find: 2-character Chinese (华为)', () => findCustomers(ctx, '华为'), (r) => (r as Array<{ customer: { name: string } }>).map((x) => x.customer.name).slice(0, 2).join(', ')],
    ['find: phone digits', () => findCustomers(ctx, '13800004242'), (r) => (r as Array<{ customer: { name: string } }>).map((x) => x.customer.name).slice(0, 2).join(', ')],
    ['find: miss, did you mean (Acme Robotix)', () => findCustomers(ctx, 'Akme Robotix'), (r) => (r as Array<{ customer: { name: string } }>).map((x) => x.customer.name).slice(0, 2).join(', ')],
    ['/log start: 华为 电话 沟通报价', () => matchCustomerAtStart(ctx, '华为 电话 沟通报价'), (r) => JSON.stringify((r as { kind: string; customer?: { name: string } }).customer?.name ?? (r as { kind: string }).kind)],
    ['/log start: unknown Chinese (赛博 …)', () => matchCustomerAtStart(ctx, '赛博朋克 电话 沟通'), (r) => (r as { kind: string }).kind],
  ];
  console.log(`data: ${CUSTOMERS + 3} customers, ${CUSTOMERS} contacts (loaded in ${(loadMs / 1000).toFixed(1)} s); ${RUNS} runs each after one warm-up; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| search | median ms | min ms | target | verdict | answer |');
  console.log('|---|---|---|---|---|---|');
  const plans: string[] = [];
  for (const [what, run, show] of cases) {
    capture = [];
    const answer = await run();
    const statements = capture.filter((s) => /"Customer" c/.test(s.sql));
    capture = undefined;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    const m = median(times);
    console.log(`| ${what} | ${m.toFixed(1)} | ${Math.min(...times).toFixed(1)} | < ${TARGET_MS} | ${m < TARGET_MS ? 'ok' : 'MISS'} | ${show(answer)} |`);
    for (const s of statements) {
      const plan = await db.raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${s.sql}`, s.args);
      const lines = plan.map((p) => p['QUERY PLAN']);
      const used = [...new Set(lines.flatMap((l) => /(?:Index|Bitmap Index) Scan (?:Backward )?(?:using|on) "?([\w]+)"?/.exec(l)?.[1] ?? []))];
      const seq = lines.filter((l) => /Seq Scan on "?(Customer|Contact)"?/.test(l)).length;
      plans.push(`${what}: indexes ${used.join(', ') || 'none'}; sequential scans of Customer/Contact: ${seq}; ${lines.find((l) => /Execution Time/.test(l))?.trim()}`);
    }
  }
  console.log('\nplans (EXPLAIN ANALYZE of each search statement):');
  for (const p of plans) console.log(`- ${p}`);
} finally {
  await db.close();
  if (!keep) await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
