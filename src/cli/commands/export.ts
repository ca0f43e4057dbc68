// crm export customers [--format csv|xlsx] [--out <file>] [--team <name>]
// Writes the team's customers with the import's columns (Chinese headers for a zh-CN team).
import { writeFile } from 'node:fs/promises';
import { exportCustomers } from '../../domain/customers/export.ts';
import { flag, openForTeam, positional } from './customer-files.ts';

const USAGE = 'usage: crm export customers [--format csv|xlsx] [--out <file>] [--team <name>]';

export async function run(args: string[]): Promise<number> {
  const [what] = positional(args, ['--team', '--format', '--out']);
  const format = flag(args, '--format') ?? 'csv';
  if (what !== 'customers' || (format !== 'csv' && format !== 'xlsx')) {
    console.error(USAGE);
    return 2;
  }
  const opened = await openForTeam(flag(args, '--team'));
  if (typeof opened === 'string') {
    console.error(`crm export: ${opened}`);
    return 1;
  }
  const { db, ctx } = opened;
  try {
    const file = await exportCustomers(ctx, format);
    const out = flag(args, '--out') ?? file.fileName;
    await writeFile(out, file.bytes);
    console.log(`${out}: ${file.customers} customers, ${file.rows} rows`);
    return 0;
  } finally {
    await db.close();
  }
}
