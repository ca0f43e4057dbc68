// `/crm channel digest|approvals` where the bot is not a member: nothing is set, and the manager is
// told how to bring the bot in on their platform.
export const channels = {
  'title.channel.not_member': 'I’m not in this channel yet',
  'text.channel.not_member.slack': 'Nothing I post would arrive here, so nothing was set. Invite me with `/invite @{bot}` in this channel, then send `{command}` again.',
  'text.channel.not_member.feishu': 'Nothing I post would arrive here, so nothing was set. Add me in the group’s settings (Group bots → Add bot → {bot}), then send `{command}` again.',
  'label.channel_command.digest': '/crm channel digest',
  'label.channel_command.approvals': '/crm channel approvals',
};
