// One sales team's data for every report bench (weekly, funnel, RFM, monthly): 200 reps, 100,000
// customers over 400 days, 1,000,000 interactions over 180 days, tasks, quotes with their decisions
// and the customers' answers, and the status moves (the audit's `status` rows) the funnel reads.
// `--quick` loads a tenth. salesDatabase() fills a fresh PostgreSQL database and hands it back with
// the team's id and the bench's clock; drop() removes it.
// BENCH_DB=<name> keeps the loaded database under that name (suffixed _quick for --quick) and reuses it
// on the next run instead of loading again: for profiling by hand. Drop it yourself when done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/domain/db/database.ts';
import { migrate } from '../../src/domain/db/migrate.ts';
import { quick } from './report.ts';

export const REPS = 200;
export const CUSTOMERS = quick ? 10_000 : 100_000;
export const INTERACTIONS = quick ? 100_000 : 1_000_000;
export const TIME_ZONE = 'Asia/Shanghai';

export interface SalesData {
  db: Database;
  /** The database's connection string, for a bench's own connections beside the app's pool. */
  url: string;
  teamId: number;
  /** The bench's now: a Monday morning in Shanghai. */
  at: Date;
  loadMs: number;
  summary: string;
  drop(): Promise<void>;
}

const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function sql(text: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(text);
  await c.end();
}

/** Whether the kept database `name` exists and was fully loaded with these extra statements. */
async function loaded(name: string, extra: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [name]);
    return rows[0]?.note === `loaded:${extra}`;
  } finally {
    await c.end();
  }
}

/** `extra`: statements a bench adds on top (what only its report reads), run before the statistics are taken. */
export async function salesDatabase(opts: { extra?: string } = {}): Promise<SalesData> {
  const kept = process.env.BENCH_DB ? `${process.env.BENCH_DB}${quick ? '_quick' : ''}` : null;
  const name = kept ?? `crm_bench_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  if (kept && (await loaded(name, opts.extra ?? ''))) {
    const db = await openDatabase({ url });
    await migrate(db.raw);
    return {
      db, url, teamId: 1, at: new Date('2026-11-23T01:00:00Z'), loadMs: 0, drop: () => db.close(),
      summary: `${REPS} reps, ${CUSTOMERS} customers, ${INTERACTIONS} interactions (kept database ${name}, not reloaded)`,
    };
  }
  if (kept) await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(`CREATE DATABASE "${name}"`);
  const db = await openDatabase({ url });
  const drop = async () => {
    await db.close();
    if (!kept) await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  try {
    await migrate(db.raw);
    const t0 = performance.now();
    // Loaded on a connection of its own: the app's pool bounds every statement (8 s), this one takes minutes.
    const loader = new pg.Client({ connectionString: url });
    // A failed load drops the database with FORCE, which ends this connection too: that is not news.
    loader.on('error', () => {});
    await loader.connect();
    await loader.query(`
      INSERT INTO "Team" (name, "timeZone", locale, "updatedAt") VALUES ('Bench', '${TIME_ZONE}', 'en', now());
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
      INSERT INTO "Quote" ("customerId", "authorId", "teamId", status, "submittedAt", "decidedAt", "totalMinor", outcome, "outcomeAt", "updatedAt")
        SELECT 1 + g % ${CUSTOMERS}, 1 + g % ${REPS}, 1, (ARRAY['approved','rejected','pending'])[1 + g % 3]::"QuoteStatus",
               timestamp '2026-11-23 00:00' - (g % 30) * interval '1 day', CASE WHEN g % 3 < 2 THEN timestamp '2026-11-23 00:00' - (g % 29) * interval '1 day' END, 100000 + g,
               CASE WHEN g % 3 = 0 THEN (ARRAY['accepted','negotiating','rejected'])[1 + g % 4]::"QuoteOutcome" END,
               CASE WHEN g % 3 = 0 AND g % 4 < 3 THEN timestamp '2026-11-23 00:00' - (g % 29) * interval '1 day' + interval '1 day' END, now()
        FROM generate_series(1, 5000) g;
      -- Every customer past lead went there through intent; the moves land within 35 days of creation, never after the bench's now.
      INSERT INTO "AuditEvent" ("actorId", door, entity, "entityId", action, before, after, at)
        SELECT c."ownerId", 'console'::"Door", 'customer', c.id::text, 'status', '{"status":"lead"}'::jsonb, '{"status":"intent"}'::jsonb, least(c."createdAt" + (c.id % 20) * interval '1 day', timestamp '2026-11-22 12:00')
        FROM "Customer" c WHERE c.status <> 'lead'
        UNION ALL
        SELECT c."ownerId", 'console'::"Door", 'customer', c.id::text, 'status', '{"status":"intent"}'::jsonb, json_build_object('status', c.status)::jsonb, least(c."createdAt" + (c.id % 20 + 1 + c.id % 15) * interval '1 day', timestamp '2026-11-22 12:00')
        FROM "Customer" c WHERE c.status IN ('deal', 'lost');
      ${opts.extra ?? ''}
      ANALYZE;`);
    // As autovacuum leaves a settled database: visibility maps set, so index-only scans can skip the heap.
    await loader.query('VACUUM ANALYZE');
    // A kept database remembers which extra statements it was loaded with, so a bench with other ones reloads.
    if (kept) await loader.query(`COMMENT ON DATABASE "${name}" IS ${loader.escapeLiteral(`loaded:${opts.extra ?? ''}`)}`);
    await loader.end();
    const loadMs = performance.now() - t0;
    return {
      db, url, teamId: 1, at: new Date('2026-11-23T01:00:00Z'), loadMs, drop,
      summary: `${REPS} reps, ${CUSTOMERS} customers, ${INTERACTIONS} interactions (loaded in ${(loadMs / 1000).toFixed(1)} s)`,
    };
  } catch (e) {
    console.error(e);
    await drop();
    throw e;
  }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** After one untimed round, runs ours and the hand-written query in turn (so both see the same cache state); their times and last results. */
export async function interleaved<A, B>(runs: number, ours: () => Promise<A>, hand: () => Promise<B>) {
  const times = { ours: [] as number[], hand: [] as number[] };
  let a: A | undefined;
  let b: B | undefined;
  // One untimed round first: the pool's first connections and the planner's first look belong to neither.
  await ours();
  await hand();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a = await ours();
    times.ours.push(performance.now() - t);
    t = performance.now();
    b = await hand();
    times.hand.push(performance.now() - t);
  }
  return { times, ours: a!, hand: b! };
}
