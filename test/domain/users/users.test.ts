import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { approversFor, findUser } from '../../../src/domain/users/directory.ts';
import { listedAsAdmin, resolveActor, resolveActorAndTeam } from '../../../src/domain/users/provision.ts';
import { setRole, whoami } from '../../../src/domain/users/roles.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { contextFor, TestClock } from '../../support/fixtures.ts';

const settings = { admins: 'slack:U012ABC, feishu:ou_123, console:Dana Reyes', defaultTeam: 'Sales', defaultTimeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN' as const };
const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
const fails = async (p: Promise<unknown>) => p.then(() => null, (e) => e as { code: string; reason: string });

it('reads CRM_ADMINS entries for every door', () => {
  expect(listedAsAdmin(settings.admins, { platform: 'slack', externalUserId: 'U012ABC' })).toBe(true);
  expect(listedAsAdmin(settings.admins, { platform: 'feishu', externalUserId: 'ou_123' })).toBe(true);
  expect(listedAsAdmin(settings.admins, { platform: 'console', externalUserId: 'dana reyes' })).toBe(true);
  expect(listedAsAdmin(settings.admins, { platform: 'slack', externalUserId: 'ou_123' })).toBe(false);
});

describeEngines('users', (engine) => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(() => db?.drop());
  const who = (platform: 'slack' | 'feishu' | 'console', id: string, profile?: { displayName?: string; timeZone?: string; locale?: 'en' | 'zh-CN' }) => ({ platform, workspaceId: platform === 'console' ? '' : 'T1', externalUserId: id, profile });

  it('provisions a rep in the default team on first contact, admins from CRM_ADMINS', async () => {
    const rep = await resolveActor(db, clock, who('slack', 'U999', { displayName: 'Sam', timeZone: 'America/New_York', locale: 'en' }), settings);
    expect(rep).toMatchObject({ created: true, role: 'rep', displayName: 'Sam', timeZone: 'America/New_York', locale: 'en' });
    const admin = await resolveActor(db, clock, who('slack', 'U012ABC'), settings);
    expect(admin).toMatchObject({ role: 'admin', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    expect((await resolveActor(db, clock, who('slack', 'U999'), settings)).created).toBe(false);
    expect(await db.prisma.team.count()).toBe(1);
  });

  it("reads a known person's team row whole, as Prisma reads it (one statement for both)", async () => {
    const { team } = await resolveActorAndTeam(db, clock, who('slack', 'U999'), settings);
    // Values of every type the row holds: JSON, a BigInt, arrays, a nullable text.
    await db.prisma.team.update({ where: { id: team.id }, data: { scoreSettings: { threshold: 70 }, managerMaxTotalMinor: 12_345n, currency: 'CNY' } });
    const again = await resolveActorAndTeam(db, clock, who('slack', 'U999'), settings);
    expect(again.team).toStrictEqual(await db.prisma.team.findUniqueOrThrow({ where: { id: team.id } }));
    expect(again.team.managerMaxTotalMinor).toBe(12_345n);
    expect(again.team.updatedAt).toBeInstanceOf(Date);
  });

  it('picks up a changed zone and language later, and ignores a zone that does not exist', async () => {
    const moved = await resolveActor(db, clock, who('slack', 'U999', { timeZone: 'Europe/London', locale: 'zh-CN' }), settings);
    expect(moved).toMatchObject({ timeZone: 'Europe/London', locale: 'zh-CN' });
    expect((await resolveActor(db, clock, who('slack', 'U999', { timeZone: 'Mars/Base' }), settings)).timeZone).toBe('Europe/London');
  });

  it('creates exactly one user when ten first messages arrive at once', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => resolveActor(db, clock, who('feishu', 'ou_new', { displayName: '李雷' }), settings)));
    expect(new Set(all.map((a) => a.userId)).size).toBe(1);
    expect(await db.prisma.user.count({ where: { displayName: '李雷' } })).toBe(1);
  });

  it('finds colleagues by mention, door id, id and name; says when a name fits several', async () => {
    const admin = await resolveActor(db, clock, who('slack', 'U012ABC'), settings);
    const ctx = contextFor(db, admin, clock);
    // A platform mention reaches the domain as door + id (the door turned <@U999|sam> into it).
    expect((await findUser(ctx, { platform: 'slack', externalId: 'U999', name: 'sam' })).displayName).toBe('Sam');
    expect((await fails(findUser(ctx, { platform: 'feishu', externalId: 'U999', name: 'sam' })))?.code).toBe('not_found');
    expect((await findUser(ctx, 'feishu:ou_new')).displayName).toBe('李雷');
    // Platform markup typed as text is not an identity here: it is read as a name, and nobody is called that.
    expect((await fails(findUser(ctx, '<@U999|sam>')))?.code).toBe('not_found');
    expect((await findUser(ctx, '@sam')).displayName).toBe('Sam');
    await resolveActor(db, clock, who('console', 'Sam Carter'), settings);
    expect((await fails(findUser(ctx, 'sa')))?.code).toBe('ambiguous');
    expect((await fails(findUser(ctx, 'nobody')))?.code).toBe('not_found');
  });

  it('lets admins grant roles, never reps, and keeps the last admin', async () => {
    const admin = contextFor(db, await resolveActor(db, clock, who('slack', 'U012ABC'), settings), clock);
    const rep = contextFor(db, await resolveActor(db, clock, who('slack', 'U999'), settings), clock);
    expect((await fails(setRole(rep, { target: 'Sam Carter', role: 'admin' })))?.code).toBe('forbidden');
    expect((await setRole(admin, { target: { platform: 'slack', externalId: 'U999' }, role: 'manager' })).role).toBe('manager');
    const last = await fails(setRole(admin, { target: 'slack:U012ABC', role: 'rep' }));
    expect(last?.reason).toBe('user.last_admin');
    const me = await whoami(admin);
    expect(me.identities.map((i) => i.externalId)).toEqual(['U012ABC']);
    expect(me.team.name).toBe('Sales');
  });

  it('sends a quote to the author\'s manager, else the team managers, admins for the admin level, never the author', async () => {
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: 'Sales' } });
    const mk = (displayName: string, role: 'rep' | 'manager' | 'admin', managerId?: number) => db.prisma.user.create({ data: { displayName, role, teamId: team.id, managerId } });
    const boss = await mk('Boss', 'manager');
    const other = await mk('Other Manager', 'manager');
    const ann = await mk('Ann', 'rep', boss.id);
    const bob = await mk('Bob', 'rep');
    const names = (us: Array<{ displayName: string }>) => us.map((u) => u.displayName);
    expect(names(await approversFor(db.prisma, ann.id, 'manager'))).toEqual(['Boss']);
    const forBob = names(await approversFor(db.prisma, bob.id, 'manager'));
    expect(forBob).toEqual(expect.arrayContaining(['Boss', 'Other Manager', 'Sam']));
    expect(forBob).not.toContain('Bob');
    const admins = await approversFor(db.prisma, ann.id, 'admin');
    expect(admins.length).toBeGreaterThan(0);
    expect(admins.every((u) => u.role === 'admin')).toBe(true);
    const adminAuthor = admins[0]!;
    expect((await approversFor(db.prisma, adminAuthor.id, 'admin')).map((u) => u.id)).not.toContain(adminAuthor.id);
    expect((await approversFor(db.prisma, other.id, 'manager')).map((u) => u.id)).not.toContain(other.id);
  });
});
