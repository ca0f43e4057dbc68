// `/crm team` shows the team's settings; `/crm team <setting> <value>` changes one:
//   zone Asia/Shanghai · locale zh-CN · currency CNY|default · workdays mon-fri|1-5|1,2,3,4,5 ·
//   workday 9:00-18:00 · cadence A:7 B:14 C:30 · pool hours A:48 B:48 C:72 · claims per day 20 ·
//   discount limit 15% · churn days 90 · threshold 80 · response hours 24 · weights visit:25 email:2
// and in Chinese: `/crm 团队 时区 Asia/Shanghai`, `语言 中文`, `币种 人民币`, `工作日 周一至周五`,
// `工作时间 9:00-18:00`, `跟进周期 A:7 B:14 C:30`, `公海时限 A:48 B:48 C:72`, `每日领取上限 20`,
// `折扣上限 15%`, `流失天数 90`, `转交阈值 80`, `响应时限 24`, `评分权重 拜访:25 邮件:2`. `/crm manager @rep @manager` (`/crm 主管 @李雷 @张主管`).
// The words are read here; whether a value is allowed (a real zone, a sane range) is the domain's call.
import { invalidIntent, type Intent, type TeamChangeIntent } from '../intent.ts';
import { currencyOf, readPrice } from './money.ts';
import { readWeights } from './weights.ts';
import { parseHolidays } from './holidays.ts';
import { SOURCE_VALUES, lookup } from './vocabulary.ts';
import { alternation, trim, type Src } from './text.ts';

type Setting = TeamChangeIntent['setting'];

const SETTING_WORDS: Record<string, Setting> = {
  zone: 'zone', 'time zone': 'zone', timezone: 'zone', tz: 'zone', 时区: 'zone',
  locale: 'locale', language: 'locale', lang: 'locale', 语言: 'locale',
  currency: 'currency', 币种: 'currency', 货币: 'currency',
  workdays: 'workdays', 'work days': 'workdays', 'working days': 'workdays', 工作日: 'workdays',
  workday: 'workday', hours: 'workday', 'workday hours': 'workday', 'working hours': 'workday', 'office hours': 'workday', 工作时间: 'workday', 上班时间: 'workday',
  cadence: 'cadence', 跟进周期: 'cadence', 回访周期: 'cadence',
  'pool hours': 'poolHours', pool: 'poolHours', 'pool window': 'poolHours', 公海时限: 'poolHours', 公海时间: 'poolHours',
  'claims per day': 'claimsPerDay', claims: 'claimsPerDay', 'claim limit': 'claimsPerDay', 每日领取上限: 'claimsPerDay', 领取上限: 'claimsPerDay',
  'discount limit': 'discountLimit', discount: 'discountLimit', 折扣上限: 'discountLimit',
  'churn days': 'churnDays', churn: 'churnDays', 流失天数: 'churnDays',
  'score threshold': 'scoreThreshold', 'lead score': 'scoreThreshold', 'hand-off score': 'scoreThreshold', threshold: 'scoreThreshold',
  'response hours': 'responseHours', 'response time': 'responseHours', 响应时限: 'responseHours', 响应时间: 'responseHours', 首次响应: 'responseHours',
  weights: 'scoreWeights', 'score weights': 'scoreWeights', weight: 'scoreWeights', 评分权重: 'scoreWeights', 权重: 'scoreWeights', 评分规则: 'scoreWeights',
  'source cost': 'sourceCost', 'channel cost': 'sourceCost', 渠道成本: 'sourceCost', 来源成本: 'sourceCost', 获客成本: 'sourceCost',
  评分阈值: 'scoreThreshold', 转交阈值: 'scoreThreshold', 线索评分: 'scoreThreshold', 评分门槛: 'scoreThreshold',
};

const SETTING_RE = new RegExp(`^(${alternation(Object.keys(SETTING_WORDS))})(?=\\s|$|[:：])`, 'i');

const LOCALE_WORDS: Record<string, 'en' | 'zh-CN'> = {
  en: 'en', english: 'en', 英文: 'en', 英语: 'en', 'en-us': 'en',
  'zh-cn': 'zh-CN', zh: 'zh-CN', chinese: 'zh-CN', 中文: 'zh-CN', 简体中文: 'zh-CN', 汉语: 'zh-CN',
};

const CURRENCY_NAMES: Record<string, string> = { 人民币: 'CNY', 美元: 'USD', 欧元: 'EUR', 英镑: 'GBP', 港币: 'HKD', 港元: 'HKD', 日元: 'JPY' };

const DEFAULT_WORDS = /^(default|auto|none|默认|自动)$/i;

const WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
};

export function parseTeam(body: Src): Intent {
  const text = trim(body);
  if (!text.f) return { kind: 'team.show' };
  const holidays = parseHolidays(text);
  if (holidays) return holidays;
  const m = SETTING_RE.exec(text.f);
  if (!m) return invalidIntent('unknown_subcommand', 'usage.team', { subcommand: text.o.split(/\s/)[0]!.slice(0, 50) });
  const setting = SETTING_WORDS[m[1]!.toLowerCase()]!;
  const value = text.f.slice(m[0].length).replace(/^\s*[:：]?\s*/, '').trim().normalize('NFKC');
  if (!value) return setting === 'scoreWeights' ? { kind: 'team.weights' } : invalidIntent('missing_argument', 'usage.team', { arg: 'value' });
  const change = readChange(setting, value);
  return change ? { kind: 'team.set', change } : invalidIntent('bad_value', 'usage.team', { field: `setting_${setting}`, value: value.slice(0, 50) });
}

function readChange(setting: Setting, v: string): TeamChangeIntent | undefined {
  switch (setting) {
    case 'zone':
      return /^[A-Za-z][\w+\-/]{1,60}$/.test(v) ? { setting, value: v } : undefined;
    case 'locale': {
      const l = LOCALE_WORDS[v.toLowerCase()];
      return l ? { setting, value: l } : undefined;
    }
    case 'currency': {
      if (DEFAULT_WORDS.test(v)) return { setting, value: null };
      const c = CURRENCY_NAMES[v] ?? currencyOf(v) ?? (/^[a-z]{3}$/i.test(v) ? v.toUpperCase() : undefined);
      return c ? { setting, value: c } : undefined;
    }
    case 'workdays': {
      const days = readWeekdays(v);
      return days ? { setting, value: days } : undefined;
    }
    case 'workday': {
      const h = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|–|—|~|～|to|至|到)\s*(\d{1,2})(?::(\d{2}))?$/i.exec(v);
      if (!h) return undefined;
      const start = Number(h[1]) * 60 + Number(h[2] ?? 0);
      const end = Number(h[3]) * 60 + Number(h[4] ?? 0);
      return Number(h[2] ?? 0) < 60 && Number(h[4] ?? 0) < 60 ? { setting, value: { start, end } } : undefined;
    }
    case 'cadence':
    case 'poolHours': {
      const value: Partial<Record<'A' | 'B' | 'C', number>> = {};
      const rest = v.replace(/([abc])\s*(?:级|类)?\s*[:=]\s*(\d{1,5})\s*(?:d|days?|h|hours?|天|小时)?[\s,;，；、]*/gi, (_m, tier: string, n: string) => {
        value[tier.toUpperCase() as 'A' | 'B' | 'C'] = Number(n);
        return '';
      });
      return rest.trim() || !Object.keys(value).length ? undefined : { setting, value };
    }
    case 'claimsPerDay':
    case 'churnDays': {
      const n = /^(\d{1,5})\s*(?:days?|天|个|per day|\/day)?$/i.exec(v);
      return n ? { setting, value: Number(n[1]) } : undefined;
    }
    case 'responseHours': {
      const n = /^(\d{1,3})\s*(?:h|hours?|小时)?$/i.exec(v);
      return n ? { setting, value: Number(n[1]) } : undefined;
    }
    case 'sourceCost': {
      // "expo 20000", "trade show ¥1.5万", "展会 none": the source, then an amount or a word that clears it.
      const m = /^(.+?)\s+(\S+)$/.exec(v);
      const source = m ? lookup(SOURCE_VALUES, m[1]!) : undefined;
      if (!m || !source) return undefined;
      if (DEFAULT_WORDS.test(m[2]!) || /^(clear|无|清除)$/i.test(m[2]!)) return { setting, source, amount: null };
      return readPrice(m[2]!, undefined).ok ? { setting, source, amount: m[2]! } : undefined;
    }
    case 'scoreThreshold': {
      const n = /^(\d{1,3})\s*(?:points?|pts|分)?$/i.exec(v);
      return n ? { setting, value: Number(n[1]) } : undefined;
    }
    case 'scoreWeights': {
      const value = readWeights(v);
      return value ? { setting, value } : undefined;
    }
    case 'discountLimit': {
      const n = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(v);
      return n ? { setting, value: Number(n[1]) * 100 + Number((n[2] ?? '').padEnd(2, '0')) } : undefined;
    }
  }
}

/** "mon-fri", "1-5", "1,2,3,4,5", "周一至周五", "一到五", "mon,wed,fri" → ISO weekdays. */
function readWeekdays(v: string): number[] | undefined {
  const day = (w: string): number | undefined => {
    const s = w.trim().toLowerCase().replace(/^(周|星期|礼拜)/, '');
    if (/^[1-7]$/.test(s)) return Number(s);
    return WEEKDAYS[s];
  };
  const out = new Set<number>();
  for (const part of v.split(/[,，、;；\s]+/).filter(Boolean)) {
    const range = /^(.+?)\s*(?:-|–|~|～|至|到)\s*(.+)$/.exec(part);
    if (range) {
      const a = day(range[1]!);
      const b = day(range[2]!);
      if (a === undefined || b === undefined || a > b) return undefined;
      for (let d = a; d <= b; d++) out.add(d);
    } else {
      const d = day(part);
      if (d === undefined) return undefined;
      out.add(d);
    }
  }
  return out.size ? [...out].sort((x, y) => x - y) : undefined;
}

/** `/crm manager @rep @manager`: two people, each an @mention, door:id or @name (names may hold spaces). */
export function parseManager(body: Src): Intent {
  const text = trim(body).o.replace(/\s+(?:to|为|→|->)\s+(?=@)/gi, ' ');
  const people = text.split(/\s+(?=@|(?:slack|feishu|console):)/i).map((s) => s.trim()).filter(Boolean);
  if (people.length < 2) return invalidIntent('missing_argument', 'usage.manager', { arg: people.length ? 'manager' : 'user' });
  if (people.length > 2) return invalidIntent('unknown_subcommand', 'usage.manager', { subcommand: people.slice(2).join(' ').slice(0, 50) });
  if (people.some((p) => p.length > 200)) return invalidIntent('too_long', 'usage.manager', { max: 200 });
  return { kind: 'manager.set', target: people[0]!, manager: people[1]! };
}
