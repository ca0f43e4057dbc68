// 机器人不在群里时设置 `/crm 频道 日报|审批`：什么都不改，并告诉经理怎么把机器人拉进来。
export const channels = {
  'title.channel.not_member': '我还不在这个频道里',
  'text.channel.not_member.slack': '我发的消息到不了这里，所以这次没有设置。请先在频道里输入 `/invite @{bot}` 邀请我，再发送一次 `{command}`。',
  'text.channel.not_member.feishu': '我发的消息到不了这个群，所以这次没有设置。请先在群设置 → 群机器人 → 添加机器人里选择“{bot}”，再发送一次 `{command}`。',
  'label.channel_command.digest': '/crm 频道 日报',
  'label.channel_command.approvals': '/crm 频道 审批',
};
