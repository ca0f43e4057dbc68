import type { DomainContext } from '../../domain/context.ts';
import type { ChannelMembership } from '../delivery.ts';
import type { Intent } from '../intent.ts';
import type { Locale } from '../invocation.ts';
import { userQuery, type PersonRef } from '../mention.ts';
import type { Reply } from '../reply.ts';
import { formatInstant, t, type Params } from '../catalog/index.ts';

/** One person's request in flight: the domain context plus how to speak to them. */
export interface Turn {
  ctx: DomainContext;
  locale: Locale;
  timeZone: string;
  now: Date;
  /** Whether this person was just provisioned (first contact). */
  firstContact: boolean;
  /** Where it was said: the workspace and channel of the door, when there is one. */
  place?: { workspaceId: string; channelId?: string };
  /** The people the platform says this message mentioned, in token order (see mention.ts). */
  mentions?: readonly PersonRef[];
  /** Asks the door whether the bot is in a channel of this workspace; undefined when it cannot tell. */
  membership?: (channelId: string) => Promise<ChannelMembership | undefined>;
}

/** A person-naming value from an intent, with a mention token turned into the identity it stands for. */
export function person(turn: Turn, value: string) {
  return userQuery(turn.ctx.door, turn.mentions, value);
}

/** Whom a message speaks to: all that wording needs. */
export type Speaker = Pick<Turn, 'locale' | 'timeZone'>;

export type IntentOf<K extends Intent['kind']> = Extract<Intent, { kind: K }>;
export type Dispatch<K extends Intent['kind']> = (turn: Turn, intent: IntentOf<K>) => Promise<Reply>;

export function say(turn: Speaker, code: string, params?: Params): string {
  return t(turn.locale, code, params);
}

export function when(turn: Speaker, at: Date | null, withTime = true): string {
  return at ? formatInstant(turn.locale, at, turn.timeZone, withTime) : say(turn, 'section.no_date');
}

/** The same request seen by someone else (an approver, the rep told of a decision): their language and zone. */
export async function turnFor(turn: Turn, userId: number): Promise<Turn> {
  const { actorForUser } = await import('../../domain/users/provision.ts');
  const actor = await actorForUser(turn.ctx.prisma, userId);
  return { ...turn, ctx: { ...turn.ctx, actor }, locale: actor.locale, timeZone: actor.timeZone, firstContact: false };
}
