// The lead score's weights by the words people type for them: `/crm team weights visit:25 email:2`,
// `/crm 团队 评分权重 拜访:25 邮件:2`. The first word of each language is the one the weights card shows.
import type { PointWeight } from '../../domain/funnel/weights.ts';
import { alternation } from './text.ts';

export const WEIGHT_WORDS: Record<PointWeight, { en: string[]; 'zh-CN': string[] }> = {
  perInteraction: { en: ['contact', 'per-contact', 'interaction'], 'zh-CN': ['每次跟进', '跟进'] },
  interactionsCap: { en: ['contacts-cap', 'cap'], 'zh-CN': ['跟进上限'] },
  recent7: { en: ['week', 'recent-7'], 'zh-CN': ['7天内', '近7天'] },
  recent30: { en: ['month', 'recent-30'], 'zh-CN': ['30天内', '近30天'] },
  channelDeep: { en: ['visit', 'meeting'], 'zh-CN': ['拜访', '面谈'] },
  channelDirect: { en: ['call', 'wechat', 'expo'], 'zh-CN': ['电话', '微信', '展会'] },
  channelLight: { en: ['email', 'other'], 'zh-CN': ['邮件', '其他'] },
  moodPositive: { en: ['positive'], 'zh-CN': ['积极'] },
  moodHesitant: { en: ['hesitant'], 'zh-CN': ['犹豫'] },
  moodNegative: { en: ['negative'], 'zh-CN': ['消极'] },
  tierA: { en: ['tier-a'], 'zh-CN': ['A级'] },
  tierB: { en: ['tier-b'], 'zh-CN': ['B级'] },
  budgetAny: { en: ['budget'], 'zh-CN': ['预算'] },
  budgetBig: { en: ['big-budget'], 'zh-CN': ['大额预算'] },
  quoteAny: { en: ['quote'], 'zh-CN': ['报价'] },
  quoteBig: { en: ['big-quote'], 'zh-CN': ['大额报价'] },
  sourceMax: { en: ['source'], 'zh-CN': ['来源'] },
};

const BY_WORD = new Map<string, PointWeight>(
  (Object.entries(WEIGHT_WORDS) as Array<[PointWeight, { en: string[]; 'zh-CN': string[] }]>).flatMap(([name, w]) => [...w.en, ...w['zh-CN']].map((word) => [word.toLowerCase(), name] as const)),
);
// Longest first, so `big-budget` is not read as `budget`.
const PAIR_RE = new RegExp(`(${alternation([...BY_WORD.keys()])})\\s*[:=]?\\s*(\\d{1,3})(?:\\s*(?:points?|pts|分))?(?=[\\s,;，；、]|$)[\\s,;，；、]*`, 'gi');

/** "visit:25 email:2" → { channelDeep: 25, channelLight: 2 }; undefined when anything is left unread or past 100. */
export function readWeights(v: string): Partial<Record<PointWeight, number>> | undefined {
  const value: Partial<Record<PointWeight, number>> = {};
  let outOfRange = false;
  const rest = v.replace(PAIR_RE, (_m, word: string, n: string) => {
    value[BY_WORD.get(word.toLowerCase())!] = Number(n);
    outOfRange ||= Number(n) > 100;
    return '';
  });
  return rest.trim() || outOfRange || !Object.keys(value).length ? undefined : value;
}
