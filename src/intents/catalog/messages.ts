// The two dictionaries, assembled. TypeScript checks that zh-CN has exactly the keys of en.
import { errors as enErrors } from './en/errors.ts';
import { labels as enLabels } from './en/labels.ts';
import { replies as enReplies } from './en/replies.ts';
import { usage as enUsage } from './en/usage.ts';
import { reliability as enReliability } from './en/reliability.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { labels as zhLabels } from './zh-CN/labels.ts';
import { replies as zhReplies } from './zh-CN/replies.ts';
import { usage as zhUsage } from './zh-CN/usage.ts';
import { reliability as zhReliability } from './zh-CN/reliability.ts';

export const en = { ...enUsage, ...enErrors, ...enLabels, ...enReplies, ...enReliability };
export type MessageCode = keyof typeof en;
export const zhCN: Record<MessageCode, string> = { ...zhUsage, ...zhErrors, ...zhLabels, ...zhReplies, ...zhReliability };

export const DICTIONARIES = { en, 'zh-CN': zhCN } as const;
