import { setChannelTarget } from '../../domain/messages/targets.ts';
import { setRole, whoami } from '../../domain/users/roles.ts';
import { label } from '../catalog/index.ts';
import { HELP_TOPICS } from '../intent.ts';
import { button } from '../render/buttons.ts';
import { person, say, type Dispatch } from './turn.ts';

export const dispatchHelp: Dispatch<'help'> = async (turn, intent) => ({
  tone: 'info',
  title: say(turn, 'help.title'),
  text: say(turn, intent.topic ? `help.${intent.topic}` : 'help.overview'),
  buttons: intent.topic ? [] : HELP_TOPICS.map((topic) => button(turn, 'button.help_topic', { kind: 'help', topic }, { labelParams: { topic: label(turn.locale, 'help_topic', topic) } })),
  visibility: 'private',
});

export const dispatchWhoami: Dispatch<'whoami'> = async (turn) => {
  const me = await whoami(turn.ctx);
  return {
    tone: 'info',
    title: say(turn, 'title.whoami', { name: me.user.displayName }),
    text: say(turn, 'text.whoami', {
      role: label(turn.locale, 'role', me.user.role),
      team: me.team.name,
      timeZone: turn.timeZone,
      locale: label(turn.locale, 'locale', turn.locale),
    }),
    fields: me.identities.map((i) => ({ label: label(turn.locale, 'door', i.platform), value: i.workspaceId ? `${i.workspaceId}/${i.externalId}` : i.externalId })),
    visibility: 'private',
  };
};

export const dispatchRole: Dispatch<'role'> = async (turn, intent) => {
  const user = await setRole(turn.ctx, { target: person(turn, intent.target), role: intent.role });
  return {
    tone: 'success',
    title: say(turn, 'title.role.set'),
    text: say(turn, 'text.role.set', { name: user.displayName, role: label(turn.locale, 'role', user.role) }),
    visibility: 'private',
  };
};

export const dispatchChannel: Dispatch<'channel'> = async (turn, intent) => {
  const door = turn.ctx.door === 'slack' || turn.ctx.door === 'feishu' || turn.ctx.door === 'console' ? turn.ctx.door : 'console';
  // A channel the bot is not in would take the setting and never see a digest or a card.
  const channelId = turn.place?.channelId;
  const seat = !intent.off && channelId && turn.membership ? await turn.membership(channelId) : undefined;
  if (seat && !seat.member) {
    const command = say(turn, intent.purpose === 'approvals' ? 'label.channel_command.approvals' : 'label.channel_command.digest');
    return {
      tone: 'warning',
      title: say(turn, 'title.channel.not_member'),
      text: say(turn, door === 'feishu' ? 'text.channel.not_member.feishu' : 'text.channel.not_member.slack', { bot: seat.botName ?? 'CRM', command }),
      visibility: 'private',
    };
  }
  await setChannelTarget(turn.ctx, { platform: door, workspaceId: turn.place?.workspaceId ?? '', channelId: turn.place?.channelId }, intent);
  return {
    tone: 'success',
    title: say(turn, 'title.channel.set'),
    text: say(turn, intent.off ? 'text.channel.off' : intent.purpose === 'approvals' ? 'text.channel.approvals' : 'text.channel.digest'),
    visibility: 'channel',
  };
};
