// RFM 客户价值分层（issue 13）：按最近一次往来、往来频次和金额给客户打分并分群。中文。
import type { rfm as en } from '../en/rfm.ts';

export const rfm: Record<keyof typeof en, string> = {
  'title.report.rfm': '客户价值分层 RFM（{range}）',
  'title.report.rfm.own': '我的客户价值分层 RFM（{range}）',
  'title.report.rfm.chart': '各 RFM 分群客户数',
  'label.report.rfm.rated': '参与评分的客户',
  'text.report.rfm.rated': '{count} 个 · 本期批准报价金额 {value}',
  'label.report.rfm.r': '最近往来（R）1–5 分',
  'label.report.rfm.f': '往来频次（F）1–5 分',
  'label.report.rfm.m': '报价金额（M）1–5 分',
  'text.report.rfm.spread': '1 分 {s1} 个 · 2 分 {s2} 个 · 3 分 {s3} 个 · 4 分 {s4} 个 · 5 分 {s5} 个',
  'section.report.rfm.segments': '客户分群（括号内为上期）',
  'text.report.rfm.segment': '{segment}：{count}（{previous}）',
  'section.report.rfm.movers': '较上期（{range}）下滑最多',
  'text.report.rfm.mover': '{customer}（{owner}）：{from} → {to}，R{r0} F{f0} M{m0} → R{r} F{f} M{m}',
  'text.report.rfm.how': '各项按客户在全组中的排名打分，前 20% 为 5 分：R 看最近一次跟进或报价，F 看本期跟进和批准报价的次数，M 看本期批准且客户未拒绝的报价金额。',
  'section.report.rfm.segments.now': '客户分群（上期客户太少，未评分）',
  'text.report.rfm.segment.now': '{segment}：{count}',
  'label.report.rfm.active': '有往来的客户',
  'text.report.rfm.too_few': '截至本期末，全组只有 {count} 个客户有跟进记录或批准的报价。评分按排名把客户分成五档，至少需要 {min} 个客户，所以暂不评分。',
  'text.report.rfm.empty': '截至本期末，还没有客户有跟进记录或批准的报价。',
  'label.rfm.champions': '重要价值客户', 'label.rfm.loyal': '忠诚客户', 'label.rfm.promising': '潜力客户', 'label.rfm.needs_attention': '需要关注',
  'label.rfm.cant_lose': '重要挽留客户', 'label.rfm.at_risk': '流失风险客户', 'label.rfm.hibernating': '沉睡客户', 'label.rfm.lost': '已流失客户',
};
