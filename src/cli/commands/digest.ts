import { parseArgs } from 'node:util';
import { bootApp } from '../../app/boot.ts';
import { renderText } from '../../bots/console/render.ts';
import { consoleSender } from '../../bots/console/sender.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { createRunner } from '../../scheduler/runner.ts';
import { digestMessages } from '../../scheduler/messages.ts';
import { latestSlot, type DigestKind } from '../../scheduler/slots.ts';

const USAGE = `usage: crm digest preview --team <name> --kind daily|weekly|monthly [--at <ISO instant>]
       crm digest run --kind daily|weekly|monthly --at <ISO instant>`;

export async function run(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { team: { type: 'string' }, kind: { type: 'string' }, at: { type: 'string' } } });
  const kind = values.kind as DigestKind;
  const at = values.at ? new Date(values.at) : new Date();
  if ((verb !== 'preview' && verb !== 'run') || !['daily', 'weekly', 'monthly'].includes(kind) || Number.isNaN(at.getTime()) || (verb === 'preview' && !values.team) || (verb === 'run' && !values.at)) {
    console.error(USAGE);
    return 2;
  }
  const app = await bootApp(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'), { now: () => at });
  try {
    if (verb === 'preview') {
      const team = await app.db.prisma.team.findUnique({ where: { name: values.team } });
      if (!team) {
        console.error(`crm digest: no team named ${values.team}`);
        return 2;
      }
      const { slot } = latestSlot(kind, team, at);
      const messages = await digestMessages(app.db.prisma, kind, team.id, slot, false);
      if (!messages.size) console.log('(nothing to send: nobody has anything due)');
      for (const [recipient, m] of messages) console.log(`── to ${recipient} ──\n${renderText(m.reply, team.locale === 'zh-CN' ? 'zh-CN' : 'en').text}\n`);
      return 0;
    }
    // Runs the slot due at --at for every team, under the same once-only claim as the scheduler.
    app.notifier.register(consoleSender((t) => void process.stdout.write(t)));
    const runner = createRunner({ db: app.db, clock: app.clock, log: app.log, notifier: app.notifier, instanceId: `cli:${process.pid}` });
    for (const team of await app.db.prisma.team.findMany({ orderBy: { id: 'asc' } })) {
      const { slot } = latestSlot(kind, team, at);
      const ran = await runner.runSlot(kind, team.id, slot, false);
      console.log(`${team.name}: ${kind} slot ${slot.toISOString()} ${ran ? 'ran now' : 'had already run: nothing sent twice'}`);
    }
    return 0;
  } finally {
    await app.db.close();
  }
}
