// Weekly summary for a team of 200 reps, 100,000 customers and 1,000,000 interactions on PostgreSQL:
// our weeklySummary() beside one hand-written SQL query computing the same figures, same run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/domain/db/database.ts';
import { migrate } from '../src/domain/db/migrate.ts';
import { weeklySummary, summaryWeeks } from '../src/domain/digests/weekly.ts';
import { emit, quick } from './support/report.ts';

const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const name = `crm_bench_${randomBytes(4).toString('hex')}`;
const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
const REPS = 200;
// --quick: a tenth of the data, enough to see the shape; the target is for the full size.
const CUSTOMERS = quick ? 10_000 : 100_000;
const INTERACTIONS = quick ? 100_000 : 1_000_000;
const RUNS = quick ? 3 : 7;

async function sql(text: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(text);
  await c.end();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await sql(`CREATE DATABASE "${name}"`);
const db = await openDatabase({ url });
try {
  await migrate(db.raw);
  const t0 = performance.now();
  const at = new Date('2026-11-23T01:00:00Z');
  // Loaded on a connection of its own: the app's pool bounds every statement (8 s), this one takes minutes.
  const loader = new pg.Client({ connectionString: url });
  await loader.connect();
  await loader.query(`
    INSERT INTO "Team" (name, "timeZone", locale, "updatedAt") VALUES ('Bench', 'Asia/Shanghai', 'en', now());
    INSERT INTO "User" ("displayName", role, "teamId", "updatedAt") SELECT 'Rep ' || g, 'rep', 1, now() FROM generate_series(1, ${REPS}) g;
    INSERT INTO "Customer" (code, name, "normalizedName", "teamId", "ownerId", source, tier, status, "createdAt", "updatedAt")
      SELECT 'CUS' || g, 'Customer ' || g, 'customer' || g, 1, 1 + g % ${REPS},
             (ARRAY['expo','website','phone','referral','outbound','partner','advertising','other'])[1 + g % 8]::"CustomerSource",
             (ARRAY['A','B','C'])[1 + g % 3]::"Tier", (ARRAY['lead','intent','deal','lost'])[1 + g % 4]::"CustomerStatus",
             timestamp '2026-11-23 00:00' - (g % 400) * interval '1 day', now()
      FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO "Interaction" ("customerId", "authorId", channel, "occurredAt", summary)
      SELECT 1 + g % ${(CUSTOMERS * 4) / 5}, 1 + g % ${REPS}, (ARRAY['call','visit','email','meeting','wechat','expo','other'])[1 + g % 7]::"Channel",
             timestamp '2026-11-23 00:00' - (g % 180) * interval '1 day' - (g % 1440) * interval '1 minute', 'bench'
      FROM generate_series(1, ${INTERACTIONS}) g;
    INSERT INTO "Task" (title, "teamId", "ownerId", "dueAt", status, "doneAt", "updatedAt")
      SELECT 'task', 1, 1 + g % ${REPS}, timestamp '2026-11-23 00:00' - (g % 30) * interval '1 day',
             (CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END)::"TaskStatus", CASE WHEN g % 3 = 0 THEN timestamp '2026-11-23 00:00' - (g % 30) * interval '1 day' END, now()
      FROM generate_series(1, 20000) g;
    INSERT INTO "Quote" ("customerId", "authorId", "teamId", status, "submittedAt", "decidedAt", "totalMinor", "updatedAt")
      SELECT 1 + g % ${CUSTOMERS}, 1 + g % ${REPS}, 1, (ARRAY['approved','rejected','pending'])[1 + g % 3]::"QuoteStatus",
             timestamp '2026-11-23 00:00' - (g % 30) * interval '1 day', CASE WHEN g % 3 < 2 THEN timestamp '2026-11-23 00:00' - (g % 29) * interval '1 day' END, 100000 + g, now()
      FROM generate_series(1, 5000) g;
    ANALYZE;`);
  await loader.end();
  const loadMs = performance.now() - t0;

  const { start, end, prevStart } = summaryWeeks(at, 'Asia/Shanghai');
  // The same figures, last week and the week before, in one statement written by hand.
  const handWritten = `
    WITH w AS (SELECT $1::timestamptz s, $2::timestamptz e, $3::timestamptz p),
    last AS (SELECT c.id, c.tier, c."createdAt" created, coalesce(max(i."occurredAt"), c."createdAt") base,
                    coalesce(max(i."occurredAt") FILTER (WHERE i."occurredAt" < (SELECT s FROM w)), c."createdAt") base_prev,
                    CASE c.tier WHEN 'A' THEN interval '7 days' WHEN 'B' THEN interval '14 days' ELSE interval '30 days' END cadence
             FROM "Customer" c LEFT JOIN "Interaction" i ON i."customerId" = c.id AND i."occurredAt" < (SELECT e FROM w)
             WHERE c."teamId" = 1 AND c.status <> 'lost' AND c."createdAt" < (SELECT e FROM w) GROUP BY c.id)
    SELECT
      (SELECT json_agg(x) FROM (SELECT source, count(*) FILTER (WHERE "createdAt" >= w.s) cur, count(*) FILTER (WHERE "createdAt" < w.s) prev
         FROM "Customer", w WHERE "teamId" = 1 AND "createdAt" >= w.p AND "createdAt" < w.e GROUP BY source) x) sources,
      (SELECT json_agg(x) FROM (SELECT i."authorId", count(*) FILTER (WHERE i."occurredAt" >= w.s) cur, count(*) FILTER (WHERE i."occurredAt" < w.s) prev
         FROM "Interaction" i, w WHERE i."occurredAt" >= w.p AND i."occurredAt" < w.e GROUP BY i."authorId") x) reps,
      (SELECT json_agg(x) FROM (SELECT i.channel, count(*) FILTER (WHERE i."occurredAt" >= w.s) cur, count(*) FILTER (WHERE i."occurredAt" < w.s) prev
         FROM "Interaction" i, w WHERE i."occurredAt" >= w.p AND i."occurredAt" < w.e GROUP BY i.channel) x) channels,
      (SELECT row_to_json(x) FROM (SELECT count(*) FILTER (WHERE "dueAt" >= w.s AND "dueAt" < w.e) due, count(*) FILTER (WHERE "dueAt" >= w.p AND "dueAt" < w.s) due_prev,
              count(*) FILTER (WHERE "dueAt" >= w.s AND "dueAt" < w.e AND status = 'done' AND "doneAt" < w.e) ontime,
              count(*) FILTER (WHERE "dueAt" >= w.p AND "dueAt" < w.s AND status = 'done' AND "doneAt" < w.s) ontime_prev,
              count(*) FILTER (WHERE "doneAt" >= w.s AND "doneAt" < w.e) done, count(*) FILTER (WHERE "doneAt" >= w.p AND "doneAt" < w.s) done_prev
         FROM "Task", w WHERE "teamId" = 1) x) tasks,
      (SELECT row_to_json(x) FROM (SELECT count(*) FILTER (WHERE "submittedAt" >= w.s AND "submittedAt" < w.e) sub, count(*) FILTER (WHERE "submittedAt" >= w.p AND "submittedAt" < w.s) sub_prev,
              count(*) FILTER (WHERE status = 'approved' AND "decidedAt" >= w.s AND "decidedAt" < w.e) app, count(*) FILTER (WHERE status = 'approved' AND "decidedAt" >= w.p AND "decidedAt" < w.s) app_prev,
              count(*) FILTER (WHERE status = 'rejected' AND "decidedAt" >= w.s AND "decidedAt" < w.e) rej, count(*) FILTER (WHERE status = 'rejected' AND "decidedAt" >= w.p AND "decidedAt" < w.s) rej_prev,
              sum("totalMinor") FILTER (WHERE status = 'approved' AND "decidedAt" >= w.s AND "decidedAt" < w.e) val,
              sum("totalMinor") FILTER (WHERE status = 'approved' AND "decidedAt" >= w.p AND "decidedAt" < w.s) val_prev FROM "Quote", w WHERE "teamId" = 1) x) quotes,
      (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) n FROM "Customer", w WHERE "teamId" = 1 AND "createdAt" < w.e GROUP BY status) x) statuses,
      (SELECT row_to_json(x) FROM (SELECT count(*) FILTER (WHERE a."at" >= w.s) cur, count(*) FILTER (WHERE a."at" < w.s) prev
         FROM "AuditEvent" a JOIN "Customer" c ON a.entity = 'customer' AND a."entityId" = c.id::text, w
         WHERE c."teamId" = 1 AND a.action = 'status' AND a.after->>'status' = 'deal' AND a."at" >= w.p AND a."at" < w.e) x) won,
      (SELECT row_to_json(x) FROM (SELECT count(*) FILTER (WHERE base <= w.e - interval '90 days') cur,
              count(*) FILTER (WHERE created < w.s AND base_prev <= w.s - interval '90 days') prev FROM last, w) x) churn,
      (SELECT json_agg(x) FROM (SELECT name, code, base FROM last JOIN "Customer" USING (id), w WHERE base <= w.e - interval '90 days' ORDER BY base, id LIMIT 5) x) top,
      (SELECT json_object_agg(tier, json_build_array(cur, prev)) FROM (SELECT tier, count(*) FILTER (WHERE base + cadence < w.e) cur,
              count(*) FILTER (WHERE created < w.s AND base_prev + cadence < w.s) prev FROM last, w GROUP BY tier) x) misses`;

  const ours: number[] = [];
  const hand: number[] = [];
  let summary: Awaited<ReturnType<typeof weeklySummary>> | undefined;
  let handRow: Record<string, unknown> | undefined;
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so both see the same cache state.
    let t = performance.now();
    summary = await weeklySummary(db.prisma, 1, at);
    ours.push(performance.now() - t);
    t = performance.now();
    handRow = (await db.raw.query(handWritten, [start, end, prevStart]))[0];
    hand.push(performance.now() - t);
  }
  const h = handRow as { churn: { cur: number; prev: number }; misses: Record<string, [number, number]>; reps: Array<{ cur: number }>; tasks: Record<string, number>; quotes: Record<string, number> };
  const s = summary!;
  const compare: Array<[string, unknown, unknown]> = [
    ['churn risks (now, week before)', [s.churnRisks.count.current, s.churnRisks.count.previous], [Number(h.churn.cur), Number(h.churn.prev)]],
    ['cadence misses A/B/C', (['A', 'B', 'C'] as const).map((t) => [s.cadenceMisses[t].current, s.cadenceMisses[t].previous]), ['A', 'B', 'C'].map((t) => h.misses[t]!.map(Number))],
    ['interactions last week', s.interactionsByRep.reduce((a, r) => a + r.current, 0), h.reps.reduce((a, r) => a + Number(r.cur), 0)],
    ['tasks due / on time / done', [s.tasks.due.current, s.tasks.doneOfDue.current, s.tasks.done.current], [h.tasks.due, h.tasks.ontime, h.tasks.done].map(Number)],
    ['approved value (minor)', s.quotes.approvedValue[0]?.current ?? 0, Number(h.quotes.val ?? 0)],
  ];
  console.log(`data: ${REPS} reps, ${CUSTOMERS} customers, ${INTERACTIONS} interactions (loaded in ${(loadMs / 1000).toFixed(1)} s)`);
  for (const [what, a, b] of compare) console.log(`${JSON.stringify(a) === JSON.stringify(b) ? 'agree' : 'DIFFER'}: ${what}: ours ${JSON.stringify(a)} vs hand ${JSON.stringify(b)}`);
  console.log('| what | median ms | min ms | ratio to hand-written |');
  console.log('|---|---|---|---|');
  console.log(`| hand-written single SQL | ${median(hand).toFixed(0)} | ${Math.min(...hand).toFixed(0)} | 1.00 |`);
  console.log(`| weeklySummary() | ${median(ours).toFixed(0)} | ${Math.min(...ours).toFixed(0)} | ${(median(ours) / median(hand)).toFixed(2)} |`);
  const agree = compare.every(([, a, b]) => JSON.stringify(a) === JSON.stringify(b));
  const ratio = median(ours) / median(hand);
  emit({
    scenario: `weekly report, ${INTERACTIONS.toLocaleString('en')} interactions [postgres]`, concurrency: '-', unit: 'ms',
    ours: { p50: median(ours), p99: Math.max(...ours) }, baseline: { name: 'one hand-written query', p50: median(hand), p99: Math.max(...hand) },
    ratio, target: '< 2 s, ≤ 2× hand', verdict: quick ? 'info' : agree && median(ours) < 2000 && ratio <= 2 ? 'pass' : 'FAIL',
    note: `${RUNS} runs (p99 column: slowest); figures ${agree ? 'agree' : 'DIFFER'} with the hand-written query${quick ? '; --quick uses a tenth of the data, so no verdict' : ''}`,
  });
} finally {
  await db.close();
  await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
