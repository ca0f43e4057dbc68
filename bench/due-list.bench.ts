// The daily due list for a team of 200 reps and 100,000 customers on PostgreSQL: our dailyDigest()
// beside one hand-written query that computes the same per-rep lists, interleaved in the same run.
// Target: under 1 s per team.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { cadenceStatus } from '../src/domain/cadence/status.ts';
import { dailyDigest } from '../src/domain/digests/daily.ts';

const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const name = `crm_bench_${randomBytes(4).toString('hex')}`;
const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
const REPS = 200;
const CUSTOMERS = 100_000;
const INTERACTIONS = Number(process.env.DUE_INTERACTIONS ?? 500_000);
const RUNS = 5;
const TARGET_MS = 1000;

async function sql(text: string, on = admin, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: on });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await sql(`CREATE DATABASE "${name}"`);
const db = await openDatabase({ url });
try {
  await migrate(db.raw);
  const t0 = performance.now();
  // Seeded outside the app's pool: its statement bound is for commands, not bulk loads.
  await sql(
    `
    INSERT INTO "Team" (name, "timeZone", locale, "updatedAt") VALUES ('Bench', 'Asia/Shanghai', 'en', now());
    INSERT INTO "User" ("displayName", role, "teamId", "updatedAt") SELECT 'Rep ' || g, 'rep', 1, now() FROM generate_series(1, ${REPS}) g;
    INSERT INTO "Customer" (code, name, "normalizedName", "teamId", "ownerId", tier, status, "createdAt", "updatedAt")
      SELECT 'CUS' || g, 'Customer ' || g, 'customer' || g, 1, CASE WHEN g % 20 = 0 THEN NULL ELSE 1 + g % ${REPS} END,
             (ARRAY['A','B','C'])[1 + g % 3]::"Tier", (ARRAY['lead','intent','deal','lost'])[1 + g % 4]::"CustomerStatus",
             timestamp '2026-11-23 00:00' - (g % 400) * interval '1 day', now()
      FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "Interaction" ("customerId", "authorId", channel, "occurredAt", summary)
      SELECT 1 + g % ${(CUSTOMERS * 4) / 5}, 1 + g % ${REPS}, 'call', timestamp '2026-11-23 00:00' - (g % 90) * interval '1 day' - (g % 1440) * interval '1 minute', 'bench'
      FROM generate_series(1, ${INTERACTIONS}) g;
    INSERT INTO "Task" (title, "teamId", "ownerId", "dueAt", status, "updatedAt")
      SELECT 'task', 1, CASE WHEN g % 25 = 0 THEN NULL ELSE 1 + g % ${REPS} END, timestamp '2026-11-23 00:00' - (g % 30) * interval '1 day' + interval '12 hours',
             (CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END)::"TaskStatus", now()
      FROM generate_series(1, 20000) g;
    ANALYZE;`,
    url,
  );
  const loadMs = performance.now() - t0;
  const now = new Date('2026-11-23T01:00:00Z');
  // Per rep: overdue and today's open tasks, and customers whose tier cadence has run out.
  const handWritten = `
    WITH due AS (
      SELECT c.id, c."ownerId", COALESCE((SELECT max(i."occurredAt") FROM "Interaction" i WHERE i."customerId" = c.id AND i."occurredAt" <= $1), c."createdAt")
               + CASE c.tier WHEN 'A' THEN interval '7 days' WHEN 'B' THEN interval '14 days' ELSE interval '30 days' END AS at
      FROM "Customer" c WHERE c."teamId" = 1 AND c.status <> 'lost' AND c."ownerId" IS NOT NULL)
    SELECT u.id,
      (SELECT count(*) FROM "Task" t WHERE t."ownerId" = u.id AND t.status = 'open' AND t."dueAt" < $2) AS tasks,
      (SELECT json_agg(d.id ORDER BY d.at, d.id) FROM due d WHERE d."ownerId" = u.id AND d.at <= $1) AS customers
    FROM "User" u WHERE u."teamId" = 1 AND u.active ORDER BY u.id`;
  const endOfToday = new Date('2026-11-23T16:00:00Z');
  const ours: number[] = [];
  const hand: number[] = [];
  let digest: Awaited<ReturnType<typeof dailyDigest>> | undefined;
  let rows: Array<{ id: number; tasks: string; customers: number[] | null }> = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // Interleaved so both see the same cache state; the first round is the warm-up.
    let t = performance.now();
    digest = await dailyDigest(db.prisma, 1, now);
    if (i) ours.push(performance.now() - t);
    t = performance.now();
    rows = await sql(handWritten, url, [now.toISOString().replace('Z', ''), endOfToday.toISOString().replace('Z', '')]);
    if (i) hand.push(performance.now() - t);
  }
  // What dailyDigest did before (every live customer loaded, then filtered once per rep in JS), for
  // the before/after figure in the same run.
  const before: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const users = await db.prisma.user.findMany({ where: { teamId: 1, active: true }, select: { id: true } });
    const cadence = await cadenceStatus(db.prisma, 1, now);
    users.map((u) => cadence.filter((c) => c.customer.ownerId === u.id && c.dueAt <= now));
    before.push(performance.now() - t);
  }
  const oursDue = digest!.reps.reduce((a, r) => a + r.dueForContact.length, 0);
  const handDue = rows.reduce((a, r) => a + (r.customers?.length ?? 0), 0);
  const oursTasks = digest!.reps.reduce((a, r) => a + r.overdue.length + r.today.length, 0);
  const handTasks = rows.reduce((a, r) => a + Number(r.tasks), 0);
  const sameOrder = digest!.reps.every((r, i) => JSON.stringify(r.dueForContact.map((c) => c.id)) === JSON.stringify(rows[i]?.customers ?? []));
  console.log(`data: ${REPS} reps, ${CUSTOMERS} customers, ${INTERACTIONS} interactions, 20000 tasks (loaded in ${(loadMs / 1000).toFixed(1)} s); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`${oursDue === handDue && sameOrder ? 'agree' : 'DIFFER'}: customers due for contact, per rep and in order: ours ${oursDue} vs hand ${handDue}`);
  console.log(`${oursTasks === handTasks ? 'agree' : 'DIFFER'}: open tasks due by tonight: ours ${oursTasks} vs hand ${handTasks}`);
  console.log('| what | median ms | min ms | ratio to hand-written | target | verdict |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| hand-written single SQL | ${median(hand).toFixed(0)} | ${Math.min(...hand).toFixed(0)} | 1.00 | | |`);
  console.log(`| due lists as before (all live customers into JS, per-rep filter; 2 runs) | ${median(before).toFixed(0)} | ${Math.min(...before).toFixed(0)} | ${(median(before) / median(hand)).toFixed(2)} | | |`);
  console.log(`| dailyDigest() | ${median(ours).toFixed(0)} | ${Math.min(...ours).toFixed(0)} | ${(median(ours) / median(hand)).toFixed(2)} | < ${TARGET_MS} | ${median(ours) < TARGET_MS ? 'ok' : 'MISS'} |`);
} finally {
  await db.close();
  await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
