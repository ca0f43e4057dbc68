import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { describeDate } from '../../intents/dates/describe.ts';

const USAGE = 'usage: crm parse-date "<text>" --tz <IANA zone> [--now <ISO instant>] [--locale en|zh-CN]\n       crm parse-date --jsonl  (reads {"text","tz","now"} per line from stdin)';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tz: { type: 'string' }, now: { type: 'string' }, locale: { type: 'string' }, jsonl: { type: 'boolean' } },
  });
  if (values.jsonl) return jsonl();
  if (positionals.length === 0 || !values.tz) {
    console.error(USAGE);
    return 2;
  }
  try {
    const locale = values.locale === 'zh-CN' ? 'zh-CN' : values.locale === 'en' ? 'en' : undefined;
    console.log(JSON.stringify(describeDate({ text: positionals.join(' '), tz: values.tz, now: values.now ?? new Date().toISOString(), locale })));
    return 0;
  } catch (err) {
    console.error(`crm parse-date: ${(err as Error).message}`);
    return 2;
  }
}

// One answer per input line, in order; a bad line gets {"error"} so the stream stays aligned.
async function jsonl(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const q = JSON.parse(line);
      out = describeDate({ text: q.text, tz: q.tz, now: q.now ?? new Date().toISOString(), locale: q.locale });
    } catch (err) {
      out = { error: (err as Error).message, line };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return 0;
}
