// Team settings changed from chat: each change checked, audited with before and after; reps refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { changeTeamSetting, teamCurrency, teamSettings, type TeamChange } from '../../../src/domain/teams/settings.ts';
import { setManager } from '../../../src/domain/users/roles.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { makeUser } from '../../support/fixtures.ts';
import { auditRows, failure, makeWorld } from '../interactions/world.ts';

describeEngines('team settings', (engine) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    db = await freshDatabase(engine);
    w = await makeWorld(db);
  });
  afterAll(() => db.drop());

  it('reads defaults: currency by language, Mon–Fri, 09:00–17:00, cadence 7/14/30, pool 48/48/72', async () => {
    const s = await teamSettings(w.ctx(w.rep));
    expect(s).toMatchObject({ currency: 'USD', currencySet: false, workdays: [1, 2, 3, 4, 5], workdayStartMinute: 540, workdayEndMinute: 1020, cadence: { A: 7, B: 14, C: 30 }, poolHours: { A: 48, B: 48, C: 72 }, claimsPerDay: 20, discountLimitBps: 1500, churnDays: 90 });
    expect(teamCurrency({ currency: null, locale: 'zh-CN' })).toBe('CNY');
    expect(teamCurrency({ currency: 'EUR', locale: 'zh-CN' })).toBe('EUR');
  });

  it('changes each setting, answers with the new value and audits before and after', async () => {
    const m = w.ctx(w.manager);
    const changes: Array<[TeamChange, (s: Awaited<ReturnType<typeof teamSettings>>) => unknown, unknown]> = [
      [{ setting: 'zone', value: 'America/New_York' }, (s) => s.timeZone, 'America/New_York'],
      [{ setting: 'locale', value: 'zh-CN' }, (s) => [s.locale, s.currency], ['zh-CN', 'CNY']],
      [{ setting: 'currency', value: 'EUR' }, (s) => [s.currency, s.currencySet], ['EUR', true]],
      [{ setting: 'currency', value: null }, (s) => [s.currency, s.currencySet], ['CNY', false]],
      [{ setting: 'workdays', value: [6, 1, 2, 3, 4, 5, 1] }, (s) => s.workdays, [1, 2, 3, 4, 5, 6]],
      [{ setting: 'workday', value: { start: 510, end: 1080 } }, (s) => [s.workdayStartMinute, s.workdayEndMinute], [510, 1080]],
      [{ setting: 'cadence', value: { A: 5, C: 21 } }, (s) => s.cadence, { A: 5, B: 14, C: 21 }],
      [{ setting: 'poolHours', value: { A: 24, B: 36, C: 96 } }, (s) => s.poolHours, { A: 24, B: 36, C: 96 }],
      [{ setting: 'claimsPerDay', value: 5 }, (s) => s.claimsPerDay, 5],
      [{ setting: 'discountLimit', value: 2000 }, (s) => s.discountLimitBps, 2000],
      [{ setting: 'churnDays', value: 60 }, (s) => s.churnDays, 60],
    ];
    for (const [change, read, expected] of changes) expect(read(await changeTeamSetting(m, change)), change.setting).toEqual(expected);
    expect(read(await teamSettings(w.ctx(w.rep)))).toBeTruthy();
    const rows = await auditRows(db, 'team', w.team.id);
    expect(rows.map((r) => r.action)).toContain('setting.cadence');
    const cadence = rows.find((r) => r.action === 'setting.cadence')!;
    expect([cadence.before, cadence.after, cadence.actorId]).toEqual([{ cadenceDaysA: 7, cadenceDaysC: 30 }, { cadenceDaysA: 5, cadenceDaysC: 21 }, w.manager.id]);
    function read(s: Awaited<ReturnType<typeof teamSettings>>) {
      return s.cadence.A === 5 && s.workdays.includes(6);
    }
  });

  it('refuses bad values naming the rule, and reps, writing nothing', async () => {
    const m = w.ctx(w.manager);
    const before = await db.prisma.team.findUniqueOrThrow({ where: { id: w.team.id } });
    const audits = (await auditRows(db, 'team', w.team.id)).length;
    const bad: Array<[TeamChange, string]> = [
      [{ setting: 'zone', value: 'Mars/Olympus' }, 'team.bad_zone'],
      [{ setting: 'locale', value: 'fr' }, 'team.bad_locale'],
      [{ setting: 'currency', value: 'XYZ' }, 'team.bad_currency'],
      [{ setting: 'workdays', value: [0, 8] }, 'team.bad_workdays'],
      [{ setting: 'workday', value: { start: 1080, end: 540 } }, 'team.bad_workday'],
      [{ setting: 'cadence', value: { B: 0 } }, 'team.bad_cadence'],
      [{ setting: 'poolHours', value: { C: 10_000 } }, 'team.bad_pool_hours'],
      [{ setting: 'claimsPerDay', value: 0 }, 'team.bad_claims_per_day'],
      [{ setting: 'discountLimit', value: 12_000 }, 'team.bad_discount_limit'],
      [{ setting: 'churnDays', value: 2 }, 'team.bad_churn_days'],
    ];
    for (const [change, reason] of bad) expect(await failure(changeTeamSetting(m, change)), reason).toMatchObject({ code: 'invalid', reason });
    expect(await failure(changeTeamSetting(w.ctx(w.rep), { setting: 'claimsPerDay', value: 3 }))).toMatchObject({ code: 'forbidden', reason: 'team.needs_manager' });
    expect(await db.prisma.team.findUniqueOrThrow({ where: { id: w.team.id } })).toEqual(before);
    expect((await auditRows(db, 'team', w.team.id)).length).toBe(audits);
  });

  it('sets a rep’s manager (audited) but never to a rep, to themselves, or by a rep', async () => {
    const mgr2 = await makeUser(db, w.team.id, { name: 'Nina Manager', role: 'manager' });
    const updated = await setManager(w.ctx(w.manager), { target: 'Rita Rep', manager: '@Nina Manager' });
    expect(updated.managerId).toBe(mgr2.id);
    const row = (await auditRows(db, 'user', w.rep.id)).find((r) => r.action === 'manager');
    expect([row?.before, row?.after]).toEqual([{ managerId: w.manager.id }, { managerId: mgr2.id }]);
    expect(await failure(setManager(w.ctx(w.manager), { target: 'Rita Rep', manager: 'Rob Rep' }))).toMatchObject({ reason: 'user.manager_is_rep' });
    expect(await failure(setManager(w.ctx(w.manager), { target: 'Nina Manager', manager: 'Nina Manager' }))).toMatchObject({ reason: 'user.own_manager' });
    expect(await failure(setManager(w.ctx(w.rep), { target: 'Rob Rep', manager: 'Nina Manager' }))).toMatchObject({ code: 'forbidden' });
  });
});
