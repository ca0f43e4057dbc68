// Cold start: `crm start` (Slack HTTP door configured, pointing at a fake Slack) from spawn to
// /readyz answering 200 (database open, migrations applied), on a store already migrated by a first
// start, as a restart or a new replica sees it; beside a bare node HTTP server's spawn-to-listening.
// Run: npx tsx bench/start.bench.ts [postgres|pglite]   (BENCH_QUICK=1 for fewer starts)
import { FakeSlack } from '../test/support/fake-slack.ts';
import { emit, pct, quick, verdict } from './support/report.ts';
import { freshStore, startBare, startCrm, type Engine } from './support/servers.ts';

const STARTS = quick ? 3 : 7;
const TARGET: Record<Engine, number> = { postgres: 1000, pglite: 1500 };
const engines = process.argv.slice(2).filter((a) => a === 'postgres' || a === 'pglite') as Engine[];
if (engines.length === 0) engines.push('postgres', 'pglite');

const fake = new FakeSlack();
await fake.start();
const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: `${fake.url}/api/` };
try {
  for (const engine of engines) {
    const store = await freshStore(engine);
    try {
      const first = await startCrm({ ...slackEnv, ...store.env }, `crm-start-${engine}`);
      await first.stop();
      const ours: number[] = [];
      const bare: number[] = [];
      const rss: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < STARTS; i++) {
        const b = await startBare('bare-node.mjs', {});
        bare.push(b.readyMs);
        await b.stop();
        const o = await startCrm({ ...slackEnv, ...store.env }, `crm-start-${engine}`);
        ours.push(o.readyMs);
        rss.push(o.rssMb());
        cpu.push(o.cpuMs());
        await o.stop();
      }
      const ratio = pct(ours, 50) / pct(bare, 50);
      emit({
        scenario: `cold start to /readyz [${engine}]`, concurrency: '-', unit: 'ms',
        ours: { p50: pct(ours, 50), p99: Math.max(...ours) }, baseline: { name: 'bare node http', p50: pct(bare, 50), p99: Math.max(...bare) },
        ratio, target: `< ${TARGET[engine]} ms`, verdict: verdict(pct(ours, 50) < TARGET[engine]),
        note: `${STARTS} starts (p99 column: slowest); first start with migrations ${first.readyMs.toFixed(0)} ms; idle RSS when ready ${pct(rss, 50).toFixed(0)} MB; CPU used by then ${pct(cpu, 50).toFixed(0)} ms (the figure a loaded machine disturbs least)`,
      });
    } finally {
      await store.drop();
    }
  }
} finally {
  await fake.stop();
}
