import type { Intent } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { dispatchChannel, dispatchHelp, dispatchRole, dispatchWhoami } from './admin.ts';
import { dispatchCustomerAdd, dispatchCustomerFind, dispatchCustomerImport, dispatchCustomerShow, dispatchCustomerUpdate } from './customers.ts';
import { dispatchHome } from './home.ts';
import { dispatchLanguage } from './language.ts';
import { dispatchLog, dispatchUndo } from './log.ts';
import { dispatchQuoteApprove, dispatchQuoteEdit, dispatchQuoteNew, dispatchQuoteReject, dispatchQuoteShow, dispatchQuoteSubmit } from './quotes.ts';
import { dispatchTaskClaim, dispatchTaskDone, dispatchTaskList, dispatchTaskReassign, dispatchTaskSnooze } from './tasks.ts';
import type { Dispatch, Turn } from './turn.ts';

type Table = { [K in Exclude<Intent['kind'], 'invalid'>]: Dispatch<K> };

// One entry per intent: the compiler refuses a new intent kind until it is dispatched here.
const table: Table = {
  'customer.add': dispatchCustomerAdd,
  'customer.show': dispatchCustomerShow,
  'customer.find': dispatchCustomerFind,
  'customer.update': dispatchCustomerUpdate,
  'customer.import': dispatchCustomerImport,
  log: dispatchLog,
  'interaction.undo': dispatchUndo,
  'tasks.list': dispatchTaskList,
  'task.done': dispatchTaskDone,
  'task.claim': dispatchTaskClaim,
  'task.snooze': dispatchTaskSnooze,
  'task.reassign': dispatchTaskReassign,
  'quote.new': dispatchQuoteNew,
  'quote.edit': dispatchQuoteEdit,
  'quote.show': dispatchQuoteShow,
  'quote.submit': dispatchQuoteSubmit,
  'quote.approve': dispatchQuoteApprove,
  'quote.reject': dispatchQuoteReject,
  help: dispatchHelp,
  whoami: dispatchWhoami,
  home: dispatchHome,
  channel: dispatchChannel,
  role: dispatchRole,
  language: dispatchLanguage,
};

export function dispatch(turn: Turn, intent: Exclude<Intent, { kind: 'invalid' }>): Promise<Reply> {
  const run = table[intent.kind] as Dispatch<typeof intent.kind>;
  return run(turn, intent as never);
}
