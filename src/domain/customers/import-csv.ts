import type { Customer } from '../../generated/prisma/client.ts';
import type { DomainContext } from '../context.ts';
import { isDomainError } from '../errors.ts';
import { invalid } from '../errors.ts';
import { createCustomer } from './create.ts';
import { parseCsv } from './csv.ts';
import type { SOURCES } from './input.ts';

// The columns teams already have in their spreadsheets, in Chinese or English.
const HEADERS: Record<string, string[]> = {
  name: ['客户名称', '公司名称', '客户', '名称', 'name', 'company', 'customer', 'customer name'],
  industry: ['所属行业', '行业', 'industry'],
  contact: ['联系人', 'contact', 'contact name'],
  phone: ['联系电话', '手机', '电话', '手机号', 'phone', 'mobile', 'tel'],
  email: ['邮箱', '电子邮箱', 'email', 'e-mail'],
  source: ['客户来源', '来源', 'source', 'lead source'],
  tier: ['客户等级', '等级', '级别', 'tier', 'level'],
  region: ['地区', '区域', '城市', 'region', 'city'],
  size: ['规模', '公司规模', 'size'],
  tags: ['标签', 'tags'],
};

const SOURCE_WORDS: Array<[RegExp, (typeof SOURCES)[number]]> = [
  [/展会|expo|trade ?show/i, 'expo'],
  [/官网|网站|website|web form|online/i, 'website'],
  [/电话|phone|call/i, 'phone'],
  [/转介绍|推荐|介绍|referr?al/i, 'referral'],
  [/陌拜|外呼|outbound|cold/i, 'outbound'],
  [/合作伙伴|渠道|partner/i, 'partner'],
  [/广告|投放|ad(vertising)?s?$/i, 'advertising'],
];

export interface ImportResult {
  created: number;
  duplicates: Array<{ row: number; existing: Pick<Customer, 'id' | 'code' | 'name'> }>;
  /** `field` and `problem` name what was wrong in words the catalog has (label.field.*, label.problem.*). */
  errors: Array<{ row: number; reason: string; field?: string; problem?: string }>;
}

export async function importCustomersCsv(ctx: DomainContext, csv: string): Promise<ImportResult> {
  const [header, ...rows] = parseCsv(csv);
  const columns = new Map<string, number>();
  (header ?? []).forEach((h, i) => {
    const key = h.trim().toLowerCase();
    for (const [field, names] of Object.entries(HEADERS)) if (names.includes(key) && !columns.has(field)) columns.set(field, i);
  });
  if (!columns.has('name')) throw invalid('customer.import_no_name_column', { columns: (header ?? []).slice(0, 20).map((h) => h.slice(0, 40)) });

  const result: ImportResult = { created: 0, duplicates: [], errors: [] };
  for (const [i, row] of rows.entries()) {
    const line = i + 2;
    const get = (field: string) => {
      const idx = columns.get(field);
      const v = idx === undefined ? '' : (row[idx] ?? '').trim();
      return v || undefined;
    };
    const name = get('name');
    if (!name) {
      result.errors.push({ row: line, reason: 'missing name', field: 'name', problem: 'missing' });
      continue;
    }
    const sourceText = get('source');
    const tier = get('tier')?.toUpperCase().replace(/类|级/g, '');
    try {
      const r = await createCustomer(ctx, {
        name,
        industry: get('industry'),
        region: get('region'),
        size: get('size'),
        source: sourceText ? (SOURCE_WORDS.find(([re]) => re.test(sourceText))?.[1] ?? 'other') : undefined,
        tier: tier === 'A' || tier === 'B' || tier === 'C' ? tier : undefined,
        tags: get('tags')?.split(/[,，;；、|]/).map((t) => t.trim()).filter(Boolean),
        contact: get('contact') || get('phone') || get('email') ? { name: get('contact'), phone: get('phone'), email: get('email') } : undefined,
      });
      if (r.created) result.created++;
      else result.duplicates.push({ row: line, existing: { id: r.customer.id, code: r.customer.code, name: r.customer.name } });
    } catch (err) {
      if (!isDomainError(err)) throw err;
      const d = err.details as { field?: string; problem?: string };
      result.errors.push({ row: line, reason: d.field ? `${d.field}: ${d.problem}` : err.reason, ...(d.field ? { field: d.field.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? d.field, problem: d.problem } : {}) });
    }
  }
  return result;
}
