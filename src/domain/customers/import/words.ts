// The values sheets hold for tier, status, source and channel, in Chinese and English, including the
// templates' own grading words (A类, A级, 高意向 …). Export writes words these read back.
import type { Channel, CustomerSource, CustomerStatus, Tier } from '../../../generated/prisma/enums.ts';

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

const TIER_WORDS: Record<string, Tier> = {
  高意向: 'A', 重点: 'A', 重点客户: 'A', 重要: 'A', 重要客户: 'A', 核心: 'A', 核心客户: 'A', 'key account': 'A', high: 'A', hot: 'A',
  中意向: 'B', 一般: 'B', 普通: 'B', 一般客户: 'B', medium: 'B', warm: 'B',
  低意向: 'C', 潜在: 'C', 潜在客户: 'C', 小客户: 'C', low: 'C', cold: 'C',
};

export function readTier(text: string): Tier | undefined {
  const t = fold(text);
  const m = /^(?:tier\s*)?([abc])\s*(?:类|级|档|类客户|级客户|\s*\(.*\)|（.*）)?$/i.exec(t);
  if (m) return m[1]!.toUpperCase() as Tier;
  return TIER_WORDS[t];
}

const STATUS_WORDS: Record<string, CustomerStatus> = {
  lead: 'lead', 线索: 'lead', 潜在: 'lead', 新客户: 'lead', 初步接触: 'lead',
  intent: 'intent', interested: 'intent', 意向: 'intent', 有意向: 'intent', 跟进中: 'intent', 洽谈: 'intent', 洽谈中: 'intent',
  deal: 'deal', won: 'deal', 成交: 'deal', 已成交: 'deal', 签约: 'deal', 已签约: 'deal',
  lost: 'lost', 流失: 'lost', 已流失: 'lost', 丢单: 'lost',
};

export function readStatus(text: string): CustomerStatus | undefined {
  return STATUS_WORDS[fold(text)];
}

const SOURCE_WORDS: Array<[RegExp, CustomerSource]> = [
  [/^(expo|trade ?show|展会|展览|展会获客)$/, 'expo'],
  [/^(website|web|site|online|官网|网站|网络|线上|官网咨询|网站留言)$/, 'website'],
  [/^(phone|call|inbound call|电话|来电|电话咨询)$/, 'phone'],
  [/^(referral|转介绍|推荐|介绍|老客户介绍|客户推荐)$/, 'referral'],
  [/^(outbound|cold call|陌拜|外呼|地推|电销)$/, 'outbound'],
  [/^(partner|channel|合作伙伴|渠道|伙伴|代理商)$/, 'partner'],
  [/^(advertising|ads?|广告|投放|推广)$/, 'advertising'],
  [/^(store|store visit|walk-?in|到店|门店|上门咨询|到店咨询)$/, 'store'],
  [/^(events?|seminar|活动|沙龙|研讨会|线下活动|市场活动)$/, 'event'],
  [/^(other|其他|其它)$/, 'other'],
];

export function readSource(text: string): CustomerSource | undefined {
  const t = fold(text);
  return SOURCE_WORDS.find(([re]) => re.test(t))?.[1];
}

const CHANNEL_WORDS: Record<string, Channel> = {
  call: 'call', phone: 'call', 电话: 'call', visit: 'visit', 拜访: 'visit', email: 'email', 邮件: 'email', 邮箱: 'email',
  meeting: 'meeting', 会议: 'meeting', wechat: 'wechat', 微信: 'wechat', expo: 'expo', 展会: 'expo', other: 'other', 其他: 'other',
};

export function readChannel(text: string): Channel | undefined {
  return CHANNEL_WORDS[fold(text)];
}

/** Words an export writes, read back by the readers above. */
export const STATUS_OUT: Record<'en' | 'zh-CN', Record<CustomerStatus, string>> = {
  en: { lead: 'lead', intent: 'interested', deal: 'won', lost: 'lost' },
  'zh-CN': { lead: '线索', intent: '意向', deal: '成交', lost: '流失' },
};
export const SOURCE_OUT: Record<'en' | 'zh-CN', Record<CustomerSource, string>> = {
  en: { expo: 'expo', website: 'website', phone: 'phone', referral: 'referral', outbound: 'outbound', partner: 'partner', advertising: 'advertising', store: 'store visit', event: 'event', other: 'other' },
  'zh-CN': { expo: '展会', website: '官网', phone: '电话', referral: '转介绍', outbound: '陌拜', partner: '合作伙伴', advertising: '广告', store: '到店', event: '活动', other: '其他' },
};
export const CHANNEL_OUT: Record<'en' | 'zh-CN', Record<Channel, string>> = {
  en: { call: 'call', visit: 'visit', email: 'email', meeting: 'meeting', wechat: 'wechat', expo: 'expo', other: 'other' },
  'zh-CN': { call: '电话', visit: '拜访', email: '邮件', meeting: '会议', wechat: '微信', expo: '展会', other: '其他' },
};
