// The two dictionaries, assembled. TypeScript checks that zh-CN has exactly the keys of en.
import { errors as enErrors } from './en/errors.ts';
import { labels as enLabels } from './en/labels.ts';
import { record as enRecord } from './en/record.ts';
import { replies as enReplies } from './en/replies.ts';
import { usage as enUsage } from './en/usage.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { labels as zhLabels } from './zh-CN/labels.ts';
import { record as zhRecord } from './zh-CN/record.ts';
import { replies as zhReplies } from './zh-CN/replies.ts';
import { usage as zhUsage } from './zh-CN/usage.ts';

export const en = { ...enUsage, ...enErrors, ...enLabels, ...enReplies,
  ...enRecord,
};
export type MessageCode = keyof typeof en;
export const zhCN: Record<MessageCode, string> = { ...zhUsage, ...zhErrors, ...zhLabels, ...zhReplies,
  ...zhRecord,
};

export const DICTIONARIES = { en, 'zh-CN': zhCN } as const;
