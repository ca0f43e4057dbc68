// `/crm language zh-CN|en|auto`, `/crm 语言 中文|英文|自动`: the language replies come in.
import { invalidIntent, type Intent } from '../intent.ts';
import { trim, type Src } from './text.ts';
import { lookup } from './vocabulary.ts';

const LANGUAGE_VALUES: Record<string, 'en' | 'zh-CN' | 'auto'> = {
  en: 'en', english: 'en', 英文: 'en', 英语: 'en',
  'zh-cn': 'zh-CN', zh: 'zh-CN', cn: 'zh-CN', chinese: 'zh-CN', 中文: 'zh-CN', 汉语: 'zh-CN', 简体中文: 'zh-CN',
  auto: 'auto', default: 'auto', 自动: 'auto', 默认: 'auto',
};

export function parseLanguage(rest: Src): Intent {
  const word = trim(rest).f;
  if (!word) return invalidIntent('missing_argument', 'usage.crm', { arg: 'en|zh-CN|auto' });
  const value = lookup(LANGUAGE_VALUES, word);
  if (!value) return invalidIntent('bad_value', 'usage.crm', { field: 'language', value: word.slice(0, 30) });
  return { kind: 'language', locale: value === 'auto' ? null : value };
}
