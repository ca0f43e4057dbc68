// Weekly summary over the shared sales data (bench/support/sales-data.ts: 100,000 customers, 1,000,000 interactions) on PostgreSQL:
// our weeklySummary() beside one hand-written SQL query computing the same figures, same run.
import { weeklySummary, summaryWeeks } from '../src/domain/digests/weekly.ts';
import { emit, quick } from './support/report.ts';
import { INTERACTIONS, interleaved, median, salesDatabase } from './support/sales-data.ts';

const RUNS = quick ? 3 : 7;

const data = await salesDatabase();
const { db, at } = data;
try {
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

  const run = await interleaved(RUNS, () => weeklySummary(db.prisma, 1, at), async () => (await db.raw.query(handWritten, [start, end, prevStart]))[0]);
  const { ours, hand } = run.times;
  const [summary, handRow] = [run.ours, run.hand];
  const h = handRow as { churn: { cur: number; prev: number }; misses: Record<string, [number, number]>; reps: Array<{ cur: number }>; tasks: Record<string, number>; quotes: Record<string, number> };
  const s = summary;
  const compare: Array<[string, unknown, unknown]> = [
    ['churn risks (now, week before)', [s.churnRisks.count.current, s.churnRisks.count.previous], [Number(h.churn.cur), Number(h.churn.prev)]],
    ['cadence misses A/B/C', (['A', 'B', 'C'] as const).map((t) => [s.cadenceMisses[t].current, s.cadenceMisses[t].previous]), ['A', 'B', 'C'].map((t) => h.misses[t]!.map(Number))],
    ['interactions last week', s.interactionsByRep.reduce((a, r) => a + r.current, 0), h.reps.reduce((a, r) => a + Number(r.cur), 0)],
    ['tasks due / on time / done', [s.tasks.due.current, s.tasks.doneOfDue.current, s.tasks.done.current], [h.tasks.due, h.tasks.ontime, h.tasks.done].map(Number)],
    ['approved value (minor)', s.quotes.approvedValue[0]?.current ?? 0, Number(h.quotes.val ?? 0)],
  ];
  console.log(`data: ${data.summary}`);
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
  await data.drop();
}
