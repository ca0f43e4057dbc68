// `key:value` pairs after a customer's name: `tier:A industry:"heavy machinery" 来源：展会`.
// A value runs to the next key, so it may hold spaces without quotes; quotes still work and protect
// a value that itself contains a key word. Unknown `word:` keys are reported, never swallowed.
import { customerFieldsSchema, type CustomerFields } from '../intent.ts';
import { alternation, matchesOutsideQuotes, slice, trim, unquote, type Src } from './text.ts';
import { lookup, SOURCE_VALUES, STATUS_VALUES } from './vocabulary.ts';

type FieldName = keyof CustomerFields;

export const FIELD_KEYS: Record<string, FieldName> = {
  tier: 'tier', 等级: 'tier', 级别: 'tier', 分级: 'tier',
  status: 'status', stage: 'status', 状态: 'status', 阶段: 'status',
  industry: 'industry', 行业: 'industry', 所属行业: 'industry',
  source: 'source', 来源: 'source', 客户来源: 'source',
  phone: 'phone', tel: 'phone', mobile: 'phone', 电话: 'phone', 手机: 'phone', 手机号: 'phone', 联系电话: 'phone', 联系人电话: 'phone',
  email: 'email', mail: 'email', 邮箱: 'email', 电子邮箱: 'email', 邮件: 'email',
  contact: 'contact', 联系人: 'contact',
  region: 'region', city: 'region', 地区: 'region', 区域: 'region', 城市: 'region', 省份: 'region',
  size: 'size', 规模: 'size', 人数: 'size', 企业规模: 'size',
  tags: 'tags', tag: 'tags', 标签: 'tags',
  aliases: 'aliases', alias: 'aliases', aka: 'aliases', 别名: 'aliases', 简称: 'aliases',
};

const ASCII_KEYS = Object.keys(FIELD_KEYS).filter((k) => /^[a-z]+$/.test(k));
const CJK_KEYS = Object.keys(FIELD_KEYS).filter((k) => !/^[a-z]+$/.test(k));
// ASCII keys need a boundary before them; Chinese keys may follow the name directly (华为技术等级:A).
const KEY_RE = new RegExp(`(?:(?<=^|[\\s,;、])(${alternation(ASCII_KEYS)})|(${alternation(CJK_KEYS)}))\\s*:`, 'gi');
// Any other `word:` after a boundary, unless it is a URL scheme or a clock time.
const ANY_KEY_RE = /(?<=^|[\s,;、])([A-Za-z][A-Za-z_-]{0,19}|[\u4e00-\u9fff]{1,6})\s*:(?!\/\/)/g;

export type FieldsResult =
  | { ok: true; head: Src; fields: CustomerFields }
  | { ok: false; code: 'unknown_field' | 'bad_value'; details: Record<string, string> };

/** Splits `text` into what precedes the first key (the name) and the typed fields. */
export function readFields(text: Src): FieldsResult {
  const keys = matchesOutsideQuotes(text.f, KEY_RE);
  const known = new Set(keys.map((m) => m.index));
  for (const m of matchesOutsideQuotes(text.f, ANY_KEY_RE)) {
    const overlapsKnown = keys.some((k) => m.index <= k.index && k.index < m.index + m[0].length);
    if (!known.has(m.index) && !overlapsKnown) return { ok: false, code: 'unknown_field', details: { field: m[1]! } };
  }
  const head = keys.length ? slice(text, 0, keys[0]!.index) : text;
  const raw: Partial<Record<FieldName, string>> = {};
  keys.forEach((m, i) => {
    const field = FIELD_KEYS[(m[1] ?? m[2]!).toLowerCase()]!;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : text.f.length;
    const value = trim(slice(text, m.index + m[0].length, end)).o.replace(/[\s,;，；、]+$/u, '');
    raw[field] = unquote(value);
  });
  const fields: CustomerFields = {};
  for (const [field, value] of Object.entries(raw) as Array<[FieldName, string]>) {
    const parsed = readValue(field, value);
    if (parsed === undefined) return { ok: false, code: 'bad_value', details: { field, value: value.slice(0, 100) } };
    (fields as Record<string, unknown>)[field] = parsed;
  }
  const checked = customerFieldsSchema.safeParse(fields);
  if (!checked.success) {
    const field = String(checked.error.issues[0]?.path[0] ?? 'fields');
    return { ok: false, code: 'bad_value', details: { field, value: String(raw[field as FieldName] ?? '').slice(0, 100) } };
  }
  return { ok: true, head, fields: checked.data };
}

function readValue(field: FieldName, value: string): string | string[] | undefined {
  if (!value) return undefined;
  switch (field) {
    case 'tier': {
      const m = /^([abc])\s*(?:级|类|档)?$/i.exec(value.normalize('NFKC'));
      return m ? m[1]!.toUpperCase() : undefined;
    }
    case 'source':
      return lookup(SOURCE_VALUES, value.normalize('NFKC'));
    case 'status':
      return lookup(STATUS_VALUES, value.normalize('NFKC'));
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.normalize('NFKC')) ? value.normalize('NFKC') : undefined;
    case 'phone':
      return /^\+?[\d\s\-().]{4,40}$/.test(value.normalize('NFKC')) && /\d{3}/.test(value.normalize('NFKC').replace(/\D/g, ''))
        ? value.normalize('NFKC')
        : undefined;
    case 'tags':
    case 'aliases': {
      const list = value.split(/[,;，；、|]/).map((v) => unquote(v)).filter(Boolean);
      return list.length ? [...new Set(list)] : undefined;
    }
    default:
      return value;
  }
}
