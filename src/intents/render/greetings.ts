// The due list's "greetings" section: who to greet before the next list and why, each with a Log touch
// button that records the greeting the rep sent themselves (the churn card's button, its note preset).
import type { Greeting } from '../../domain/care/greetings.ts';
import { addDays, isoDate, localDateOf } from '../../domain/time/zone.ts';
import { formatInstant } from '../catalog/index.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import type { ReplySection } from '../reply.ts';
import { button } from './buttons.ts';

const LIMIT = 15;

/** A calendar day ("YYYY-MM-DD") with its weekday and year: "Sat, Feb 6, 2027", "2027年2月6日周六". */
export function calendarDay(locale: Speaker['locale'], on: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(`${on}T00:00:00Z`));
}

function dayLabel(s: Speaker, on: string, now: Date): string {
  return on === isoDate(addDays(localDateOf(now, s.timeZone), 1)) ? say(s, 'text.greeting.tomorrow') : formatInstant(s.locale, new Date(`${on}T00:00:00Z`), 'UTC', false);
}

function who(s: Speaker, g: Greeting): string {
  if (!g.contact) return g.customer.name;
  const person = g.contact.title ? say(s, 'text.greeting.person_titled', { name: g.contact.name, title: g.contact.title }) : g.contact.name;
  return say(s, 'text.greeting.person_at', { person, customer: g.customer.name });
}

/** Why, as the line says it and as the logged touch records it. */
function occasion(s: Speaker, g: Greeting): { line: string; note: string } {
  const name = g.contact?.name ?? g.customer.name;
  switch (g.reason) {
    case 'birthday':
      return { line: say(s, 'text.greeting.birthday'), note: say(s, 'text.greeting.note.birthday', { name, customer: g.customer.name }) };
    case 'founded':
      return { line: say(s, 'text.greeting.founded', { count: g.years ?? 0 }), note: say(s, 'text.greeting.note.founded', { count: g.years ?? 0, customer: g.customer.name }) };
    case 'holiday':
      return { line: g.holiday ?? '', note: say(s, 'text.greeting.note.holiday', { holiday: g.holiday ?? '', name, customer: g.customer.name }) };
  }
}

/** The section, or null when nobody is to be greeted. */
export function greetingsSection(s: Speaker, greetings: Greeting[], now: Date): ReplySection | null {
  if (!greetings.length) return null;
  return {
    heading: say(s, 'section.greetings'),
    items: greetings.slice(0, LIMIT).map((g) => {
      const { line, note } = occasion(s, g);
      return {
        text: `${dayLabel(s, g.on, now)} · ${line} · ${who(s, g)}`,
        buttons: [button(s, 'button.greeting.touch', { kind: 'customer.touch', customerText: g.customer.code, note })],
      };
    }),
    ...(greetings.length > LIMIT ? { more: greetings.length - LIMIT } : {}),
  };
}
