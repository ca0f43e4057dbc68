// `/crm team holidays` and a manager's `/crm team holiday …`: the team's greeting dates.
import { changeHolidays, teamHolidays, type Holiday } from '../../domain/teams/holidays.ts';
import { HOLIDAY_TIERS } from '../../domain/care/greetings.ts';
import { calendarDay } from '../render/greetings.ts';
import type { ReplySection } from '../reply.ts';
import { say, type Dispatch, type Speaker } from './turn.ts';

function holidaySection(s: Speaker, list: Holiday[]): ReplySection {
  return {
    items: list.length
      ? list.map((h) => ({ text: `${calendarDay(s.locale, h.on)} · ${h.name}` }))
      : [{ text: say(s, 'text.team.holidays.none') }],
  };
}

export const dispatchTeamHolidays: Dispatch<'team.holidays'> = async (turn) => {
  const { holidays, defaults } = await teamHolidays(turn.ctx);
  const how = say(turn, turn.ctx.actor.role === 'rep' ? 'text.team.holidays.read_only' : 'text.team.holidays.how_to_change');
  return {
    tone: 'info',
    title: say(turn, 'title.team.holidays'),
    // Chinese sentences follow one another with no space after the full stop.
    text: [say(turn, 'text.team.holidays.what', { tiers: HOLIDAY_TIERS.join(say(turn, 'label.list_separator')) }), ...(defaults ? [say(turn, 'text.team.holidays.defaults')] : []), how].join(turn.locale === 'zh-CN' ? '' : ' '),
    sections: [holidaySection(turn, holidays)],
    visibility: 'private',
  };
};

export const dispatchTeamHoliday: Dispatch<'team.holiday'> = async (turn, intent) => {
  const { holidays, changed } = await changeHolidays(turn.ctx, intent.op === 'add' ? { op: 'add', on: intent.on, name: intent.name ?? '' } : { op: 'remove', on: intent.on, ...(intent.name ? { name: intent.name } : {}) });
  return {
    tone: 'success',
    title: say(turn, intent.op === 'add' ? 'title.team.holiday_added' : 'title.team.holiday_removed', { name: changed.name, date: calendarDay(turn.locale, changed.on) }),
    sections: [holidaySection(turn, holidays)],
    visibility: 'private',
  };
};
