// crm import customers <file.csv|file.xlsx> [--dry-run] [--merge] [--team <name>]
// Prints the dry run (in the team's language); without --dry-run then runs exactly that plan.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderText } from '../../bots/console/render.ts';
import { previewImport, runImport } from '../../domain/customers/import/index.ts';
import { isDomainError } from '../../domain/errors.ts';
import { errorMessage } from '../../intents/catalog/index.ts';
import { dryRunReply, importDoneReply } from '../../intents/render/import.ts';
import { flag, openForTeam, positional } from './customer-files.ts';

const USAGE = 'usage: crm import customers <file.csv|file.xlsx> [--dry-run] [--merge] [--team <name>]';

export async function run(args: string[]): Promise<number> {
  const [what, file] = positional(args, ['--team']);
  if (what !== 'customers' || !file) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    console.error(`crm import: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const opened = await openForTeam(flag(args, '--team'));
  if (typeof opened === 'string') {
    console.error(`crm import: ${opened}`);
    return 1;
  }
  const { db, ctx, locale } = opened;
  const speaker = { locale, timeZone: ctx.actor.timeZone };
  try {
    const preview = await previewImport(ctx, { fileName: path.basename(file), bytes });
    console.log(renderText(dryRunReply(speaker, { fileName: preview.fileName, plan: preview.plan }), locale).text);
    if (args.includes('--dry-run')) return 0;
    const started = Date.now();
    const done = await runImport(ctx, preview.id, { merge: args.includes('--merge') });
    console.log('\n' + renderText(importDoneReply(speaker, done.fileName, done.result, done.again), locale).text);
    console.error(`(${Date.now() - started} ms)`);
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      console.error(`crm import: ${errorMessage(locale, err)}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
