// The two dictionaries, assembled. TypeScript checks that zh-CN has exactly the keys of en.
import { errors as enErrors } from './en/errors.ts';
import { labels as enLabels } from './en/labels.ts';
import { replies as enReplies } from './en/replies.ts';
import { usage as enUsage } from './en/usage.ts';
import { words as enWords } from './en/words.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { labels as zhLabels } from './zh-CN/labels.ts';
import { replies as zhReplies } from './zh-CN/replies.ts';
import { usage as zhUsage } from './zh-CN/usage.ts';
import { words as zhWords } from './zh-CN/words.ts';

export const en = { ...enUsage, ...enErrors, ...enLabels, ...enReplies,
  ...enWords };
export type MessageCode = keyof typeof en;
export const zhCN: Record<MessageCode, string> = { ...zhUsage, ...zhErrors, ...zhLabels, ...zhReplies,
  ...zhWords };

export const DICTIONARIES = { en, 'zh-CN': zhCN } as const;
