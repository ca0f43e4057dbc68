// Monthly review (issue 13) for a team of 200 reps, 100,000 customers and 1,000,000 interactions on
// PostgreSQL: our monthlyFigures() beside one hand-written SQL query computing the same figures, same run.
// The data is the report benches' (bench/support/sales-data.ts) plus what only the monthly review reads.
import pg from 'pg';
import { monthlyFigures } from '../src/domain/reports/monthly.ts';
import { emit, quick } from './support/report.ts';
import { CUSTOMERS, INTERACTIONS, median, REPS, salesDatabase } from './support/sales-data.ts';

const SIZE = { reps: REPS, customers: CUSTOMERS, interactions: INTERACTIONS };
const RUNS = quick ? 3 : 7;
// October 2026 in Asia/Shanghai.
const PERIOD = { start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };

/** Source costs, deal values, tier changes in the audit trail and complaints: what only the monthly review reads. */
const MONTHLY_EXTRA = `
  UPDATE "Team" SET "sourceCosts" = '{"expo": 2000000, "website": 500000, "advertising": 3000000}';
  UPDATE "Customer" SET "dealValueMinor" = 100000 + id, "dealCurrency" = 'USD', "dealAt" = "createdAt" + interval '20 days' WHERE status = 'deal';
  INSERT INTO "AuditEvent" (door, entity, "entityId", action, before, after, at)
    SELECT 'console', 'customer', (1 + g * 7 % ${CUSTOMERS})::text, 'update',
           jsonb_build_object('tier', (ARRAY['A','B','C'])[1 + g % 3]), jsonb_build_object('tier', (ARRAY['B','C','A'])[1 + g % 3]),
           timestamp '2026-11-23 00:00' - (g % 90) * interval '1 day'
    FROM generate_series(1, 30000) g;
  INSERT INTO "Complaint" ("teamId", "customerId", "openedById", summary, "openedAt", "resolvedAt")
    SELECT 1, 1 + g * 13 % ${CUSTOMERS}, 1 + g % ${REPS},
           (ARRAY['发货太慢，客服不回消息', 'late delivery of spare parts', '客服态度差', 'invoice was wrong again', '包装破损，发货太慢'])[1 + g % 5],
           timestamp '2026-11-23 00:00' - (g % 90) * interval '1 day', CASE WHEN g % 2 = 0 THEN timestamp '2026-11-23 00:00' END
    FROM generate_series(1, 3000) g;`;

// The same figures in one statement written by hand.
const handWritten = `
  WITH p AS (SELECT $1::timestamptz s, $2::timestamptz e, 24 AS h),
  cohort AS (SELECT c.* FROM "Customer" c, p WHERE c."teamId" = 1 AND c."createdAt" >= p.s AND c."createdAt" < p.e)
  SELECT
    (SELECT json_agg(x) FROM (SELECT source, count(*) n, count(*) FILTER (WHERE status = 'deal' OR "dealAt" IS NOT NULL) deals,
       sum("dealValueMinor") FILTER (WHERE "dealCurrency" = 'USD') usd FROM cohort GROUP BY source ORDER BY source) x) sources,
    (SELECT json_agg(x) FROM (SELECT a.before->>'tier' f, a.after->>'tier' t, count(*) n
       FROM "AuditEvent" a JOIN "Customer" c ON a.entity = 'customer' AND a."entityId" = c.id::text, p
       WHERE a.at >= p.s AND a.at < p.e AND a.action <> 'create' AND c."teamId" = 1 AND a.before->>'tier' <> a.after->>'tier'
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2) x) tiers,
    (SELECT row_to_json(x) FROM (SELECT count(*) leads, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Interaction" i
       WHERE i."customerId" = c.id AND i."occurredAt" >= c."createdAt" AND i."occurredAt" < c."createdAt" + interval '24 hours')) answered FROM cohort c) x) leads,
    (SELECT row_to_json(x) FROM (SELECT count(*) n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Interaction" j
       WHERE j."customerId" = i."customerId" AND j."occurredAt" > i."occurredAt" AND j."occurredAt" <= i."occurredAt" + interval '24 hours')) followed
       FROM "Interaction" i JOIN "Customer" c ON c.id = i."customerId", p WHERE c."teamId" = 1 AND i."occurredAt" >= p.s AND i."occurredAt" < p.e) x) follow,
    (SELECT row_to_json(x) FROM (SELECT count(*) FILTER (WHERE "dueAt" >= p.s AND "dueAt" < p.e) due,
       count(*) FILTER (WHERE "dueAt" >= p.s AND "dueAt" < p.e AND status = 'done' AND "doneAt" < p.e) ontime,
       count(*) FILTER (WHERE "doneAt" >= p.s AND "doneAt" < p.e) done FROM "Task", p WHERE "teamId" = 1) x) tasks,
    (SELECT row_to_json(x) FROM (SELECT count(*) n, count(*) FILTER (WHERE "resolvedAt" IS NULL) open FROM "Complaint", p
       WHERE "teamId" = 1 AND "openedAt" >= p.s AND "openedAt" < p.e) x) complaints,
    (SELECT json_object_agg(outcome, n) FROM (SELECT outcome, count(*) n FROM "Quote", p WHERE "teamId" = 1 AND outcome IS NOT NULL
       AND "outcomeAt" >= p.s AND "outcomeAt" < p.e GROUP BY outcome) x) quotes`;

const data = await salesDatabase({ extra: MONTHLY_EXTRA });
const { db, url, loadMs } = data;
try {

  // The hand-written query on two connections of its own: the server's defaults, and JIT off as
  // monthlyFigures() runs (the verdict compares with the faster of the two).
  const asIs = new pg.Client({ connectionString: url });
  const noJit = new pg.Client({ connectionString: url });
  await Promise.all([asIs.connect(), noJit.connect()]);
  await noJit.query('SET jit = off');
  const ours: number[] = [];
  const handAsIs: number[] = [];
  const handNoJit: number[] = [];
  let report: Awaited<ReturnType<typeof monthlyFigures>> | undefined;
  let row: Record<string, unknown> | undefined;
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so all three see the same cache state.
    let t = performance.now();
    report = await monthlyFigures(db.prisma, { teamId: 1, ...PERIOD });
    ours.push(performance.now() - t);
    t = performance.now();
    row = (await noJit.query(handWritten, [PERIOD.start, PERIOD.end])).rows[0];
    handNoJit.push(performance.now() - t);
    t = performance.now();
    await asIs.query(handWritten, [PERIOD.start, PERIOD.end]);
    handAsIs.push(performance.now() - t);
  }
  await Promise.all([asIs.end(), noJit.end()]);
  const hand = median(handNoJit) <= median(handAsIs) ? handNoJit : handAsIs;
  const h = row as {
    sources: Array<{ source: string; n: number; deals: number; usd: number | null }>;
    tiers: Array<{ f: string; t: string; n: number }>;
    leads: { leads: number; answered: number };
    follow: { n: number; followed: number };
    tasks: { due: number; ontime: number; done: number };
    complaints: { n: number; open: number };
    quotes: Record<string, number>;
  };
  const r = report!;
  const bySource = (xs: Array<[string, number, number, number]>) => JSON.stringify([...xs].sort((a, b) => a[0].localeCompare(b[0])));
  const compare: Array<[string, unknown, unknown]> = [
    ['new customers, deals and USD value by source', bySource(r.sources.filter((s) => s.customers).map((s) => [s.source, s.customers, s.deals, Number(s.value.find((v) => v.currency === 'USD')?.minor ?? 0)])), bySource(h.sources.map((s) => [s.source, Number(s.n), Number(s.deals), Number(s.usd ?? 0)]))],
    ['tier moves', r.tierMoves.map((m) => [m.from, m.to, m.count]), (h.tiers ?? []).map((m) => [m.f, m.t, Number(m.n)])],
    ['leads answered, interactions followed', [r.response.leads, r.response.answered, r.response.interactions, r.response.followed], [h.leads.leads, h.leads.answered, h.follow.n, h.follow.followed].map(Number)],
    ['tasks due / on time / done', [r.tasks.due, r.tasks.doneOfDue, r.tasks.done], [h.tasks.due, h.tasks.ontime, h.tasks.done].map(Number)],
    ['complaints / open', [r.complaints.count, r.complaints.open], [h.complaints.n, h.complaints.open].map(Number)],
    ['quote outcomes', [r.quotes.accepted, r.quotes.negotiating, r.quotes.rejected], ['accepted', 'negotiating', 'rejected'].map((k) => Number(h.quotes?.[k] ?? 0))],
  ];
  console.log(`data: ${SIZE.reps} reps, ${SIZE.customers} customers, ${SIZE.interactions} interactions (loaded in ${(loadMs / 1000).toFixed(1)} s); October 2026: ${r.newCustomers} new customers, ${r.response.interactions} interactions, ${r.complaints.count} complaints`);
  for (const [what, a, b] of compare) console.log(`${JSON.stringify(a) === JSON.stringify(b) ? 'agree' : 'DIFFER'}: ${what}: ours ${JSON.stringify(a)} vs hand ${JSON.stringify(b)}`);
  console.log(`themes: ${r.complaints.themes.map((t) => `${t.term} ${t.count}`).join(', ')}`);
  console.log('| what | median ms | min ms | ratio to hand-written |');
  console.log('|---|---|---|---|');
  console.log(`| hand-written single SQL, server defaults (JIT on) | ${median(handAsIs).toFixed(0)} | ${Math.min(...handAsIs).toFixed(0)} | ${(median(handAsIs) / median(hand)).toFixed(2)} |`);
  console.log(`| hand-written single SQL, JIT off | ${median(handNoJit).toFixed(0)} | ${Math.min(...handNoJit).toFixed(0)} | ${(median(handNoJit) / median(hand)).toFixed(2)} |`);
  console.log(`| monthlyFigures() | ${median(ours).toFixed(0)} | ${Math.min(...ours).toFixed(0)} | ${(median(ours) / median(hand)).toFixed(2)} |`);
  const agree = compare.every(([, a, b]) => JSON.stringify(a) === JSON.stringify(b));
  const ratio = median(ours) / median(hand);
  emit({
    scenario: `monthly report, ${SIZE.interactions.toLocaleString('en')} interactions [postgres]`, concurrency: '-', unit: 'ms',
    ours: { p50: median(ours), p99: Math.max(...ours) }, baseline: { name: 'one hand-written query', p50: median(hand), p99: Math.max(...hand) },
    ratio, target: '< 2 s, ≤ 2× hand', verdict: quick ? 'info' : agree && median(ours) < 2000 && ratio <= 2 ? 'pass' : 'FAIL',
    note: `${RUNS} runs (p99 column: slowest); baseline: the faster of the query with JIT on (p50 ${median(handAsIs).toFixed(0)} ms) and off (${median(handNoJit).toFixed(0)} ms); figures ${agree ? 'agree' : 'DIFFER'} with the hand-written query${quick ? '; --quick uses a tenth of the data, so no verdict' : ''}`,
  });
} finally {
  await data.drop();
}
