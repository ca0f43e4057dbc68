// 记录沟通时选择客户、回复语言、控制台提示（中文）。
export const words = {
  'title.log.choose': '是哪个客户？',
  'text.log.choose': '「{query}」对应 {count} 个客户，选一个即可记下这次沟通。',
  'button.customer_choice': '{name}（{code}）',
};
