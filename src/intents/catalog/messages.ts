// The two dictionaries, assembled. TypeScript checks that zh-CN has exactly the keys of en.
import { care as enCare } from './en/care.ts';
import { channels as enChannels } from './en/channels.ts';
import { dates as enDates } from './en/dates.ts';
import { errors as enErrors } from './en/errors.ts';
import { files as enFiles } from './en/files.ts';
import { funnel as enFunnel } from './en/funnel.ts';
import { monthly as enMonthly } from './en/monthly.ts';
import { labels as enLabels } from './en/labels.ts';
import { lists as enLists } from './en/lists.ts';
import { operations as enOperations } from './en/operations.ts';
import { pool as enPool } from './en/pool.ts';
import { record as enRecord } from './en/record.ts';
import { reach as enReach } from './en/reach.ts';
import { rfm as enRfm } from './en/rfm.ts';
import { reliability as enReliability } from './en/reliability.ts';
import { replies as enReplies } from './en/replies.ts';
import { usage as enUsage } from './en/usage.ts';
import { words as enWords } from './en/words.ts';
import { greetings as enGreetings } from './en/greetings.ts';
import { care as zhCare } from './zh-CN/care.ts';
import { channels as zhChannels } from './zh-CN/channels.ts';
import { dates as zhDates } from './zh-CN/dates.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { files as zhFiles } from './zh-CN/files.ts';
import { funnel as zhFunnel } from './zh-CN/funnel.ts';
import { monthly as zhMonthly } from './zh-CN/monthly.ts';
import { labels as zhLabels } from './zh-CN/labels.ts';
import { lists as zhLists } from './zh-CN/lists.ts';
import { operations as zhOperations } from './zh-CN/operations.ts';
import { pool as zhPool } from './zh-CN/pool.ts';
import { record as zhRecord } from './zh-CN/record.ts';
import { reach as zhReach } from './zh-CN/reach.ts';
import { rfm as zhRfm } from './zh-CN/rfm.ts';
import { reliability as zhReliability } from './zh-CN/reliability.ts';
import { replies as zhReplies } from './zh-CN/replies.ts';
import { usage as zhUsage } from './zh-CN/usage.ts';
import { words as zhWords } from './zh-CN/words.ts';
import { greetings as zhGreetings } from './zh-CN/greetings.ts';

export const en = {
  ...enUsage,
  ...enErrors,
  ...enLabels,
  ...enReplies,
  ...enDates,
  ...enLists,
  ...enOperations,
  ...enPool,
  ...enRecord,
  ...enReach,
  ...enCare,
  ...enReliability,
  ...enWords,
  ...enChannels,
  ...enFiles,
  ...enFunnel,
  ...enGreetings,
  ...enMonthly,
  ...enRfm,
};
export type MessageCode = keyof typeof en;
export const zhCN: Record<MessageCode, string> = {
  ...zhUsage,
  ...zhErrors,
  ...zhLabels,
  ...zhReplies,
  ...zhDates,
  ...zhLists,
  ...zhOperations,
  ...zhPool,
  ...zhRecord,
  ...zhReach,
  ...zhCare,
  ...zhReliability,
  ...zhWords,
  ...zhChannels,
  ...zhFiles,
  ...zhFunnel,
  ...zhGreetings,
  ...zhMonthly,
  ...zhRfm,
};

export const DICTIONARIES = { en, 'zh-CN': zhCN } as const;
