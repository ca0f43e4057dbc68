// The two dictionaries, assembled. TypeScript checks that zh-CN has exactly the keys of en.
import { dates as enDates } from './en/dates.ts';
import { errors as enErrors } from './en/errors.ts';
import { funnel as enFunnel } from './en/funnel.ts';
import { labels as enLabels } from './en/labels.ts';
import { lists as enLists } from './en/lists.ts';
import { operations as enOperations } from './en/operations.ts';
import { pool as enPool } from './en/pool.ts';
import { record as enRecord } from './en/record.ts';
import { reliability as enReliability } from './en/reliability.ts';
import { replies as enReplies } from './en/replies.ts';
import { usage as enUsage } from './en/usage.ts';
import { words as enWords } from './en/words.ts';
import { dates as zhDates } from './zh-CN/dates.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { funnel as zhFunnel } from './zh-CN/funnel.ts';
import { labels as zhLabels } from './zh-CN/labels.ts';
import { lists as zhLists } from './zh-CN/lists.ts';
import { operations as zhOperations } from './zh-CN/operations.ts';
import { pool as zhPool } from './zh-CN/pool.ts';
import { record as zhRecord } from './zh-CN/record.ts';
import { reliability as zhReliability } from './zh-CN/reliability.ts';
import { replies as zhReplies } from './zh-CN/replies.ts';
import { usage as zhUsage } from './zh-CN/usage.ts';
import { words as zhWords } from './zh-CN/words.ts';

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
  ...enReliability,
  ...enWords,
  ...enFunnel,
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
  ...zhReliability,
  ...zhWords,
  ...zhFunnel,
};

export const DICTIONARIES = { en, 'zh-CN': zhCN } as const;
