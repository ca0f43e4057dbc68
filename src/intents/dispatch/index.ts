import type { Intent } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { dispatchChannel, dispatchHelp, dispatchRole, dispatchWhoami } from './admin.ts';
import { dispatchContactAdd, dispatchContactEdit, dispatchContactPrimary, dispatchContactRemove } from './contacts.ts';
import { dispatchCustomerAdd, dispatchCustomerFind, dispatchCustomerShow, dispatchCustomerUpdate } from './customers.ts';
import { dispatchExport, dispatchImportCancel, dispatchImportFile, dispatchImportPasted, dispatchImportRun } from './import.ts';
import { dispatchHome } from './home.ts';
import { dispatchCustomersList, dispatchQuotesList, dispatchTaskAdd, dispatchTasksTeam } from './lists.ts';
import { dispatchLanguage } from './language.ts';
import { dispatchLink, dispatchNotify } from './reach.ts';
import { dispatchComplaintResolve, dispatchComplaintsList, dispatchCustomerHandoff, dispatchCustomerSchedule, dispatchCustomerTouch } from './care.ts';
import { dispatchLog, dispatchUndo } from './log.ts';
import { dispatchCustomerAssign, dispatchCustomerAssignAll, dispatchCustomerClaim, dispatchCustomerRelease, dispatchPoolList } from './pool.ts';
import { dispatchQuoteApprove, dispatchQuoteEdit, dispatchQuoteNew, dispatchQuoteReject, dispatchQuoteShow, dispatchQuoteSubmit } from './quotes.ts';
import { dispatchManagerSet, dispatchTeamSet, dispatchTeamShow, dispatchTeamWeights } from './team.ts';
import { dispatchTeamHoliday, dispatchTeamHolidays } from './holidays.ts';
import { dispatchTaskClaim, dispatchTaskDone, dispatchTaskList, dispatchTaskReassign, dispatchTaskSnooze } from './tasks.ts';
import type { Dispatch, Turn } from './turn.ts';
import { dispatchQuoteOutcome } from './outcome.ts';
import { dispatchReport } from './report.ts';
import { dispatchCustomersHot, dispatchHandoffAccept, dispatchHandoffDecline } from './lead.ts';

type Table = { [K in Exclude<Intent['kind'], 'invalid'>]: Dispatch<K> };

// One entry per intent: the compiler refuses a new intent kind until it is dispatched here.
const table: Table = {
  'customer.add': dispatchCustomerAdd,
  'customer.show': dispatchCustomerShow,
  'customer.find': dispatchCustomerFind,
  'customer.update': dispatchCustomerUpdate,
  'customer.import': dispatchImportPasted,
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
  // Ownership and the pool (issue 9)
  'pool.list': dispatchPoolList,
  'customer.claim': dispatchCustomerClaim,
  'customer.assign': dispatchCustomerAssign,
  'customer.assign_all': dispatchCustomerAssignAll,
  'customer.release': dispatchCustomerRelease,
  // The customer record (issue 10).
  'contact.add': dispatchContactAdd,
  'contact.edit': dispatchContactEdit,
  'contact.remove': dispatchContactRemove,
  'contact.primary': dispatchContactPrimary,
  'customer.import.file': dispatchImportFile,
  'customer.import.run': dispatchImportRun,
  'customer.import.cancel': dispatchImportCancel,
  'customer.export': dispatchExport,
  // lists, queues and team settings
  'customers.list': dispatchCustomersList,
  'quotes.list': dispatchQuotesList,
  'tasks.team': dispatchTasksTeam,
  'task.add': dispatchTaskAdd,
  'team.show': dispatchTeamShow,
  'team.set': dispatchTeamSet,
  'team.weights': dispatchTeamWeights,
  'team.holidays': dispatchTeamHolidays,
  'team.holiday': dispatchTeamHoliday,
  'manager.set': dispatchManagerSet,
  language: dispatchLanguage,
  link: dispatchLink,
  notify: dispatchNotify,
  'complaint.resolve': dispatchComplaintResolve,
  'complaints.list': dispatchComplaintsList,
  'customer.schedule': dispatchCustomerSchedule,
  'customer.touch': dispatchCustomerTouch,
  'customer.handoff': dispatchCustomerHandoff,
  // The sales funnel (issue 13)
  'quote.outcome': dispatchQuoteOutcome,
  'customers.hot': dispatchCustomersHot,
  'handoff.accept': dispatchHandoffAccept,
  'handoff.decline': dispatchHandoffDecline,
  report: dispatchReport,
};

export function dispatch(turn: Turn, intent: Exclude<Intent, { kind: 'invalid' }>): Promise<Reply> {
  const run = table[intent.kind] as Dispatch<typeof intent.kind>;
  return run(turn, intent as never);
}
