// `/customer add|find|update|import|export|<query>` and `/客户 新建|查找|修改|导入|导出|<查询>`.
import { invalidIntent, type Intent } from '../intent.ts';
import { readFields } from './fields.ts';
import { parsePoolSub, poolSub } from './pool.ts';
import { parseCustomersList } from './lists.ts';
import { overLimit } from './ids.ts';
import { firstWord, MAX_COMMAND, trim, unquote, type Src } from './text.ts';
import { CUSTOMER_SUBS, lookup } from './vocabulary.ts';

const FORCE_RE = /(?:^|\s)(--force|force|强制|强制新建)\s*$/i;

export function parseCustomer(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return invalidIntent('missing_argument', 'usage.customer', { arg: 'customer' });
  const sub = lookup(CUSTOMER_SUBS, word.f);
  if (sub === 'import') return parseImport(rest);
  if (sub === 'export') return parseExport(rest);
  const ownership = poolSub(word.f);
  if (ownership && !sub) return body.f.length > MAX_COMMAND ? invalidIntent('too_long', 'usage.customer', { max: MAX_COMMAND }) : parsePoolSub(ownership, rest);
  if (sub === 'list') return parseCustomersList(rest);
  if (body.f.length > MAX_COMMAND) return invalidIntent('too_long', 'usage.customer', { max: MAX_COMMAND });
  switch (sub) {
    case 'add':
      return parseAdd(rest);
    case 'find': {
      // Trimmed after unquoting: a quoted blank ("  ") is no query.
      const query = unquote(rest.o).trim();
      if (!query) return invalidIntent('missing_argument', 'usage.customer.find', { arg: 'query' });
      return overLimit(query, 200, 'usage.customer.find', 'query') ?? { kind: 'customer.find', query };
    }
    case 'update':
      return parseUpdate(rest);
    case 'show': {
      const query = unquote(rest.o).trim();
      if (!query) return invalidIntent('missing_argument', 'usage.customer', { arg: 'customer' });
      return overLimit(query, 200, 'usage.customer', 'customer') ?? { kind: 'customer.show', query };
    }
    default: {
      const query = unquote(trim(body).o).trim();
      if (!query) return invalidIntent('missing_argument', 'usage.customer', { arg: 'customer' });
      if (/\s[^\s:]+\s*:\S/.test(body.f)) return invalidIntent('unknown_subcommand', 'usage.customer', { subcommand: word.o.slice(0, 50) });
      return overLimit(query, 200, 'usage.customer', 'customer') ?? { kind: 'customer.show', query };
    }
  }
}

function parseAdd(rest: Src): Intent {
  let text = rest;
  let force = false;
  const forced = FORCE_RE.exec(text.f);
  if (forced) {
    force = true;
    text = trim({ o: text.o.slice(0, forced.index), f: text.f.slice(0, forced.index) });
  }
  const read = readFields(text);
  if (!read.ok) return invalidIntent(read.code, 'usage.customer.add', read.details);
  const name = unquote(read.head.o).replace(/\s+/g, ' ');
  if (!name) return invalidIntent('missing_argument', 'usage.customer.add', { arg: 'name' });
  if (name.length > 200) return invalidIntent('bad_value', 'usage.customer.add', { field: 'name', value: name.slice(0, 100) });
  return { kind: 'customer.add', name, fields: read.fields, force };
}

function parseUpdate(rest: Src): Intent {
  const read = readFields(rest);
  if (!read.ok) return invalidIntent(read.code, 'usage.customer.update', read.details);
  const customerText = unquote(read.head.o);
  if (!customerText) return invalidIntent('missing_argument', 'usage.customer.update', { arg: 'customer' });
  const long = overLimit(customerText, 200, 'usage.customer.update', 'customer');
  if (long) return long;
  if (Object.keys(read.fields).length === 0) return invalidIntent('missing_argument', 'usage.customer.update', { arg: 'fields' });
  return { kind: 'customer.update', customerText, fields: read.fields };
}

function parseImport(rest: Src): Intent {
  // The CSV is pasted after the command, usually on the following lines; keep it byte for byte.
  const csv = rest.o.replace(/^\s*\n/, '').trim();
  if (!csv) return invalidIntent('missing_argument', 'usage.customer.import', { arg: 'csv' });
  return { kind: 'customer.import', csv };
}

/** `/customer export [csv|xlsx]`; Excel is the xlsx workbook. */
function parseExport(rest: Src): Intent {
  const word = rest.f.trim().toLowerCase();
  if (!word || word === 'csv') return { kind: 'customer.export', format: 'csv' };
  if (['xlsx', 'excel', 'xls'].includes(word)) return { kind: 'customer.export', format: 'xlsx' };
  return invalidIntent('bad_value', 'usage.customer.export', { field: 'format', value: rest.o.trim().slice(0, 50) });
}
