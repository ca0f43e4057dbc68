// A person's first message provisions them: a rep in the default team (an admin if CRM_ADMINS lists
// them). Later messages pick up a changed zone, language or name from their door's profile.
import type { Sql } from '../db/driver.ts';
import { Prisma, type PrismaClient, type Team, type User } from '../../generated/prisma/client.ts';
import { audit } from '../audit.ts';
import type { Actor, Clock } from '../context.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { assertTimeZone } from '../time/zone.ts';

export interface Who {
  platform: 'slack' | 'feishu' | 'console';
  workspaceId: string;
  externalUserId: string;
  profile?: { displayName?: string; timeZone?: string; locale?: 'en' | 'zh-CN' };
}

export interface ProvisionSettings {
  admins: string;
  defaultTeam: string;
  defaultTimeZone: string;
  defaultLocale: 'en' | 'zh-CN';
}

/** "slack:U012ABC,feishu:ou_123,console:Dana Reyes" → does it name this identity? */
export function listedAsAdmin(admins: string, who: Pick<Who, 'platform' | 'externalUserId'>): boolean {
  return admins
    .split(',')
    .map((s) => s.trim())
    .some((entry) => {
      const i = entry.indexOf(':');
      if (i < 0) return false;
      const door = entry.slice(0, i).trim().toLowerCase();
      const id = entry.slice(i + 1).trim();
      return door === who.platform && (who.platform === 'console' ? id.toLowerCase() === who.externalUserId.toLowerCase() : id === who.externalUserId);
    });
}

const zoneOk = (tz: string | undefined): tz is string => {
  if (!tz) return false;
  try {
    // A cached formatter per zone: this runs on every message, and building one costs more than the rest.
    assertTimeZone(tz);
    return true;
  } catch {
    return false;
  }
};

type UserWithTeam = Awaited<ReturnType<typeof loadUser>>;

function loadUser(prisma: Pick<PrismaClient, 'user'>, id: number) {
  return prisma.user.findUniqueOrThrow({ where: { id }, include: { team: true } });
}

/** The reply language: the person's choice, else their profile's or the one they last wrote in, else the team's. */
export function toActor(user: NonNullable<UserWithTeam>): Actor {
  const locale = user.chosenLocale ?? user.locale ?? user.team.locale;
  return {
    userId: user.id,
    teamId: user.teamId,
    role: user.role,
    displayName: user.displayName,
    timeZone: user.timeZone ?? user.team.timeZone,
    locale: locale === 'zh-CN' ? 'zh-CN' : 'en',
  };
}

export async function actorForUser(prisma: Pick<PrismaClient, 'user'>, userId: number): Promise<Actor> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { team: true } });
  if (!user) throw notFound('user.not_found', { id: userId });
  return toActor(user);
}


/** The language a person was last seen writing in, remembered for their clicks and digests when their door gives none. */
export async function rememberLocale(prisma: PrismaClient, userId: number, locale: 'en' | 'zh-CN'): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, chosenLocale: null, OR: [{ locale: null }, { locale: { not: locale } }] }, data: { locale } });
}

export async function resolveActor(db: Database, clock: Clock, who: Who, settings: ProvisionSettings): Promise<Actor & { created: boolean; chosenLocale: boolean }> {
  const { team: _team, ...actor } = await resolveActorAndTeam(db, clock, who, settings);
  return actor;
}

/**
 * resolveActor, with the actor's team row as read on the way (it is needed to resolve the actor), so
 * a request reads its team once instead of once per setting it words an answer with.
 */
export async function resolveActorAndTeam(db: Database, clock: Clock, who: Who, settings: ProvisionSettings): Promise<Actor & { created: boolean; chosenLocale: boolean; team: Team }> {
  const key = { platform: who.platform, workspaceId: who.workspaceId, externalId: who.externalUserId };
  const known = await knownUser(db.sql, key);
  if (known) return { ...(await refreshLoaded(db, clock, known, who)), created: false };
  // A burst of first contacts on a fresh deployment races twice: on the identity (two first
  // messages from one person) and on the default team (everyone's first message creates it). A
  // unique violation on either is someone else's commit: read the identity, else try again, now
  // finding the team.
  for (let attempt = 1; ; attempt++) {
    try {
      const user = await db.prisma.$transaction(async (tx) => {
        const team =
          (await tx.team.findUnique({ where: { name: settings.defaultTeam } })) ??
          (await tx.team.upsert({
            where: { name: settings.defaultTeam },
            create: { name: settings.defaultTeam, timeZone: settings.defaultTimeZone, locale: settings.defaultLocale },
            update: {},
          }));
        const created = await tx.user.create({
          data: {
            displayName: who.profile?.displayName?.trim() || who.externalUserId,
            role: listedAsAdmin(settings.admins, who) ? 'admin' : 'rep',
            teamId: team.id,
            timeZone: zoneOk(who.profile?.timeZone) ? who.profile.timeZone : null,
            locale: who.profile?.locale ?? null,
            lastDoor: who.platform,
            identities: { create: key },
          },
          include: { team: true },
        });
        await audit(tx, { actor: { userId: created.id } as Actor, door: who.platform, clock }, { entity: 'user', entityId: created.id, action: 'provision', after: created });
        return created;
      });
      return { ...toActor(user), created: true, chosenLocale: !!user.chosenLocale, team: user.team };
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
      const winner = await db.prisma.identity.findUnique({ where: { platform_workspaceId_externalId: key } });
      if (winner) return { ...(await refresh(db, clock, winner.userId, who)), created: false };
      if (attempt >= 3) throw err;
    }
  }
}

const USER_COLUMNS = Object.values(Prisma.UserScalarFieldEnum);
const TEAM_COLUMNS = Object.values(Prisma.TeamScalarFieldEnum);
const KNOWN_USER = `SELECT ${USER_COLUMNS.map((c) => `u."${c}"`).join(', ')}, ${TEAM_COLUMNS.map((c) => `t."${c}" AS "team.${c}"`).join(', ')}
  FROM "Identity" i JOIN "User" u ON u."id" = i."userId" JOIN "Team" t ON t."id" = u."teamId"
  WHERE i."platform" = $1::"Platform" AND i."workspaceId" = $2 AND i."externalId" = $3`;

/**
 * The user behind a door identity, with their team, in one statement (every message starts here;
 * Prisma's include would send a second one for the team). The columns come from Prisma's own list
 * of the models' fields, so the rows are the models' rows.
 */
async function knownUser(sql: Sql, key: { platform: Who['platform']; workspaceId: string; externalId: string }): Promise<UserWithTeam | null> {
  const [row] = await sql.rowsUnsafe<Record<string, unknown>>(KNOWN_USER, key.platform, key.workspaceId, key.externalId);
  if (!row) return null;
  const user = Object.fromEntries(USER_COLUMNS.map((c) => [c, row[c]])) as User;
  const team = Object.fromEntries(TEAM_COLUMNS.map((c) => [c, row[`team.${c}`]])) as Team;
  return { ...user, team };
}

async function refresh(db: Database, clock: Clock, userId: number, who: Who): Promise<Actor & { chosenLocale: boolean; team: Team }> {
  return refreshLoaded(db, clock, await loadUser(db.prisma, userId), who);
}

async function refreshLoaded(db: Database, clock: Clock, user: UserWithTeam, who: Who): Promise<Actor & { chosenLocale: boolean; team: Team }> {
  const userId = user.id;
  const p = who.profile ?? {};
  const changes: { timeZone?: string; locale?: string; displayName?: string; lastDoor?: Who['platform'] } = {};
  // Notices follow the person to the door they use; written only when it changes, so a steady
  // user costs no extra statement.
  if (user.lastDoor !== who.platform) changes.lastDoor = who.platform;
  if (zoneOk(p.timeZone) && p.timeZone !== user.timeZone) changes.timeZone = p.timeZone;
  if (p.locale && p.locale !== user.locale) changes.locale = p.locale;
  if (p.displayName?.trim() && p.displayName.trim() !== user.displayName) changes.displayName = p.displayName.trim();
  if (!Object.keys(changes).length) return { ...toActor(user), chosenLocale: !!user.chosenLocale, team: user.team };
  const updated = await db.prisma.$transaction(async (tx) => {
    const u = await tx.user.update({ where: { id: userId }, data: changes, include: { team: true } });
    const profileChanged = Object.keys(changes).some((k) => k !== 'lastDoor');
    if (profileChanged) await audit(tx, { actor: { userId } as Actor, door: who.platform, clock }, { entity: 'user', entityId: userId, action: 'profile', before: user, after: u });
    return u;
  });
  return { ...toActor(updated), chosenLocale: !!updated.chosenLocale, team: updated.team };
}
