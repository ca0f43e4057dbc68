// Greetings due: contacts' birthdays, customers' founding anniversaries and the team's holidays, listed
// in the owner's due list the workday before (a Saturday, Sunday or Monday greeting in Friday's list),
// so the rep greets the customer themselves. The CRM never writes to a customer: a greeting is the
// rep's message, and the list's Log touch button records it as an interaction.
//
// Who is greeted: a birthday for every contact of an owned, not lost customer; an anniversary only
// when the founding date has its day (a "2009-05" founding has no anniversary date); a holiday for
// the owner's key customers, tiers A and B, not lost, addressed to the primary contact.
import type { PrismaClient, Team } from '../../generated/prisma/client.ts';
import { holidaysOf } from '../teams/holidays.ts';
import { weekdayOf } from '../time/wall.ts';
import { addDays, isoDate, type LocalDate } from '../time/zone.ts';
import { monthDayOf, yearlyOn } from './birthday.ts';

export type GreetingReason = 'birthday' | 'founded' | 'holiday';

export interface Greeting {
  /** "YYYY-MM-DD", the day of the occasion in the team's calendar. */
  on: string;
  reason: GreetingReason;
  customer: { id: number; name: string; code: string; tier: string };
  /** The person greeted: the contact whose birthday it is, else the primary contact (if any). */
  contact: { name: string; title: string | null } | null;
  /** The holiday's name. */
  holiday?: string;
  /** Years since founding, for an anniversary. */
  years?: number;
}

const MON_FRI = [1, 2, 3, 4, 5];
/** The holiday greeting goes to these tiers. */
export const HOLIDAY_TIERS = ['A', 'B'] as const;

const iso = isoDate;
const monthDay = (md: { month: number; day: number }) => isoDate({ year: 2000, ...md }).slice(5);

/** The days whose greetings go in `today`'s list: tomorrow, and on through the next workday (at most a week). */
export function greetingDays(today: LocalDate, workdays: number[]): LocalDate[] {
  const days = workdays.length ? workdays : MON_FRI;
  const out: LocalDate[] = [];
  for (let d = addDays(today, 1); out.length < 7; d = addDays(d, 1)) {
    out.push(d);
    if (days.includes(weekdayOf(d))) break;
  }
  return out;
}

type CareTeam = Pick<Team, 'id' | 'workdays' | 'holidays' | 'locale' | 'timeZone'>;

/** Greetings for the days `greetingDays` names, grouped by the customer's owner, soonest first. */
export async function greetingsDue(prisma: Pick<PrismaClient, 'contact' | 'customer'>, team: CareTeam, today: LocalDate, now: Date): Promise<Map<number, Greeting[]>> {
  const days = greetingDays(today, team.workdays);
  // "MM-DD" of each birthday or anniversary to the day it is greeted; 29 February falls on the 28th in other years.
  const byMonthDay = new Map<string, LocalDate>();
  for (const d of days) {
    byMonthDay.set(iso(d).slice(5), d);
    const leapDay = yearlyOn(2, 29, d.year);
    if (leapDay.day === 28 && d.month === 2 && d.day === 28) byMonthDay.set('02-29', d);
  }
  const suffixes = [...byMonthDay.keys()];
  const dayKeys = new Set(days.map(iso));
  const holidays = holidaysOf(team, now).filter((h) => dayKeys.has(h.on));
  const live = { teamId: team.id, ownerId: { not: null }, status: { not: 'lost' as const } };
  const customer = { select: { id: true, name: true, code: true, tier: true, ownerId: true } } as const;
  const [birthdays, founded, keyCustomers] = await Promise.all([
    prisma.contact.findMany({ where: { customer: live, OR: suffixes.map((s) => ({ birthday: { endsWith: s } })) }, include: { customer }, orderBy: { id: 'asc' } }),
    prisma.customer.findMany({ where: { ...live, OR: suffixes.map((s) => ({ founded: { endsWith: `-${s}` } })) }, include: { contacts: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }], take: 1 } }, orderBy: { id: 'asc' } }),
    holidays.length
      ? prisma.customer.findMany({ where: { ...live, tier: { in: [...HOLIDAY_TIERS] } }, include: { contacts: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }], take: 1 } }, orderBy: [{ tier: 'asc' }, { name: 'asc' }] })
      : Promise.resolve([]),
  ]);
  const out: Array<Greeting & { ownerId: number }> = [];
  const card = (c: { id: number; name: string; code: string; tier: string }) => ({ id: c.id, name: c.name, code: c.code, tier: c.tier });
  for (const k of birthdays) {
    const md = k.birthday ? monthDayOf(k.birthday) : undefined;
    const on = md && byMonthDay.get(monthDay(md));
    if (!on) continue;
    out.push({ ownerId: k.customer.ownerId!, on: iso(on), reason: 'birthday', customer: card(k.customer), contact: { name: k.name, title: k.title } });
  }
  for (const c of founded) {
    const md = c.founded && c.founded.length === 10 ? monthDayOf(c.founded) : undefined;
    const on = md && byMonthDay.get(monthDay(md));
    if (!md?.year || !on || on.year <= md.year) continue;
    out.push({ ownerId: c.ownerId!, on: iso(on), reason: 'founded', customer: card(c), contact: contactOf(c.contacts[0]), years: on.year - md.year });
  }
  for (const h of holidays) {
    for (const c of keyCustomers) out.push({ ownerId: c.ownerId!, on: h.on, reason: 'holiday', holiday: h.name, customer: card(c), contact: contactOf(c.contacts[0]) });
  }
  const order: Record<GreetingReason, number> = { birthday: 0, founded: 1, holiday: 2 };
  out.sort((a, b) => a.on.localeCompare(b.on) || order[a.reason] - order[b.reason] || (a.holiday ?? '').localeCompare(b.holiday ?? ''));
  const byOwner = new Map<number, Greeting[]>();
  for (const { ownerId, ...g } of out) byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), g]);
  return byOwner;
}

function contactOf(k: { name: string; title: string | null } | undefined): Greeting['contact'] {
  return k ? { name: k.name, title: k.title } : null;
}
