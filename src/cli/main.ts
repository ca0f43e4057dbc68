import { ConfigError } from '../config.ts';

type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number | void> }> };

// Each subcommand lives in its own file and is loaded only when asked for, so `crm parse-date`
// does not pay for opening a database or loading chat SDKs.
const commands: Record<string, Command> = {
  start: { summary: 'start the assistant: Slack/Feishu when configured, else the console', load: () => import('./commands/start.ts') },
  'parse-date': { summary: 'show how a date phrase is understood: parse-date "<text>" --tz <zone> [--now <ISO>] | --jsonl', load: () => import('./commands/parse-date.ts') },
  console: { summary: 'chat with the CRM in this terminal: console --as "<name>" [--tz <zone>] [--locale en|zh-CN]', load: () => import('./commands/console.ts') },
  'seed-demo': { summary: 'fill an empty CRM with a believable demo team', load: () => import('./commands/seed-demo.ts') },
  user: { summary: 'user role <door:id or name> <rep|manager|admin>: set a role from the command line', load: () => import('./commands/user.ts') },
  digest: { summary: 'digest preview --team <name> --kind daily|weekly|monthly [--at <ISO>] | digest run --kind daily|weekly|monthly --at <ISO>', load: () => import('./commands/digest.ts') },
  pool: { summary: 'pool sweep [--at <ISO>]: run the pool rule (reminders, manager notes, returns) now and print what it did', load: () => import('./commands/pool.ts') },
  migrate: { summary: 'apply pending database migrations', load: () => import('./commands/migrate.ts') },
  import: { summary: 'import customers <file.csv|file.xlsx> [--dry-run] [--merge] [--team <name>]: a team\'s sheet in, dry run first', load: () => import('./commands/import.ts') },
  export: { summary: 'export customers [--format csv|xlsx] [--out <file>] [--team <name>]: the same columns out', load: () => import('./commands/export.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return ['usage: crm <command> [options]', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`)].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(usage() + '\n');
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
try {
  const code = await (await command.load()).run(args);
  process.exitCode = typeof code === 'number' ? code : 0;
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(err.message + '\n');
    process.exit(78);
  }
  throw err;
}
