// A team's holidays: the dates its reps send their key customers a greeting (春节, 中秋, Christmas …).
// Greeting dates only: the team's workdays, due lists and quiet hours do not change on them.
// Until a manager changes the list, a team has the defaults for its language for this year and the
// next; the first change writes that list down with the change, audited like every team setting.
import type { Team } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { DomainContext } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { assertRole } from '../permissions.ts';
import { isoDate, localDateOf } from '../time/zone.ts';

export interface Holiday {
  /** "YYYY-MM-DD" in the team's calendar. */
  on: string;
  name: string;
}

// The lunar holidays' Gregorian dates, from the published Chinese calendar (checked against the
// Hong Kong Observatory's and Wikipedia's tables). Not computed with Intl's chinese calendar: ICU
// puts 春节 2027 on 7 February, a day late, because that new moon falls minutes before midnight in Beijing.
const LUNAR: Record<number, { spring: string; dragonBoat: string; midAutumn: string }> = {
  2026: { spring: '2026-02-17', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { spring: '2027-02-06', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { spring: '2028-01-26', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
};

/** The years the lunar table covers; later years have the fixed-date holidays only until a manager adds the others. */
export const LUNAR_YEARS = Object.keys(LUNAR).map(Number);

/** The defaults for one year in the team's language. */
export function defaultHolidays(locale: string, year: number): Holiday[] {
  if (locale !== 'zh-CN') return [{ on: `${year}-01-01`, name: 'New Year’s Day' }, { on: `${year}-12-25`, name: 'Christmas' }];
  const lunar = LUNAR[year];
  return [
    { on: `${year}-01-01`, name: '元旦' },
    ...(lunar ? [{ on: lunar.spring, name: '春节' }, { on: lunar.dragonBoat, name: '端午节' }, { on: lunar.midAutumn, name: '中秋节' }] : []),
    { on: `${year}-10-01`, name: '国庆节' },
  ].sort((a, b) => a.on.localeCompare(b.on));
}

function stored(team: Pick<Team, 'holidays'>): Holiday[] | null {
  const v = team.holidays;
  if (!Array.isArray(v)) return null;
  return (v as unknown[]).filter((h): h is Holiday => !!h && typeof h === 'object' && typeof (h as Holiday).on === 'string' && typeof (h as Holiday).name === 'string');
}

/** Every holiday the team has (its own list, else this year's and next year's defaults), by date. */
export function holidaysOf(team: Pick<Team, 'holidays' | 'locale' | 'timeZone'>, now: Date): Holiday[] {
  const own = stored(team);
  if (own) return [...own].sort((a, b) => a.on.localeCompare(b.on));
  const year = localDateOf(now, team.timeZone).year;
  return [...defaultHolidays(team.locale, year), ...defaultHolidays(team.locale, year + 1)];
}

/** The holidays from today on, as `/crm team holidays` shows them. */
export async function teamHolidays(ctx: DomainContext): Promise<{ holidays: Holiday[]; defaults: boolean }> {
  const team = await ctx.prisma.team.findUnique({ where: { id: ctx.actor.teamId } });
  if (!team) throw notFound('team.not_found', { id: ctx.actor.teamId });
  return { holidays: upcoming(holidaysOf(team, ctx.clock.now()), team, ctx.clock.now()), defaults: stored(team) === null };
}

function upcoming(list: Holiday[], team: Pick<Team, 'timeZone'>, now: Date): Holiday[] {
  const today = isoDate(localDateOf(now, team.timeZone));
  return list.filter((h) => h.on >= today);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type HolidayChange = { op: 'add'; on: string; name: string } | { op: 'remove'; on: string; name?: string };

/** Managers add a holiday (a date and its name) or remove one (by date, and name when a date has two). */
export async function changeHolidays(ctx: DomainContext, change: HolidayChange): Promise<{ holidays: Holiday[]; changed: Holiday }> {
  assertRole(ctx.actor, 'manager', 'team');
  const m = ISO_DAY.exec(change.on);
  const valid = m && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
  })();
  if (!valid) throw invalid('team.bad_holiday', { value: change.on });
  const name = change.name?.trim();
  if (change.op === 'add' && (!name || name.length > 40)) throw invalid('team.bad_holiday_name', { value: (change.name ?? '').slice(0, 60) });
  const now = ctx.clock.now();
  return ctx.prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: ctx.actor.teamId } });
    if (!team) throw notFound('team.not_found', { id: ctx.actor.teamId });
    const before = holidaysOf(team, now);
    let after: Holiday[];
    let changed: Holiday;
    if (change.op === 'add') {
      if (before.some((h) => h.on === change.on && h.name === name)) throw conflict('team.holiday_exists', { on: change.on, name });
      if (before.length >= 200) throw invalid('team.too_many_holidays', { max: 200 });
      changed = { on: change.on, name: name! };
      after = [...before, changed].sort((a, b) => a.on.localeCompare(b.on) || a.name.localeCompare(b.name));
    } else {
      const hits = before.filter((h) => h.on === change.on && (!name || h.name === name));
      if (!hits.length) throw notFound('team.holiday_not_found', { on: change.on, name: name ?? '' });
      if (hits.length > 1) throw invalid('team.holiday_ambiguous', { on: change.on, names: hits.map((h) => h.name).join(', ') });
      changed = hits[0]!;
      after = before.filter((h) => h !== changed);
    }
    await tx.team.update({ where: { id: team.id }, data: { holidays: after as unknown as object[], updatedAt: now } });
    await audit(tx, ctx, { entity: 'team', entityId: team.id, action: `setting.holiday.${change.op}`, before: { holiday: change.op === 'remove' ? changed : null }, after: { holiday: change.op === 'add' ? changed : null } });
    return { holidays: upcoming(after, team, now), changed };
  });
}
