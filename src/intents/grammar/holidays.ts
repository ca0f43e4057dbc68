// `/crm team holidays` (`/crm 团队 节日`) shows the team's greeting dates; managers add one with
// `/crm team holiday 2027-02-06 Spring Festival` (`/crm 团队 节日 2027-02-06 春节`, `添加` optional) and
// remove one with `/crm team holiday remove 2027-02-06 [name]` (`/crm 团队 节日 删除 2027-02-06`).
import { readPartialDate } from '../../domain/customers/values.ts';
import { invalidIntent, type Intent } from '../intent.ts';
import type { Src } from './text.ts';

const HOLIDAY_WORD = /^(holidays?|节日|节假日|节庆)(?=\s|$)/i;
const ADD = /^(add|new|set|添加|新增|增加)(?=\s|$)/i;
const REMOVE = /^(remove|delete|del|drop|删除|移除|去掉)(?=\s|$)/i;
// The date first: ISO, slashes or 2027年2月6日; the name is the rest.
const DATE = /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s+|$)/;

/** The holiday forms after `/crm team`, or undefined when the text is about another setting. */
export function parseHolidays(text: Src): Intent | undefined {
  const head = HOLIDAY_WORD.exec(text.f);
  if (!head) return undefined;
  let rest = text.o.slice(head[0].length).normalize('NFKC').trim().replace(/^[:：]\s*/, '');
  if (!rest) return { kind: 'team.holidays' };
  let op: 'add' | 'remove' = 'add';
  const verb = REMOVE.exec(rest) ?? ADD.exec(rest);
  if (verb) {
    op = REMOVE.test(verb[0]) ? 'remove' : 'add';
    rest = rest.slice(verb[0].length).trim();
  }
  const m = DATE.exec(rest);
  const on = m ? readPartialDate(m[1]!) : undefined;
  if (!m || !on || on.length !== 10) return invalidIntent('bad_value', 'usage.team.holidays', { field: 'holiday_date', value: (rest.split(/\s/)[0] ?? '').slice(0, 40) });
  const name = rest.slice(m[0].length).trim().replace(/^["“'‘]|["”'’]$/g, '');
  if (op === 'add' && !name) return invalidIntent('missing_argument', 'usage.team.holidays', { arg: 'holiday_name' });
  if (name.length > 40) return invalidIntent('too_long', 'usage.team.holidays', { max: 40 });
  return { kind: 'team.holiday', op, on, ...(name ? { name } : {}) };
}

