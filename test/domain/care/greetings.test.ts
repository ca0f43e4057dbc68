// Care dates: birthdays as people type them, the holidays' dates, which days a due list covers, and
// the greetings each rep's due list carries, across the year end and for 29 February birthdays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBirthday } from '../../../src/domain/care/birthday.ts';
import { greetingDays } from '../../../src/domain/care/greetings.ts';
import type { Database } from '../../../src/domain/db/database.ts';
import { dailyDigest } from '../../../src/domain/digests/daily.ts';
import { defaultHolidays } from '../../../src/domain/teams/holidays.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeTeam, makeUser } from '../../support/fixtures.ts';

const day = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });
const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
/** 09:00 in Shanghai on that day, when the due list goes out. */
const morning = (date: string) => new Date(`${date}T01:00:00Z`);

describe('reading a birthday', () => {
  it('reads month and day in the ways people write them, the year when given', () => {
    for (const [text, want] of [
      ['3-15', '03-15'], ['03-15', '03-15'], ['3/15', '03-15'], ['3.15', '03-15'], ['March 15', '03-15'], ['Mar 15th', '03-15'], ['15 March', '03-15'],
      ['3月15日', '03-15'], ['3月15号', '03-15'], ['３月１５日', '03-15'], ['1985-03-15', '1985-03-15'], ['1985年3月15日', '1985-03-15'], ['March 15, 1985', '1985-03-15'],
      ['2-29', '02-29'], ['2000-02-29', '2000-02-29'],
    ] as const) expect(readBirthday(text), text).toBe(want);
  });

  it('refuses what it cannot place exactly: lunar dates, impossible days, a year alone', () => {
    for (const text of ['农历3月15', '阴历八月十五', 'lunar 3-15', '2-30', '13-01', '1985', '2001-02-29', 'soon', '15', '']) expect(readBirthday(text), text).toBeUndefined();
  });
});

describe('the holidays a team starts with', () => {
  it('gives a Chinese team the lunar holidays on their published Gregorian dates for 2026–2028', () => {
    const on = (year: number, name: string) => defaultHolidays('zh-CN', year).find((h) => h.name === name)?.on;
    expect([2026, 2027, 2028].map((y) => on(y, '春节'))).toEqual(['2026-02-17', '2027-02-06', '2028-01-26']);
    expect([2026, 2027, 2028].map((y) => on(y, '端午节'))).toEqual(['2026-06-19', '2027-06-09', '2028-05-28']);
    expect([2026, 2027, 2028].map((y) => on(y, '中秋节'))).toEqual(['2026-09-25', '2027-09-15', '2028-10-03']);
    expect(defaultHolidays('zh-CN', 2027).map((h) => h.name)).toEqual(['元旦', '春节', '端午节', '中秋节', '国庆节']);
    // A year the table does not cover keeps the fixed-date holidays only: no lunar date is guessed.
    expect(defaultHolidays('zh-CN', 2031).map((h) => h.on)).toEqual(['2031-01-01', '2031-10-01']);
    expect(defaultHolidays('en', 2027)).toEqual([{ on: '2027-01-01', name: 'New Year’s Day' }, { on: '2027-12-25', name: 'Christmas' }]);
  });

  it('agrees with the Chinese calendar day for day where ICU is right (and we know where it is not)', () => {
    const f = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    const lunar = (on: string) => f.formatToParts(new Date(`${on}T00:00:00Z`)).filter((p) => p.type === 'month' || p.type === 'day').map((p) => p.value).join('/');
    for (const y of [2026, 2027, 2028]) {
      const h = Object.fromEntries(defaultHolidays('zh-CN', y).map((x) => [x.name, x.on]));
      expect(lunar(h['端午节']!), `${y} 端午`).toBe('5/5');
      expect(lunar(h['中秋节']!), `${y} 中秋`).toBe('8/15');
      // 2027's new moon falls minutes before midnight in Beijing; ICU's approximation puts it after.
      if (y !== 2027) expect(lunar(h['春节']!), `${y} 春节`).toBe('1/1');
    }
  });
});

describe('which days a due list greets for', () => {
  const mon_fri = [1, 2, 3, 4, 5];
  it('covers tomorrow, and on a Friday the weekend and Monday', () => {
    expect(greetingDays(day('2026-11-30'), mon_fri).map(iso)).toEqual(['2026-12-01']);
    expect(greetingDays(day('2026-12-04'), mon_fri).map(iso)).toEqual(['2026-12-05', '2026-12-06', '2026-12-07']);
    // Across the year end: Thursday 31 December, and Friday 31 December a year later.
    expect(greetingDays(day('2026-12-31'), mon_fri).map(iso)).toEqual(['2027-01-01']);
    expect(greetingDays(day('2027-12-31'), mon_fri).map(iso)).toEqual(['2028-01-01', '2028-01-02', '2028-01-03']);
    // A team working Saturdays greets for Sunday and Monday on Saturday.
    expect(greetingDays(day('2026-12-05'), [1, 2, 3, 4, 5, 6]).map(iso)).toEqual(['2026-12-06', '2026-12-07']);
  });
});

describeEngines('greetings in the due list', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('lists birthdays, anniversaries and holidays for each owner, the workday before, across the year end and on 29 February', async () => {
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    const li = await makeUser(db, team.id, { name: '李雷' });
    const han = await makeUser(db, team.id, { name: '韩梅梅' });
    let n = 0;
    const customer = async (data: { tier?: 'A' | 'B' | 'C'; ownerId?: number | null; status?: 'lead' | 'lost'; founded?: string; contacts?: Array<{ name: string; birthday?: string; title?: string }> }) =>
      db.prisma.customer.create({
        data: {
          code: `CUS2026112900${++n}`, name: `客户${n}`, normalizedName: `客户${n}`, teamId: team.id, tier: data.tier ?? 'C', status: data.status ?? 'lead',
          ownerId: data.ownerId === undefined ? li.id : data.ownerId, founded: data.founded ?? null,
          contacts: { create: (data.contacts ?? []).map((k, i) => ({ ...k, isPrimary: i === 0 })) },
        },
      });
    const a = await customer({ tier: 'A', founded: '2009-01-01', contacts: [{ name: '王强', title: '采购经理', birthday: '01-02' }, { name: '赵敏', birthday: '1990-01-03' }] });
    await customer({ tier: 'B', ownerId: han.id, contacts: [{ name: '张伟', birthday: '02-29' }] });
    await customer({ tier: 'C', founded: '2015-01', contacts: [{ name: '刘洋', birthday: '02-28' }] }); // no anniversary without a day; C gets no holiday greeting
    await customer({ tier: 'A', ownerId: null, contacts: [{ name: '公海', birthday: '01-01' }] }); // the pool: nobody greets
    await customer({ tier: 'A', status: 'lost', contacts: [{ name: '流失', birthday: '01-01' }] }); // lost: not chased

    const greetings = async (date: string) => {
      const d = await dailyDigest(db.prisma, team.id, morning(date));
      return Object.fromEntries(d.reps.map((r) => [r.displayName, r.greetings.map((g) => [g.on, g.reason, g.holiday ?? g.years ?? '', g.customer.name, g.contact?.name ?? ''].filter((x) => x !== '').join(' '))]));
    };
    // Thursday 31 December 2026: Friday 1 January only (客户1's 18th anniversary; 元旦 for the tier A and B customers).
    expect(await greetings('2026-12-31')).toEqual({ 李雷: ['2027-01-01 founded 18 客户1 王强', '2027-01-01 holiday 元旦 客户1 王强'], 韩梅梅: ['2027-01-01 holiday 元旦 客户2 张伟'] });
    // Friday 1 January is a workday here (holidays are greeting dates, not days off): its list greets for Saturday to Monday.
    expect((await greetings('2027-01-01')).李雷).toEqual(['2027-01-02 birthday 客户1 王强', '2027-01-03 birthday 客户1 赵敏']);
    // Friday 31 December 2027: New Year on Saturday, the anniversary on the same day (19 years), the birthdays on Sunday and Monday.
    expect((await greetings('2027-12-31')).李雷).toEqual(['2028-01-01 founded 19 客户1 王强', '2028-01-01 holiday 元旦 客户1 王强', '2028-01-02 birthday 客户1 王强', '2028-01-03 birthday 客户1 赵敏']);
    // 2027 has no 29 February: that birthday is greeted on Sunday the 28th, in Friday the 26th's list, with the 28 February one.
    expect(await greetings('2027-02-26')).toEqual({ 李雷: ['2027-02-28 birthday 客户3 刘洋'], 韩梅梅: ['2027-02-28 birthday 客户2 张伟'] });
    // 2028 has it (a Tuesday): Monday's list; the 28th (a Monday) is in Friday the 25th's.
    expect(await greetings('2028-02-28')).toEqual({ 李雷: [], 韩梅梅: ['2028-02-29 birthday 客户2 张伟'] });
    expect(await greetings('2028-02-25')).toEqual({ 李雷: ['2028-02-28 birthday 客户3 刘洋'], 韩梅梅: [] });
    // A day with nothing to greet for.
    expect(await greetings('2027-03-09')).toEqual({ 李雷: [], 韩梅梅: [] });
    expect(a.id).toBeGreaterThan(0);
  });

  it('uses the team’s own list once a manager changed it, and an English team’s Christmas', async () => {
    const team = await makeTeam(db, { timeZone: 'America/New_York', locale: 'en' });
    const sam = await makeUser(db, team.id, { name: 'Sam' });
    await db.prisma.customer.create({ data: { code: 'CUS20261129901', name: 'Acme', normalizedName: 'acme', teamId: team.id, tier: 'B', ownerId: sam.id } });
    // Thursday 24 December 2026, 09:00 in New York.
    const at = new Date('2026-12-24T14:00:00Z');
    expect((await dailyDigest(db.prisma, team.id, at)).reps[0]!.greetings.map((g) => [g.on, g.holiday])).toEqual([['2026-12-25', 'Christmas']]);
    await db.prisma.team.update({ where: { id: team.id }, data: { holidays: [{ on: '2026-12-25', name: 'Holiday party' }] } });
    expect((await dailyDigest(db.prisma, team.id, at)).reps[0]!.greetings.map((g) => [g.on, g.holiday])).toEqual([['2026-12-25', 'Holiday party']]);
  });
});
