// 记录沟通时选择客户、回复语言、列表与导入行（中文）。键与 en/words.ts 一一对应。
import type { words as en } from '../en/words.ts';

export const words: Record<keyof typeof en, string> = {
  'title.log.choose': '是哪个客户？',
  'text.log.choose': '「{query}」对应 {count} 个客户，选一个即可记下这次沟通。',
  'button.customer_choice': '{name}（{code}）',
  'label.with_code': '{name}（{code}）',
  'label.in_parens': '{value}（{detail}）',
  'label.problem.missing': '缺失',
  'title.language.set': '语言已设置',
  'text.language.chosen': '好的，以后用中文回复你。发送 `/crm 语言 自动` 可恢复为飞书或 Slack 的语言设置。',
  'text.language.auto': '以后按你飞书或 Slack 的语言设置回复；没有设置时，按你输入的语言回复。',
  'label.channel_noun.call': '电话', 'label.channel_noun.visit': '拜访', 'label.channel_noun.email': '邮件',
  'label.channel_noun.meeting': '会议', 'label.channel_noun.wechat': '微信', 'label.channel_noun.expo': '展会',
  'label.channel_noun.other': '其他',
  'label.door.console': '控制台',
  'label.door.slack': 'Slack',
  'label.door.feishu': '飞书',
  'label.locale.en': '英文',
  'label.locale.zh-CN': '中文',
  'label.help_topic.customer': '客户',
  'label.help_topic.log': '记录沟通',
  'label.help_topic.tasks': '任务',
  'label.help_topic.quote': '报价',
  'label.help_topic.crm': '我与团队',
  'label.help_topic.role': '角色',
};
