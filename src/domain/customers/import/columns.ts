// The columns of the teams' sheets (客户信息总表 / 客户基础信息表 and English exports), each header
// variant to one field. Headers are compared folded: width, case, spaces, a required-mark `*` and
// a trailing note in brackets ("规模(人/营收)") do not matter.
export const IMPORT_FIELDS = [
  'code', 'name', 'aliases', 'industry', 'size', 'mainBusiness', 'region', 'address', 'founded', 'tier', 'status', 'source',
  'referrer', 'firstContact', 'needs', 'budget', 'decisionChain', 'owner', 'tags',
  'contactName', 'title', 'contactMethod', 'phone', 'email', 'prefers', 'birthday',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const HEADERS: Record<ImportField, string[]> = {
  code: ['客户编号', '编号', '客户代码', 'customer code', 'code', 'customer id'],
  name: ['客户名称', '客户公司名称', '公司名称', '企业名称', '客户', '名称', 'customer name', 'customer', 'company', 'company name', 'name'],
  aliases: ['别名', '简称', '客户简称', 'aliases', 'alias', 'also known as'],
  industry: ['所属行业', '行业', 'industry'],
  size: ['企业规模', '规模', '公司规模', '人员规模', '规模(人/营收)', 'size', 'company size', 'employees'],
  mainBusiness: ['主营业务', '主营', '主要业务', 'main business', 'business'],
  region: ['所在地区', '地区', '区域', '城市', '省份', 'region', 'city', 'location'],
  address: ['注册地址', '地址', '公司地址', '详细地址', 'address', 'registered address'],
  founded: ['成立时间', '成立日期', '成立年份', 'founded', 'founded on', 'year founded'],
  tier: ['客户分级', '客户类型', '客户等级', '等级', '级别', '分级', 'tier', 'level', 'grade'],
  status: ['客户状态', '状态', '阶段', '销售阶段', 'status', 'stage'],
  source: ['客户来源', '来源', '线索来源', 'source', 'lead source'],
  referrer: ['推荐人', '介绍人', 'referrer', 'referred by'],
  firstContact: ['首次接触日期', '首次接触时间', '首次接触', '首次联系日期', 'first contact date', 'first contact', 'first contacted'],
  needs: ['需求痛点', '需求', '痛点', '客户需求', 'needs', 'pain points', 'needs and pain points'],
  budget: ['预算范围', '预算', 'budget', 'budget range'],
  decisionChain: ['决策链', '决策流程', 'decision chain', 'decision makers'],
  owner: ['负责人', '跟进人', '销售负责人', '客户负责人', '所属销售', 'owner', 'account owner', 'sales rep'],
  tags: ['标签', '客户标签', 'tags', 'tag', 'labels'],
  contactName: ['联系人', '关键决策人', '联系人姓名', '姓名', 'contact', 'contact name', 'key contact'],
  title: ['职位', '职务', '联系人职位', 'title', 'job title', 'position'],
  contactMethod: ['联系方式', 'contact details', 'contact info'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', 'phone', 'mobile', 'tel', 'telephone'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail'],
  prefers: ['偏好渠道', '首选联系方式', 'preferred channel', 'prefers'],
  birthday: ['生日', '联系人生日', '出生日期', 'birthday', 'contact birthday', 'date of birth', 'dob'],
};

export function foldHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[*＊]/g, '').replace(/\s+/g, ' ').trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(HEADERS) as Array<[ImportField, string[]]>) for (const n of names) LOOKUP.set(foldHeader(n), field);

/** The field a header names, or undefined for a column nobody maps. */
export function fieldOfHeader(header: string): ImportField | undefined {
  const h = foldHeader(header);
  return LOOKUP.get(h) ?? LOOKUP.get(h.replace(/\s*[(（][^)）]*[)）]\s*$/, ''));
}

/** The headers an export writes, in the reader's language; each reads back through fieldOfHeader. */
export const EXPORT_COLUMNS: Array<{ field: ImportField; en: string; zh: string }> = [
  { field: 'code', en: 'Customer code', zh: '客户编号' },
  { field: 'name', en: 'Customer name', zh: '客户名称' },
  { field: 'aliases', en: 'Aliases', zh: '别名' },
  { field: 'industry', en: 'Industry', zh: '所属行业' },
  { field: 'size', en: 'Size', zh: '企业规模' },
  { field: 'mainBusiness', en: 'Main business', zh: '主营业务' },
  { field: 'region', en: 'Region', zh: '所在地区' },
  { field: 'address', en: 'Address', zh: '注册地址' },
  { field: 'founded', en: 'Founded', zh: '成立时间' },
  { field: 'tier', en: 'Tier', zh: '客户分级' },
  { field: 'status', en: 'Status', zh: '客户状态' },
  { field: 'source', en: 'Source', zh: '客户来源' },
  { field: 'referrer', en: 'Referrer', zh: '推荐人' },
  { field: 'firstContact', en: 'First contact date', zh: '首次接触日期' },
  { field: 'needs', en: 'Needs', zh: '需求痛点' },
  { field: 'budget', en: 'Budget', zh: '预算范围' },
  { field: 'decisionChain', en: 'Decision chain', zh: '决策链' },
  { field: 'owner', en: 'Owner', zh: '负责人' },
  { field: 'tags', en: 'Tags', zh: '标签' },
  { field: 'contactName', en: 'Contact', zh: '联系人' },
  { field: 'title', en: 'Title', zh: '职位' },
  { field: 'phone', en: 'Phone', zh: '联系电话' },
  { field: 'email', en: 'Email', zh: '邮箱' },
  { field: 'prefers', en: 'Preferred channel', zh: '偏好渠道' },
  { field: 'birthday', en: 'Birthday', zh: '生日' },
];
