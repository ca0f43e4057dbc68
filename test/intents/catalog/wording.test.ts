// Every message, rendered with sample values in both languages, read the way a reviewer would:
// nothing missing or unused, nothing left in the other language, Chinese typography (full-width
// punctuation, 、 between names, a space between Chinese and Latin words or digits), English
// agreement (1 line / 3 lines, an admin) and capitals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGEST_TEXT } from '../../../src/intents/catalog/digest.ts';
import { placeholders, t } from '../../../src/intents/catalog/index.ts';
import { en, zhCN } from '../../../src/intents/catalog/messages.ts';

const root = join(import.meta.dirname, '../../..');
const keys = Object.keys(en).sort() as Array<keyof typeof en>;

// Sample values as a person would see them: Chinese for Chinese readers, English for English ones.
const SAMPLE: Record<'en' | 'zh-CN', Record<string, string | number>> = {
  en: { name: 'Acme Robotics', customer: 'Acme Robotics', existing: 'Acme Robotics', code: 'CUS20261129001', query: 'acme', count: 2, id: 12, minutes: 15, max: 100, lines: 1, created: 1, duplicates: 2, errors: 1, title: 'send proposal', due: 'Fri, Nov 27, 3:00 PM', until: 'Mon, Nov 30, 9:00 AM', channel: 'A call', total: '$1,200.00', discount: '12%', approvers: 'Mei Chen', by: 'Mei Chen', to: 'Sam', reason: 'too deep a discount', role: 'manager', team: 'Sales', timeZone: 'Asia/Shanghai', locale: 'English', entity: 'quote', status: 'pending approval', winner: 'Sam', decision: 'approved', at: 'Fri, Nov 27, 3:00 PM', level: 'admin', text: 'next week', from: 'lead', field: 'tier', problem: 'too long', value: 'Z', allowed: ' Use one of: A, B, C.', fields: 'tier, status', command: '/lgo', suggestion: '/log', subcommand: 'ad', arg: 'the customer', line: '2 x', first: 'USD', second: 'CNY', quantity: 2, product: 'Pro license', unitPrice: '$600.00', lineTotal: '$1,200.00', columns: 'name, phone', topic: 'customers', shown: 10, values: 'A, B, C', row: 5, hours: 48, days: 3, date: 'Nov 29', language: 'English', door: 'Slack', author: 'Dana Reyes' },
  'zh-CN': { name: '华为技术', customer: '华为技术', existing: '华为技术', code: 'CUS20261129001', query: '华为', count: 2, id: 12, minutes: 15, max: 100, lines: 1, created: 1, duplicates: 2, errors: 1, title: '发方案', due: '11月27日周五 15:00', until: '11月30日周一 09:00', channel: '电话', total: '¥1,200.00', discount: '12%', approvers: '张主管', by: '张主管', to: '李娜', reason: '折扣太大', role: '经理', team: '华南销售部', timeZone: 'Asia/Shanghai', locale: '中文', entity: '报价', status: '待审批', winner: '李娜', decision: '批准', at: '11月27日周五 15:00', level: '管理员', text: '下周', from: '线索', field: '等级', problem: '太长', value: 'Z', allowed: '可选：A、B、C。', fields: '等级、状态', command: '/记彔', suggestion: '/记录', subcommand: '新见', arg: '客户', line: '2 x', first: 'USD', second: 'CNY', quantity: 2, product: '专业版', unitPrice: '¥600.00', lineTotal: '¥1,200.00', columns: '名称、电话', topic: '客户', shown: 10, values: 'A、B、C', row: 5, hours: 48, days: 3, date: '11月29日', language: '中文', door: '飞书', author: '李娜' },
};

function render(locale: 'en' | 'zh-CN', key: string): string {
  const template = (locale === 'en' ? en : zhCN)[key as keyof typeof en];
  const params = Object.fromEntries(placeholders(template).map((p) => [p, SAMPLE[locale][p] ?? (locale === 'en' ? 'Sample' : '示例')]));
  return t(locale, key, params);
}

const NUMERIC = new Set(['count', 'id', 'minutes', 'max', 'lines', 'created', 'duplicates', 'errors', 'quantity', 'shown', 'row', 'hours', 'days', 'total']);

/** Text outside `code`, where typography rules apply (commands keep their ASCII). */
const prose = (s: string) => s.replace(/`[^`]*`/g, ' ');

// Latin a Chinese reader sees in Chinese UIs as is: product and platform names, codes, units.
const LATIN_IN_ZH = new Set(['crm', 'CRM', 'CSV', 'Excel', 'CRM_ADMINS', 'USD', 'CNY', 'EUR', 'IANA', 'ID', 'A', 'B', 'C', 'Slack', 'Feishu', 'x', 'CUS', 'Asia', 'Shanghai', 'UTC', 'name', 'EOD', 'pm', 'am', 'Z',
  // RFM and its three letters, as Chinese sales teams write the model's name.
  'RFM', 'R', 'F', 'M']);
// Latin examples a Chinese reader types or sees as is, whole: IANA zone names (America/New_York),
// locale codes (zh-CN, en), file extensions (.xlsx, .xls, .csv), money as typed ($50k-80k) and an
// example address (name@example.com).
const LATIN_EXAMPLES_IN_ZH = [/\b[A-Z][a-z]+\/[A-Za-z_]+/g, /(?<![A-Za-z])(?:zh-CN|en)(?![A-Za-z])/g, /\.(?:xlsx|xls|csv)\b/g, /\$\d+k(?:-\d+k)?/g, /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g];
// Chinese in English messages only where the reader must type or find it as is (column names, 折 discounts).
const CJK_IN_EN = ['客户名称', '所属行业', '联系人', '打88折', '等级', '行业', '通信', '来源', '展会',
  // Amounts, dates and tiers written the Chinese way, shown as examples of what the import and the
  // field hints accept (500000, 50万-80万; 2026年3月8日; A类, 高意向).
  '50万-80万', '2026年3月8日', '2015年3月', 'A类', 'A级', '高意向'];

describe('wording of every catalog message', () => {
  it('leaves no English in Chinese messages and no Chinese in English ones', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const zh = LATIN_EXAMPLES_IN_ZH.reduce((s, re) => s.replace(re, ' '), prose(render('zh-CN', key)));
      for (const word of zh.match(/[A-Za-z_]+/g) ?? []) if (!LATIN_IN_ZH.has(word)) problems.push(`${key}: “${word}” in ${zh}`);
      let english = prose(render('en', key));
      for (const w of CJK_IN_EN) english = english.replaceAll(w, '');
      if (/[\u3400-\u9fff]/.test(english)) problems.push(`${key}: ${english}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes Chinese with full-width punctuation, 、 lists and spaces around Latin words and digits', () => {
    const problems: string[] = [];
    for (const key of keys) {
      // The template itself: numbers stand for numeric placeholders; names and dates (which may be
      // Chinese or Latin, 11月27日 is written as is) stand as ◆; quoted input (「明天上午9点」) is as typed.
      const zh = prose(zhCN[key].replace(/\{(\w+)(?:\|[^}]*)?\}/g, (_m, p: string) => (NUMERIC.has(p) ? '9' : '◆'))).replace(/「[^」]*」/g, '「◆」');
      if (/[\u3400-\u9fff][:;!?,]/.test(zh)) problems.push(`${key}: ASCII punctuation after Chinese: ${zh}`);
      if (/[\u3400-\u9fff◆], /.test(zh)) problems.push(`${key}: ASCII list: ${zh}`);
      if (/\([^)]*[\u3400-\u9fff][^)]*\)/.test(zh)) problems.push(`${key}: ASCII parentheses: ${zh}`);
      if (/[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9%][\u3400-\u9fff]/.test(zh)) problems.push(`${key}: Chinese glued to Latin: ${zh}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows statuses as labels, not as sentences', () => {
    for (const group of ['quote_status', 'task_status', 'status']) {
      for (const key of keys.filter((k) => k.startsWith(`label.${group}.`))) {
        expect(render('zh-CN', key), key).not.toMatch(/^是/);
        expect(render('en', key), key).not.toMatch(/^(a|an|the) /);
      }
    }
  });

  it('agrees in number and article in English, and starts sentences with a capital', () => {
    expect(t('en', 'text.quote.created', { total: '$1', lines: 1, discount: '0%', id: 1 })).toContain('(1 line,');
    expect(t('en', 'text.quote.created', { total: '$1', lines: 3, discount: '0%', id: 1 })).toContain('(3 lines,');
    expect(t('en', 'text.interaction.undo_hint', { minutes: 1 })).toBe('You can undo this for 1 minute.');
    expect(t('en', 'text.interaction.undo_hint', { minutes: 5 })).toBe('You can undo this for 5 minutes.');
    expect(t('en', 'error.*.needs_manager', { entity: 'interaction' })).toContain('an interaction');
    expect(t('en', 'error.quote.no_approver', { level: 'admin' })).toContain('an admin');
    // Fragments shown mid-line after ' · ', beside lowercase labels (dispatch/lists customerItem: `… · lead · due now`;
    // render/profile contact line: `Mei Chen · CFO · prefers WeChat`), so they stay lower case like the labels.
    const fragments = new Set(['text.customers.due', 'text.customers.due_now', 'text.customers.no_cadence', 'text.customers.overdue', 'text.profile.contact_prefers',
      // `Wang Qiang · buyer · birthday Mar 15`, and `founding date: 2009-05 (add the day …)` after a value.
      'text.profile.contact_birthday', 'text.profile.founded_no_day']);
    const lower = keys.filter((k) => !k.startsWith('label.') && !k.startsWith('phrase.') && !fragments.has(k)).filter((k) => !/^[A-Z0-9`“"#/$(]/.test(render('en', k)));
    expect(lower).toEqual([]);
  });

  it('uses every key somewhere in the code, and no key the catalog lacks', () => {
    // The dictionaries themselves are not uses; the catalog's code (translate, explain) is.
    const source = sources(join(root, 'src')).filter((f) => !/\/catalog\/(en|zh-CN)\/|\/catalog\/messages\.ts$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    // Families looked up by a value rather than spelled out: label(locale, '<group>', value), help.<topic>, invalid.<code>, error.<reason>.
    const dynamic = [/^label\.(tier|status|source|channel|mood|role|task_status|quote_status|decision|field|entity|arg|problem|level|priority|locale|help_topic|door|channel_noun)\./, /^help\./, /^invalid\./, /^error\./, /^usage\./, /\.bare$/, /\.one$/,
      // Built from a value at run time: `import.reason.${code}` (render/import), `label.allowed_values.${field}` and
      // `label.hint.${field}` (catalog/explain), `label.history.${field}`, `label.weekday.${d}`, `label.language.${locale}`,
      // `label.tier_${unit}` (render/profile, render/team), label(locale, 'import_by' | 'setting' | 'weight', value).
      /^import\.reason\./, /^label\.(allowed_values|hint|history|weekday|language|import_by|setting|weight)\./, /^label\.tier_(days|hours)$/];
    // Kept for features being built beside this one (pool and task lists, date notices); see the report.
    const reserved = new Set(['button.my_tasks', 'button.pool', 'button.reassign', 'button.snooze', 'button.snooze_next_week', 'notice.partial', 'notice.rolled_to_tomorrow', 'phrase.next_week']);
    const unused = keys.filter((k) => !reserved.has(k)).filter((k) => !source.includes(`'${k}'`) && !source.includes(`\`${k}\``) && !dynamic.some((re) => re.test(k)));
    expect(unused).toEqual([]);
    const used = [...source.matchAll(/\b(?:say|t)\(\s*\w+(?:\.\w+)?,\s*'([a-z_]+\.[a-z_.*]+)'/g)].map((m) => m[1]!);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });

  it('writes the digests the same way', () => {
    const problems: string[] = [];
    for (const [key, zh] of Object.entries(DIGEST_TEXT['zh-CN'])) {
      const text = zh.replace(/\{(\w+)\}/g, (_m, p: string) => (NUMERIC.has(p) || ['due', 'done', 'submitted', 'approved', 'rejected', 'a', 'b', 'c', 'won', 'count'].includes(p) ? '3' : '◆'));
      if (/[\u3400-\u9fff][:;!?,]|[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9%][\u3400-\u9fff]/.test(text)) problems.push(`${key}: ${text}`);
    }
    expect(problems).toEqual([]);
    for (const [key, english] of Object.entries(DIGEST_TEXT.en)) expect(english, key).not.toMatch(/[\u3400-\u9fff]/);
  });
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'generated') out.push(...sources(p));
    } else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}
