// parseCommand: any text a person sends, to exactly one valid Intent. Total by construction: every
// branch returns an Intent, the result is checked against the zod union, and a last-resort catch
// turns an unforeseen bug into a polite refusal rather than an exception at the door.
import { parseComplaint } from './complaint.ts';
import { intentSchema, invalidIntent, type Intent, type ParseContext, type UsageKey } from '../intent.ts';
import { parseCrm, parseHelp, parseRole, withoutArguments } from './crm.ts';
import { parseContact } from './contact.ts';
import { parseCustomer } from './customer.ts';
import { parseCustomersList, parseQuotesList } from './lists.ts';
import { isInvalid, takeId } from './ids.ts';
import { parseLog } from './log.ts';
import { parsePool } from './pool.ts';
import { parseQuote } from './quote.ts';
import { suggestCommand } from './suggest.ts';
import { parseTasks } from './tasks.ts';
import { firstWord, MAX_COMMAND, MAX_INPUT, sanitize, src, type Src } from './text.ts';
import { COMMANDS, lookup, type CommandName } from './vocabulary.ts';

export { cleanSummary } from './log.ts';

export function parseCommand(text: string, ctx: ParseContext): Intent {
  try {
    return checked(parse(typeof text === 'string' ? text : '', ctx));
  } catch {
    return invalidIntent('bad_value', 'usage.help', {});
  }
}

/**
 * The parser without its safety nets (no final schema check, no catch). Tests drive hostile input
 * through this one too, so the nets stay a last resort rather than the thing that makes tests pass.
 */
export function parseCommandUnguarded(text: string, ctx: ParseContext): Intent {
  return parse(text, ctx);
}

// The context is part of the contract so parsers can grow zone- or locale-aware readings
// (dates stay raw phrases today; see intent.ts) without changing every caller.
function parse(raw: string, _ctx: ParseContext): Intent {
  if (raw.length > MAX_INPUT) return invalidIntent('too_long', 'usage.help', { max: MAX_INPUT });
  const text = sanitize(raw).trim();
  if (!text) return invalidIntent('empty', 'usage.help', {});
  const { word, rest } = firstWord(src(text));
  const name = word.f.replace(/^\//, '');
  const command = lookup(COMMANDS, name);
  if (!command) {
    const suggestion = suggestCommand(name);
    return invalidIntent('unknown_command', 'usage.help', { command: word.o.slice(0, 50), ...(suggestion ? { suggestion } : {}) });
  }
  if (command !== 'customer' && rest.f.length > MAX_COMMAND) return invalidIntent('too_long', USAGE_OF[command], { max: MAX_COMMAND });
  return dispatch(command, rest);
}

const USAGE_OF: Record<CommandName, UsageKey> = {
  customer: 'usage.customer',
  log: 'usage.log',
  tasks: 'usage.tasks',
  quote: 'usage.quote',
  crm: 'usage.crm',
  help: 'usage.help',
  whoami: 'usage.crm',
  role: 'usage.role',
  undo: 'usage.undo',
  pool: 'usage.pool',
  contact: 'usage.contact',
  customers: 'usage.customers',
  quotes: 'usage.quotes',
  complaint: 'usage.complaint',
};

// `/customers hot`, `/客户 热门`, `/客户 列表 热门`: the highest lead scores (issue 13).
const HOT_RE = /^(?:(?:list|列表|清单)\s+)?(?:hot|hottest|热门|高分|热门客户|高分客户)$/i;

function dispatch(command: CommandName, rest: Src): Intent {
  if ((command === 'customers' || command === 'customer') && HOT_RE.test(rest.f.trim())) return { kind: 'customers.hot' };
  switch (command) {
    case 'customer':
      return parseCustomer(rest);
    case 'log':
      return parseLogOrUndo(rest);
    case 'tasks':
      return parseTasks(rest);
    case 'quote':
      return parseQuote(rest);
    case 'crm':
      return parseCrm(rest);
    case 'help':
      return parseHelp(rest);
    case 'whoami':
      return withoutArguments(rest, { kind: 'whoami' });
    case 'role':
      return parseRole(rest);
    case 'undo':
      return parseUndo(rest);
    case 'pool':
      return parsePool(rest);
    case 'contact':
      return parseContact(rest);
    case 'customers':
      return parseCustomersList(rest);
    case 'quotes':
      return parseQuotesList(rest);
    case 'complaint':
      return parseComplaint(rest);
  }
}

/** `/log undo 12` undoes interaction 12; any other `/log` is a new interaction. */
function parseLogOrUndo(rest: Src): Intent {
  const { word, rest: after } = firstWord(rest);
  if (/^(undo|撤销|撤回)$/i.test(word.f) && /^#?\d+$/.test(after.f)) return parseUndo(after);
  return parseLog(rest);
}

function parseUndo(rest: Src): Intent {
  const got = takeId(rest, 'usage.undo');
  if (isInvalid(got)) return got;
  if (got.rest.f) return invalidIntent('unknown_subcommand', 'usage.undo', { subcommand: got.rest.o.slice(0, 50) });
  return { kind: 'interaction.undo', id: got.id };
}

/** The union's own check; a value the parser built but the schema refuses becomes a refusal. */
function checked(intent: Intent): Intent {
  const r = intentSchema.safeParse(intent);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  const usage = intent.kind === 'invalid' ? 'usage.help' : usageForKind(intent.kind);
  if (issue?.code === 'too_big') return invalidIntent('too_long', usage, { field: field.slice(0, 100), max: Number(issue.maximum) });
  return invalidIntent('bad_value', usage, { field: field.slice(0, 100) });
}

function usageForKind(kind: Intent['kind']): UsageKey {
  const root = kind.split('.')[0]!;
  const map: Record<string, UsageKey> = {
    customer: 'usage.customer',
    log: 'usage.log',
    interaction: 'usage.undo',
    tasks: 'usage.tasks',
    task: 'usage.task',
    quote: 'usage.quote',
    role: 'usage.role',
    pool: 'usage.pool',
    contact: 'usage.contact',
    customers: 'usage.customers',
    quotes: 'usage.quotes',
    team: 'usage.team',
    manager: 'usage.manager',
  };
  return map[root] ?? 'usage.help';
}
