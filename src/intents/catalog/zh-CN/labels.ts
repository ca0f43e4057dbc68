// 取值与字段名称（简体中文）。键与 en/labels.ts 一一对应。
import type { labels as en } from '../en/labels.ts';

export const labels: Record<keyof typeof en, string> = {
  'label.tier.A': 'A（每周）', 'label.tier.B': 'B（每两周）', 'label.tier.C': 'C（每月）',
  'label.status.lead': '线索', 'label.status.intent': '意向', 'label.status.deal': '成交', 'label.status.lost': '流失',
  'label.source.expo': '展会', 'label.source.website': '官网', 'label.source.phone': '电话', 'label.source.referral': '转介绍',
  'label.source.outbound': '陌拜', 'label.source.partner': '合作伙伴', 'label.source.advertising': '广告', 'label.source.other': '其他',
  'label.channel.call': '电话', 'label.channel.visit': '拜访', 'label.channel.email': '邮件', 'label.channel.meeting': '会议',
  'label.channel.wechat': '微信', 'label.channel.expo': '展会', 'label.channel.other': '其他',
  'label.mood.positive': '积极', 'label.mood.neutral': '中性', 'label.mood.hesitant': '犹豫', 'label.mood.negative': '消极',
  'label.role.rep': '销售', 'label.role.manager': '经理', 'label.role.admin': '管理员',
  'label.task_status.open': '进行中', 'label.task_status.done': '完成', 'label.task_status.cancelled': '取消',
  'label.quote_status.draft': '草稿', 'label.quote_status.pending': '待审批',
  'label.quote_status.approved': '已批准', 'label.quote_status.rejected': '已驳回',
  'label.decision.approved': '批准', 'label.decision.rejected': '驳回',
  'label.decision.approve': '批准', 'label.decision.reject': '驳回',
  'label.priority.low': '低', 'label.priority.normal': '普通', 'label.priority.high': '高',

  'label.field.name': '名称', 'label.field.code': '编号', 'label.field.tier': '等级', 'label.field.status': '状态',
  'label.field.industry': '行业', 'label.field.source': '来源', 'label.field.phone': '电话', 'label.field.email': '邮箱',
  'label.field.contact': '联系人', 'label.field.region': '地区', 'label.field.size': '规模', 'label.field.tags': '标签',
  'label.field.aliases': '别名', 'label.field.mood': '情绪', 'label.field.channel': '方式', 'label.field.currency': '币种',
  'label.field.role': '角色', 'label.field.user': '同事', 'label.field.customer': '客户', 'label.field.owner': '负责人',
  'label.field.due': '截止', 'label.field.summary': '内容', 'label.field.next_step': '下一步', 'label.field.discount': '折扣',
  'label.field.subtotal': '小计', 'label.field.total': '合计', 'label.field.author': '创建人', 'label.field.approver': '审批人',
  'label.field.reason': '原因', 'label.field.team': '团队', 'label.field.time_zone': '时区', 'label.field.locale': '语言',
  'label.field.last_contact': '最近联系', 'label.field.lines': '明细', 'label.field.quantity': '数量',
  'label.field.unit_price': '单价', 'label.field.product': '产品', 'label.field.title': '标题', 'label.field.id': '编号',
  'label.field.fields': '字段', 'label.field.created': '创建时间',

  'label.entity.customer': '客户', 'label.entity.task': '任务', 'label.entity.quote': '报价', 'label.entity.interaction': '沟通记录',
  'label.entity.user': '同事', 'label.entity.team': '团队', 'label.entity.role': '角色', 'label.entity.contact': '联系人',
  'label.entity.cadence': '跟进列表', 'label.entity.delivery': '请求', 'label.entity.record': '记录',

  'label.arg.customer': '客户', 'label.arg.query': '要查找的内容', 'label.arg.name': '客户名称',
  'label.arg.id': '编号', 'label.arg.when': '时间（如「明天上午9点」）', 'label.arg.user': '同事（如 @张三）',
  'label.arg.fields': '至少一个「字段:值」', 'label.arg.csv': 'CSV 内容', 'label.arg.subcommand': '要做什么',
  'label.arg.changes': '要修改的内容（明细、折扣或币种）', 'label.arg.role': '角色（销售、经理或管理员）',

  'label.problem.summary_empty': '为空', 'label.problem.summary_too_long': '太长', 'label.problem.title_empty': '为空',
  'label.problem.title_too_long': '太长', 'label.problem.quantity_too_large': '太大', 'label.problem.quantity_not_positive': '至少为 1',
  'label.problem.quantity_not_integer': '必须是整数', 'label.problem.unit_price_too_large': '太大', 'label.problem.unit_price_negative': '为负数',
  'label.problem.discount_over_100_percent': '超过 100%', 'label.problem.discount_negative': '为负数', 'label.problem.no_lines': '没有明细',
  'label.problem.too_many_lines': '明细太多', 'label.problem.currency_not_iso': '不是 USD 这样的币种代码', 'label.problem.mixed_currencies': '混用了多种币种',
  'label.problem.product_empty': '为空', 'label.problem.product_too_long': '太长', 'label.problem.time_without_date': '只有时间没有日期',

  'label.allowed': '可选：{values}。',
  'label.none': '—',
  'label.level.manager': '经理', 'label.level.admin': '管理员',
  'label.list_separator': '、',
};
