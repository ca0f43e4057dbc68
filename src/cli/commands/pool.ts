// `crm pool sweep [--at <ISO>]`: runs the pool rule by hand, as the hourly job would at that instant,
// and prints each step it took. Messages go to people's console identities here (printed below) —
// the chat doors deliver them when the running assistant sweeps. Steps already taken by another
// process or an earlier run are not taken again.
import { parseArgs } from 'node:util';
import { bootApp } from '../../app/boot.ts';
import { consoleSender } from '../../bots/console/sender.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { sweepAndTell } from '../../scheduler/pool.ts';

const USAGE = 'usage: crm pool sweep [--at <ISO instant>]';

const WHAT: Record<string, string> = {
  reminder: 'reminded the owner',
  manager: 'told the manager',
  return: 'returned to the pool',
};

export async function run(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  let values: { at?: string };
  try {
    values = parseArgs({ args: rest, options: { at: { type: 'string' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const at = values.at ? new Date(values.at) : undefined;
  if (verb !== 'sweep' || (at && Number.isNaN(at.getTime()))) {
    console.error(at && Number.isNaN(at.getTime()) ? `crm pool: --at ${values.at} is not an ISO instant (e.g. 2026-11-25T09:00:00Z)\n${USAGE}` : USAGE);
    return 2;
  }
  const clock = at ? { now: () => at } : undefined;
  const app = await bootApp(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'), clock);
  try {
    app.notifier.register(consoleSender((t) => void process.stdout.write(t)));
    const swept = await sweepAndTell({ db: app.db, clock: app.clock, outbox: app.outbox!, log: app.log });
    console.log(`\npool sweep at ${app.clock.now().toISOString()}${swept.length ? '' : ': no teams yet, nothing to do'}`);
    for (const t of swept) {
      console.log(`${t.team.name}: ${t.events.length ? `${t.events.length} step(s)` : 'nothing due'}`);
      for (const e of t.events) {
        const who = e.step === 'manager' ? `${e.managers.map((m) => m.displayName).join(', ') || 'no manager to tell'} (owner ${e.owner.displayName})` : e.owner.displayName;
        console.log(`  ${e.customer.code} ${e.customer.name} (tier ${e.customer.tier}, ${e.hours} h window, due back ${e.deadline.toISOString()}): ${WHAT[e.step]} — ${who}`);
      }
    }
    return 0;
  } finally {
    await app.db.close();
  }
}
