// `/crm team` (`/crm 团队`): the team's settings; a manager changes one with `/crm team <setting> <value>`.
// `/crm manager @rep @manager` says whose approvals a rep's quotes go to.
import { changeTeamSetting, teamSettings } from '../../domain/teams/settings.ts';
import { setManager } from '../../domain/users/roles.ts';
import { label } from '../catalog/index.ts';
import { settingFields, settingValue, weightFields } from '../render/team.ts';
import { person, say, type Dispatch } from './turn.ts';
import { findUser } from '../../domain/users/directory.ts';
import { teamChangeOf } from './source-cost.ts';

export const dispatchTeamShow: Dispatch<'team.show'> = async (turn) => {
  const s = await teamSettings(turn.ctx);
  return {
    tone: 'info',
    title: say(turn, 'title.team', { team: s.name }),
    fields: settingFields(turn, s),
    text: say(turn, turn.ctx.actor.role === 'rep' ? 'text.team.read_only' : 'text.team.how_to_change'),
    visibility: 'private',
  };
};

export const dispatchTeamWeights: Dispatch<'team.weights'> = async (turn) => {
  const s = await teamSettings(turn.ctx);
  return {
    tone: 'info',
    title: say(turn, 'title.team.weights'),
    text: say(turn, 'text.team.weights', { threshold: s.scoreThreshold }),
    fields: weightFields(turn, s),
    notices: [say(turn, turn.ctx.actor.role === 'rep' ? 'text.team.weights.read_only' : 'text.team.weights.how_to_change')],
    visibility: 'private',
  };
};

export const dispatchTeamSet: Dispatch<'team.set'> = async (turn, intent) => {
  const s = await changeTeamSetting(turn.ctx, await teamChangeOf(turn, intent.change));
  const name = label(turn.locale, 'setting', intent.change.setting);
  if (intent.change.setting === 'scoreWeights') {
    return {
      tone: 'success',
      title: say(turn, 'title.team.changed'),
      text: say(turn, 'text.team.weights.changed'),
      fields: weightFields(turn, s),
      visibility: 'private',
    };
  }
  return {
    tone: 'success',
    title: say(turn, 'title.team.changed'),
    text: say(turn, 'text.team.changed', { setting: name, value: settingValue(turn, s, intent.change.setting) }),
    fields: settingFields(turn, s),
    visibility: 'private',
  };
};

export const dispatchManagerSet: Dispatch<'manager.set'> = async (turn, intent) => {
  const rep = await setManager(turn.ctx, { target: person(turn, intent.target), manager: person(turn, intent.manager) });
  const manager = await findUser(turn.ctx, person(turn, intent.manager));
  return { tone: 'success', title: say(turn, 'title.manager.set'), text: say(turn, 'text.manager.set', { name: rep.displayName, manager: manager.displayName }), visibility: 'private' };
};
