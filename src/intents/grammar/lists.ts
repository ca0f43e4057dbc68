// `/customers tier:A status:intent tag:vip region:Shanghai owner:@mei|me|pool|all due:overdue --page 2`
// (`/客户 列表 等级:A 状态:意向 负责人:公海 到期:逾期 页:2`), `/quotes [waiting|team]`, and
// `/task add <customer> <title> <when> [@rep]`.
import { MENTION_TOKEN } from '../mention.ts';
import { customerFilterSchema, invalidIntent, MAX_LIST_PAGE, type CustomerFilterIntent, type Intent } from '../intent.ts';
import { alternation, matchesOutsideQuotes, slice, trim, unquote, type Src } from './text.ts';
import { lookup, STATUS_VALUES } from './vocabulary.ts';

type FilterKey = keyof CustomerFilterIntent | 'page';

const FILTER_KEYS: Record<string, FilterKey> = {
  tier: 'tier', 等级: 'tier', 级别: 'tier', 分级: 'tier',
  status: 'status', stage: 'status', 状态: 'status', 阶段: 'status',
  tag: 'tag', tags: 'tag', 标签: 'tag',
  region: 'region', city: 'region', 地区: 'region', 区域: 'region', 城市: 'region',
  owner: 'owner', 负责人: 'owner', 归属: 'owner', 所属: 'owner',
  due: 'due', 到期: 'due', 跟进: 'due',
  page: 'page', 页: 'page', 页码: 'page',
};

const OWNER_WORDS: Record<string, 'me' | 'pool' | 'all'> = {
  me: 'me', mine: 'me', my: 'me', 我: 'me', 我的: 'me', 自己: 'me',
  pool: 'pool', 公海: 'pool', 公海池: 'pool', none: 'pool', 无: 'pool',
  all: 'all', everyone: 'all', any: 'all', 全部: 'all', 所有: 'all', 所有人: 'all',
};

const DUE_WORDS: Record<string, 'overdue'> = { overdue: 'overdue', late: 'overdue', 逾期: 'overdue', 已逾期: 'overdue', 超期: 'overdue', 到期: 'overdue', 已到期: 'overdue' };

const KEY_RE = new RegExp(`(?<=^|[\\s,;，；、])(${alternation(Object.keys(FILTER_KEYS))})\\s*:`, 'gi');
// `--page 2`, `page 2`, `第2页`.
const PAGE_FLAG_RE = /(?<=^|\s)(?:--page|-p)\s*=?\s*(\S+)|(?<=^|\s)第\s*(\d+)\s*页/gi;

export function parseCustomersList(body: Src): Intent {
  let text = trim(body);
  let page = 1;
  for (const m of matchesOutsideQuotes(text.f, PAGE_FLAG_RE).reverse()) {
    const n = readPage(m[1] ?? m[2]!);
    if (n === undefined) return invalidIntent('bad_value', 'usage.customers', { field: 'page', value: (m[1] ?? m[2]!).slice(0, 20) });
    page = n;
    text = { o: text.o.slice(0, m.index) + ' '.repeat(m[0].length) + text.o.slice(m.index + m[0].length), f: text.f.slice(0, m.index) + ' '.repeat(m[0].length) + text.f.slice(m.index + m[0].length) };
  }
  const keys = matchesOutsideQuotes(text.f, KEY_RE);
  const head = trim(keys.length ? slice(text, 0, keys[0]!.index) : text);
  // Anything before the first key is not a filter: say which words were not understood.
  if (head.f) return invalidIntent('unknown_subcommand', 'usage.customers', { subcommand: head.o.slice(0, 50) });
  const filter: CustomerFilterIntent = {};
  for (const [i, m] of keys.entries()) {
    const key = FILTER_KEYS[m[1]!.toLowerCase()]!;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : text.f.length;
    const raw = unquote(trim(slice(text, m.index + m[0].length, end)).o.replace(/[\s,;，；、]+$/u, ''));
    const bad = () => invalidIntent('bad_value', 'usage.customers', { field: key === 'due' ? 'due_filter' : key === 'owner' ? 'owner_filter' : key, value: raw.slice(0, 50) });
    if (!raw) return bad();
    const v = raw.normalize('NFKC');
    switch (key) {
      case 'tier': {
        const t = /^([abc])\s*(?:级|类|档)?$/i.exec(v);
        if (!t) return bad();
        filter.tier = t[1]!.toUpperCase() as 'A' | 'B' | 'C';
        break;
      }
      case 'status': {
        const s = lookup(STATUS_VALUES, v);
        if (!s) return bad();
        filter.status = s;
        break;
      }
      case 'tag':
        filter.tag = raw.replace(/^#/, '');
        break;
      case 'region':
        filter.region = raw;
        break;
      case 'owner': {
        const word = lookup(OWNER_WORDS, v.replace(/^@(?=\S)/, (x) => (lookup(OWNER_WORDS, v.slice(1)) ? '' : x)));
        filter.owner = word ?? { user: raw };
        break;
      }
      case 'due':
        if (!lookup(DUE_WORDS, v)) return bad();
        filter.due = 'overdue';
        break;
      case 'page': {
        const n = readPage(v);
        if (n === undefined) return bad();
        page = n;
        break;
      }
    }
  }
  const checked = customerFilterSchema.safeParse(filter);
  if (!checked.success) return invalidIntent('too_long', 'usage.customers', { field: String(checked.error.issues[0]?.path[0] ?? 'filter'), max: 100 });
  return { kind: 'customers.list', filter: checked.data, page };
}

function readPage(word: string): number | undefined {
  const m = /^\d{1,4}$/.exec(word.normalize('NFKC').trim());
  const n = m ? Number(m[0]) : NaN;
  return n >= 1 && n <= MAX_LIST_PAGE ? n : undefined;
}

const QUOTE_SCOPES: Record<string, 'mine' | 'waiting' | 'team'> = {
  mine: 'mine', my: 'mine', 我的: 'mine',
  waiting: 'waiting', pending: 'waiting', approvals: 'waiting', approve: 'waiting', 待审批: 'waiting', 待我审批: 'waiting', 审批: 'waiting', 待审: 'waiting',
  team: 'team', 团队: 'team', 全部: 'team',
};

export function parseQuotesList(body: Src): Intent {
  const word = trim(body);
  if (!word.f) return { kind: 'quotes.list', scope: 'mine' };
  const scope = lookup(QUOTE_SCOPES, word.f);
  return scope ? { kind: 'quotes.list', scope } : invalidIntent('unknown_subcommand', 'usage.quotes', { subcommand: word.o.slice(0, 50) });
}

// The owner comes last: `@Mei`, `@Sam Carter`, a platform mention, `给 @李雷`.
const OWNER_AT_END = new RegExp(`(?:^|\\s)(?:给|for\\s+|to\\s+)?\\s*(${MENTION_TOKEN}|@\\S.*)$`, 'su');

export function parseTaskAdd(body: Src): Intent {
  const text = trim(body);
  if (!text.f) return invalidIntent('missing_argument', 'usage.task.add', { arg: 'customer' });
  const m = OWNER_AT_END.exec(text.f);
  const to = m ? text.o.slice(m.index + m[0].length - m[1]!.length).trim() : undefined;
  const rest = (m ? text.o.slice(0, m.index) : text.o).trim();
  if (!rest) return invalidIntent('missing_argument', 'usage.task.add', { arg: 'customer' });
  if (rest.length > 1000) return invalidIntent('too_long', 'usage.task.add', { max: 1000 });
  if (to !== undefined && to.length > 200) return invalidIntent('too_long', 'usage.task.add', { field: 'user', max: 200 });
  return { kind: 'task.add', text: rest, ...(to ? { to } : {}) };
}
