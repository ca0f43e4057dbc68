// Malformed lines: each must become an `invalid` intent naming what is wrong and which usage line
// to show, never an exception and never a half-read command that would write something.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/intents/grammar/index.ts';

const ctx = { locale: 'zh-CN' as const, timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T10:00:00Z') };

const invalid: Array<[string, string, string, Record<string, string | number>?]> = [
  ['', 'empty', 'usage.help'],
  ['   \n\t ', 'empty', 'usage.help'],
  ['/custmer Acme', 'unknown_command', 'usage.help', { command: '/custmer', suggestion: '/customer' }],
  ['/frobnicate', 'unknown_command', 'usage.help', { command: '/frobnicate' }],
  ['hello there', 'unknown_command', 'usage.help'],
  ['/customer', 'missing_argument', 'usage.customer', { arg: 'customer' }],
  ['/customer add', 'missing_argument', 'usage.customer.add', { arg: 'name' }],
  ['/customer add tier:A', 'missing_argument', 'usage.customer.add', { arg: 'name' }],
  ['/customer add Acme tier:Z', 'bad_value', 'usage.customer.add', { field: 'tier', value: 'Z' }],
  ['/客户 新建 华为 来源：火星', 'bad_value', 'usage.customer.add', { field: 'source', value: '火星' }],
  ['/customer add Acme email:not-an-email', 'bad_value', 'usage.customer.add', { field: 'email', value: 'not-an-email' }],
  ['/customer add Acme phone:call me', 'bad_value', 'usage.customer.add', { field: 'phone', value: 'call me' }],
  ['/customer add Acme website:acme.com', 'unknown_field', 'usage.customer.add', { field: 'website' }],
  ['/客户 新建 华为 备注：大客户', 'unknown_field', 'usage.customer.add', { field: '备注' }],
  ['/customer Acme tier:A', 'unknown_subcommand', 'usage.customer'],
  ['/customer find', 'missing_argument', 'usage.customer.find', { arg: 'query' }],
  ['/customer update Acme', 'missing_argument', 'usage.customer.update', { arg: 'fields' }],
  ['/customer import', 'missing_argument', 'usage.customer.import', { arg: 'csv' }],
  ['/log', 'missing_argument', 'usage.log', { arg: 'customer' }],
  ['/log Acme call:', 'empty_summary', 'usage.log'],
  ['/log 华为 电话：', 'empty_summary', 'usage.log'],
  ['/log Acme call: demo. next:', 'empty_next_step', 'usage.log'],
  ['/log Acme call: demo mood: ecstatic-ish', 'bad_value', 'usage.log', { field: 'mood' }],
  ['/log call: demo went fine', 'missing_argument', 'usage.log', { arg: 'customer' }],
  ['/tasks everything', 'unknown_subcommand', 'usage.task'],
  ['/task done', 'missing_argument', 'usage.task.done', { arg: 'id' }],
  ['/task done abc', 'bad_id', 'usage.task.done', { value: 'abc' }],
  ['/task done 0', 'bad_id', 'usage.task.done', { value: '0' }],
  ['/task claim 99999999999999999', 'bad_id', 'usage.task.claim'],
  ['/task claim 3 4', 'unknown_subcommand', 'usage.task.claim'],
  ['/task snooze 4', 'missing_argument', 'usage.task.snooze', { arg: 'when' }],
  ['/task reassign 4', 'missing_argument', 'usage.task.reassign', { arg: 'user' }],
  ['/quote', 'missing_argument', 'usage.quote', { arg: 'subcommand' }],
  ['/quote frob 5', 'unknown_subcommand', 'usage.quote', { subcommand: 'frob' }],
  ['/quote new Acme', 'no_lines', 'usage.quote.new'],
  ['/quote new 10 x Pro @ 100', 'missing_argument', 'usage.quote.new', { arg: 'customer' }],
  ['/quote new Acme 10 x Pro', 'bad_line', 'usage.quote.new'],
  ['/quote new Acme 10 x Pro @ lots', 'bad_amount', 'usage.quote.new'],
  ['/quote new Acme 1 x Pro @ 19.999', 'bad_amount', 'usage.quote.new', { value: '19.999', problem: 'precision' }],
  ['/quote new Acme 1 x Pro @ 1000000000000000000', 'bad_amount', 'usage.quote.new', { problem: 'too_large' }],
  ['/quote new Acme 2000000 x Pro @ 1', 'bad_quantity', 'usage.quote.new'],
  ['/quote new Acme 1 x Pro @ 1 discount 120%', 'bad_discount', 'usage.quote.new'],
  ['/quote new Acme 1 x Pro @ 1 discount 12.345%', 'bad_discount', 'usage.quote.new'],
  ['/quote new Acme 1 x Pro @ $1, 1 x Seat @ ¥1', 'mixed_currencies', 'usage.quote.new', { first: 'USD', second: 'CNY' }],
  ['/quote new Acme 1 x Pro @ 1 XYZ', 'bad_value', 'usage.quote.new', { field: 'currency' }],
  ['/quote edit 5', 'missing_argument', 'usage.quote.edit', { arg: 'changes' }],
  ['/quote approve', 'missing_argument', 'usage.quote.id', { arg: 'id' }],
  ['/quote approve five', 'bad_id', 'usage.quote.id'],
  ['/quote reject 5', 'reason_required', 'usage.quote.reject', { id: 5 }],
  ['/报价 驳回 5', 'reason_required', 'usage.quote.reject', { id: 5 }],
  ['/quote 5 6', 'unknown_subcommand', 'usage.quote'],
  ['/crm frob', 'unknown_subcommand', 'usage.crm'],
  ['/task don 12', 'unknown_subcommand', 'usage.task', { subcommand: 'don', suggestion: 'done' }],
  ['/quote aprove 5', 'unknown_subcommand', 'usage.quote', { subcommand: 'aprove', suggestion: 'approve' }],
  ['/crm whomai', 'unknown_subcommand', 'usage.crm', { subcommand: 'whomai', suggestion: 'whoami' }],
  ['/crm role @someone emperor', 'bad_value', 'usage.role', { field: 'role', value: 'emperor' }],
  ['/crm role manager', 'missing_argument', 'usage.role'],
  ['/crm whoami now', 'unknown_subcommand', 'usage.crm'],
  ['/undo', 'missing_argument', 'usage.undo', { arg: 'id' }],
  ['/log ' + 'x'.repeat(5000), 'too_long', 'usage.log'],
  ['x'.repeat(300_000), 'too_long', 'usage.help'],
];

describe('parseCommand: invalid lines', () => {
  const rows = invalid.map(([line, code, usage, details]) => ({ name: line.length > 60 ? `${line.slice(0, 60)}… (${line.length} chars)` : line, line, code, usage, details }));
  it.each(rows)('$name', ({ line, code, usage, details }) => {
    const intent = parseCommand(line, ctx);
    expect(intent).toMatchObject({ kind: 'invalid', code, usage });
    if (details) expect(intent).toMatchObject({ details });
  });
});
