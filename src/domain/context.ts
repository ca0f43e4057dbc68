import type { Logger } from 'pino';
import type { PrismaClient, Team } from '../generated/prisma/client.ts';
import type { Database } from './db/database.ts';

export type Role = 'rep' | 'manager' | 'admin';
export type DoorName = 'slack' | 'feishu' | 'console' | 'cli' | 'system';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: resolved from a door identity before any domain call. */
export interface Actor {
  userId: number;
  teamId: number;
  role: Role;
  displayName: string;
  timeZone: string;
  locale: 'en' | 'zh-CN';
}

/** Who acts when the rules act on their own (the pool sweep, expiries, rescoring): audited as "system". */
export function systemActor(teamId = 0): Actor {
  return { userId: 0, teamId, role: 'admin', displayName: 'system', timeZone: 'UTC', locale: 'en' };
}

export interface DomainContext {
  db: Database;
  prisma: PrismaClient;
  actor: Actor;
  door: DoorName;
  clock: Clock;
  log: Logger;
  /**
   * The actor's team as read when the request resolved who is acting. Its settings word answers and
   * default dates; reading it once per request instead of once per use saves round trips.
   */
  team?: Team;
}
