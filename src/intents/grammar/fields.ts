// `key:value` pairs after a customer's name: `tier:A industry:"heavy machinery" 来源：展会`.
// A value runs to the next key, so it may hold spaces without quotes; quotes still work and protect
// a value that itself contains a key word. Unknown `word:` keys are reported, never swallowed.
import { customerFieldsSchema, type CustomerFields } from '../intent.ts';
import { alternation, matchesOutsideQuotes, slice, trim, unquote, type Src } from './text.ts';
import { readBudget, readDay, readPartialDate } from '../../domain/customers/values.ts';
import { readBirthday } from '../../domain/care/birthday.ts';
import { CHANNEL_WORDS, lookup, SOURCE_VALUES, STATUS_VALUES } from './vocabulary.ts';

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
  // The customer record (issue 10), with the words of the process templates.
  name: 'name', rename: 'name', 名称: 'name', 新名称: 'name', 改名: 'name',
  business: 'mainBusiness', 'main-business': 'mainBusiness', 主营业务: 'mainBusiness', 主营: 'mainBusiness',
  address: 'address', addr: 'address', 地址: 'address', 注册地址: 'address', 公司地址: 'address',
  founded: 'founded', 成立时间: 'founded', 成立日期: 'founded', 成立: 'founded',
  'first-contact': 'firstContact', firstcontact: 'firstContact', 首次接触: 'firstContact', 首次接触日期: 'firstContact', 首次接触时间: 'firstContact', 首次联系: 'firstContact',
  referrer: 'referrer', 'referred-by': 'referrer', 推荐人: 'referrer', 介绍人: 'referrer',
  needs: 'needs', pain: 'needs', 'pain-points': 'needs', 需求: 'needs', 痛点: 'needs', 需求痛点: 'needs',
  budget: 'budget', 预算: 'budget', 预算范围: 'budget',
  decision: 'decisionChain', 'decision-chain': 'decisionChain', 决策链: 'decisionChain', 决策人: 'decisionChain',
  title: 'title', 职位: 'title', 职务: 'title',
  birthday: 'birthday', bday: 'birthday', dob: 'birthday', 生日: 'birthday', 出生日期: 'birthday',
  prefers: 'prefers', preferred: 'prefers', 偏好: 'prefers', 首选: 'prefers', 偏好渠道: 'prefers',
  所在地区: 'region',
};

const ASCII_KEYS = Object.keys(FIELD_KEYS).filter((k) => /^[a-z-]+$/.test(k));
const CJK_KEYS = Object.keys(FIELD_KEYS).filter((k) => !/^[a-z-]+$/.test(k));
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
  const raw: Partial<Record<FieldName | 'tags', string>> = {};
  keys.forEach((m, i) => {
    const field = FIELD_KEYS[(m[1] ?? m[2]!).toLowerCase()]!;
    const end = i + 1 < keys.length ? keys[i + 1]!.index : text.f.length;
    const value = trim(slice(text, m.index + m[0].length, end)).o.replace(/[\s,;，；、]+$/u, '');
    raw[field] = unquote(value);
  });
  const fields: CustomerFields = {};
  for (const [field, value] of Object.entries(raw) as Array<[FieldName, string]>) {
    if (field === 'tags') {
      const ops = readTags(value);
      if (!ops) return { ok: false, code: 'bad_value', details: { field, value: value.slice(0, 100) } };
      Object.assign(fields, ops);
      continue;
    }
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

/**
 * `tags:a,b` replaces, `tags:` alone clears, `tags:+hot` adds, `tags:-cold` removes; a sign holds for
 * the tags after it until the next sign (`tags:+hot,vip,-cold`).
 */
function readTags(value: string): Pick<CustomerFields, 'tags' | 'tagsAdd' | 'tagsRemove'> | undefined {
  const items = value.split(/[,;，；、|]/).map((v) => v.trim()).filter(Boolean);
  if (!items.length) return { tags: [] };
  if (!/^[+\-＋－]/.test(items[0]!)) {
    if (items.some((i) => /^[+\-＋－]/.test(i))) return undefined;
    return { tags: [...new Set(items.map(unquote).filter(Boolean))] };
  }
  const add: string[] = [];
  const remove: string[] = [];
  let sign = '+';
  for (const item of items) {
    const m = /^([+\-＋－])\s*(.*)$/.exec(item);
    if (m) sign = m[1] === '-' || m[1] === '－' ? '-' : '+';
    const tag = unquote(m ? m[2]! : item);
    if (!tag) return undefined;
    (sign === '+' ? add : remove).push(tag);
  }
  return { ...(add.length ? { tagsAdd: [...new Set(add)] } : {}), ...(remove.length ? { tagsRemove: [...new Set(remove)] } : {}) };
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
    case 'founded':
      return readPartialDate(value) ? value : undefined;
    case 'firstContact':
      return readDay(value) ? value : undefined;
    case 'birthday':
      return readBirthday(value) ? value : undefined;
    case 'budget':
      return readBudget(value, 'USD') ? value : undefined;
    case 'prefers':
      return lookup(CHANNEL_WORDS, value.normalize('NFKC'));
    case 'aliases': {
      const list = value.split(/[,;，；、|]/).map((v) => unquote(v)).filter(Boolean);
      return list.length ? [...new Set(list)] : undefined;
    }
    default:
      return value;
  }
}
