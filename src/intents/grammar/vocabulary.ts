// The words people type, English and Simplified Chinese, mapped to the one canonical value each.
// Keys are matched case-insensitively on width-folded text. Adding a synonym is a one-line change.
import type { Channel, CustomerSource, CustomerStatus, Mood, RoleName } from '../intent.ts';

export type CommandName = 'customer' | 'log' | 'tasks' | 'quote' | 'crm' | 'help' | 'whoami' | 'role' | 'undo' | 'pool' | 'contact' | 'customers' | 'quotes' | 'complaint';

export const COMMANDS: Record<string, CommandName> = {
  customer: 'customer', cust: 'customer', 客户: 'customer',
  customers: 'customers', 客户列表: 'customers', 我的客户: 'customers',
  log: 'log', 记录: 'log', 跟进: 'log',
  tasks: 'tasks', task: 'tasks', todo: 'tasks', 任务: 'tasks', 待办: 'tasks',
  quote: 'quote', 报价: 'quote', 报价单: 'quote',
  quotes: 'quotes', 报价列表: 'quotes',
  crm: 'crm', 助手: 'crm',
  help: 'help', 帮助: 'help',
  whoami: 'whoami', 我是谁: 'whoami',
  role: 'role', 角色: 'role',
  undo: 'undo', 撤销: 'undo', 撤回: 'undo',
  pool: 'pool', 公海: 'pool', 公海池: 'pool',
  contact: 'contact', contacts: 'contact', 联系人: 'contact',
  complaint: 'complaint', complaints: 'complaint', 投诉: 'complaint', 客诉: 'complaint',
};

export const CUSTOMER_SUBS: Record<string, 'add' | 'find' | 'update' | 'import' | 'export' | 'show' | 'list'> = {
  list: 'list', 列表: 'list', 清单: 'list',
  add: 'add', new: 'add', create: 'add', 新建: 'add', 添加: 'add', 新增: 'add',
  find: 'find', search: 'find', 查找: 'find', 搜索: 'find', 查询: 'find',
  update: 'update', edit: 'update', set: 'update', 修改: 'update', 更新: 'update',
  import: 'import', 导入: 'import',
  export: 'export', 导出: 'export',
  show: 'show', view: 'show', 查看: 'show',
};

export const TASK_SUBS: Record<string, 'done' | 'claim' | 'snooze' | 'reassign' | 'mine' | 'pool' | 'team' | 'add'> = {
  team: 'team', 团队: 'team', add: 'add', new: 'add', 新建: 'add', 添加: 'add', 新增: 'add',
  done: 'done', complete: 'done', finish: 'done', 完成: 'done',
  claim: 'claim', take: 'claim', 认领: 'claim', 领取: 'claim',
  snooze: 'snooze', postpone: 'snooze', defer: 'snooze', 推迟: 'snooze', 延后: 'snooze', 延期: 'snooze',
  reassign: 'reassign', assign: 'reassign', 转派: 'reassign', 改派: 'reassign', 指派: 'reassign',
  mine: 'mine', my: 'mine', 我的: 'mine',
  pool: 'pool', 公海: 'pool', 公海池: 'pool',
};

export const QUOTE_SUBS: Record<string, 'new' | 'edit' | 'submit' | 'show' | 'approve' | 'reject' | 'list'> = {
  list: 'list', 列表: 'list',
  new: 'new', create: 'new', add: 'new', 新建: 'new', 新增: 'new',
  edit: 'edit', update: 'edit', 修改: 'edit',
  submit: 'submit', 提交: 'submit',
  show: 'show', view: 'show', 查看: 'show',
  approve: 'approve', 批准: 'approve', 通过: 'approve', 同意: 'approve',
  reject: 'reject', decline: 'reject', 驳回: 'reject', 拒绝: 'reject',
};

export const CRM_SUBS: Record<string, 'help' | 'whoami' | 'role' | 'home' | 'channel' | 'team' | 'manager' | 'language' | 'link' | 'notify' | 'report'> = {
  link: 'link', 绑定: 'link', 关联: 'link', 关联账号: 'link',
  notify: 'notify', notifications: 'notify', 通知: 'notify', 提醒: 'notify',
  report: 'report', reports: 'report', 报表: 'report', 报告: 'report',
  team: 'team', 团队: 'team', manager: 'manager', 主管: 'manager', 上级: 'manager', 经理: 'manager',
  channel: 'channel', 频道: 'channel', 群: 'channel',
  language: 'language', lang: 'language', 语言: 'language',
  home: 'home', today: 'home', 主页: 'home', 今日: 'home',
  help: 'help', 帮助: 'help',
  whoami: 'whoami', me: 'whoami', 我是谁: 'whoami',
  role: 'role', 角色: 'role',
};

export const HELP_TOPIC_WORDS: Record<string, 'customer' | 'log' | 'tasks' | 'quote' | 'crm' | 'role'> = {
  customer: 'customer', customers: 'customer', 客户: 'customer',
  log: 'log', 记录: 'log', 跟进: 'log',
  tasks: 'tasks', task: 'tasks', 任务: 'tasks',
  quote: 'quote', quotes: 'quote', 报价: 'quote',
  crm: 'crm', whoami: 'crm',
  role: 'role', roles: 'role', 角色: 'role',
};

/** Words that name the channel in `/log` (bilingual, per the issue). */
export const CHANNEL_WORDS: Record<string, Channel> = {
  call: 'call', phone: 'call', 电话: 'call', 通话: 'call', 来电: 'call',
  visit: 'visit', 拜访: 'visit', 上门: 'visit', 面访: 'visit',
  email: 'email', 'e-mail': 'email', mail: 'email', 邮件: 'email',
  meeting: 'meeting', 会议: 'meeting', 开会: 'meeting', 会面: 'meeting',
  wechat: 'wechat', weixin: 'wechat', 微信: 'wechat',
  expo: 'expo', 'trade show': 'expo', 展会: 'expo',
  other: 'other', 其他: 'other',
};

/** Values of `mood:` / `情绪:`. */
export const MOOD_VALUES: Record<string, Mood> = {
  positive: 'positive', good: 'positive', happy: 'positive', 积极: 'positive', 正面: 'positive', 满意: 'positive', 好: 'positive',
  neutral: 'neutral', ok: 'neutral', 中性: 'neutral', 一般: 'neutral', 平稳: 'neutral',
  hesitant: 'hesitant', unsure: 'hesitant', 犹豫: 'hesitant', 观望: 'hesitant',
  negative: 'negative', bad: 'negative', angry: 'negative', 消极: 'negative', 负面: 'negative', 不满: 'negative',
};

export const SOURCE_VALUES: Record<string, CustomerSource> = {
  expo: 'expo', 'trade show': 'expo', tradeshow: 'expo', 展会: 'expo', 展览: 'expo',
  website: 'website', web: 'website', site: 'website', 官网: 'website', 网站: 'website',
  phone: 'phone', call: 'phone', 电话: 'phone',
  referral: 'referral', 转介绍: 'referral', 推荐: 'referral', 介绍: 'referral',
  outbound: 'outbound', 'cold call': 'outbound', 陌拜: 'outbound', 外呼: 'outbound', 地推: 'outbound',
  partner: 'partner', channel: 'partner', 合作伙伴: 'partner', 渠道: 'partner', 伙伴: 'partner',
  advertising: 'advertising', ads: 'advertising', ad: 'advertising', 广告: 'advertising', 投放: 'advertising',
  store: 'store', 'store visit': 'store', 'walk-in': 'store', 到店: 'store', 门店: 'store', 上门咨询: 'store',
  event: 'event', events: 'event', seminar: 'event', 活动: 'event', 沙龙: 'event', 研讨会: 'event',
  other: 'other', 其他: 'other', 其它: 'other',
};

export const STATUS_VALUES: Record<string, CustomerStatus> = {
  lead: 'lead', 线索: 'lead', 潜在: 'lead',
  intent: 'intent', interested: 'intent', 意向: 'intent',
  deal: 'deal', won: 'deal', 成交: 'deal', 签约: 'deal',
  lost: 'lost', 流失: 'lost', 丢单: 'lost',
};

export const ROLE_VALUES: Record<string, RoleName> = {
  rep: 'rep', sales: 'rep', 销售: 'rep', 代表: 'rep', 员工: 'rep',
  manager: 'manager', 经理: 'manager', 主管: 'manager',
  admin: 'admin', administrator: 'admin', 管理员: 'admin',
};

/** Looks a typed word up in a table, case- and width-insensitively. */
export function lookup<V>(table: Record<string, V>, word: string): V | undefined {
  const key = word.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
