// The customer's profile card: every field that has a value, grouped the way a rep reads before a call
// (company; needs and budget; contacts; recent interactions; open tasks; quotes; history of owner,
// status and tier). Empty fields and empty groups are left out; the doors trim to their card limits.
import type { customerProfile } from '../../domain/customers/profile.ts';
import { writeBudget } from '../../domain/customers/values.ts';
import { formatMoney, label } from '../catalog/index.ts';
import { say, when, type Turn } from '../dispatch/turn.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { button } from './buttons.ts';
import { taskItem } from './task.ts';

type Profile = Awaited<ReturnType<typeof customerProfile>>;

/** A calendar day (DATE column, UTC midnight) or a partial ISO date ("2015", "2015-03") as people write it. */
export function formatDay(locale: Turn['locale'], value: Date | string): string {
  const [y, m, d] = (value instanceof Date ? value.toISOString().slice(0, 10) : value).split('-').map(Number);
  if (locale === 'zh-CN') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  if (!m) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  return new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'short', ...(d ? { day: 'numeric' } : {}) }).format(date);
}

/** A birthday ("MM-DD" or "YYYY-MM-DD") as people write it: 3月15日, Mar 15, 1985年3月15日. */
export function formatBirthday(locale: Turn['locale'], stored: string): string {
  if (stored.length === 10) return formatDay(locale, stored);
  const [m, d] = stored.split('-').map(Number);
  if (locale === 'zh-CN') return `${m}月${d}日`;
  return new Intl.DateTimeFormat('en', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(Date.UTC(2000, m! - 1, d)));
}

function line(turn: Turn, field: string, value: string | null | undefined): { text: string }[] {
  return value ? [{ text: `${label(turn.locale, 'field', field)}${turn.locale === 'zh-CN' ? '：' : ': '}${value}` }] : [];
}

function budgetText(turn: Turn, p: Profile): string | null {
  const c = p.customer;
  if (c.budgetMinMinor === null || c.budgetMaxMinor === null || !c.budgetCurrency) return null;
  const b = { minMinor: c.budgetMinMinor, maxMinor: c.budgetMaxMinor, currency: c.budgetCurrency };
  if (turn.locale === 'zh-CN' && c.budgetCurrency === 'CNY') return `${writeBudget(b, 'zh-CN', 'CNY')}元`;
  const side = (v: bigint) => formatMoney(turn.locale, v, b.currency).replace(/\.00$/, '');
  return b.minMinor === b.maxMinor ? side(b.minMinor) : `${side(b.minMinor)} – ${side(b.maxMinor)}`;
}

function historyValue(turn: Turn, field: string, value: string | number | null): string {
  if (value === null) return say(turn, 'label.nobody');
  if (field === 'status') return label(turn.locale, 'status', String(value));
  if (field === 'tier') return String(value);
  return String(value);
}

/** The date, and how late it is when it has passed, as the customer list says it. */
function nextContact(turn: Turn, at: Date, overdueDays: number): string {
  const date = when(turn, at, false);
  return overdueDays > 0 ? `${date} · ${say(turn, 'text.customers.overdue', { days: overdueDays })}` : date;
}

export function profileReply(turn: Turn, p: Profile): Reply {
  const c = p.customer;
  const f = (name: string) => label(turn.locale, 'field', name);
  const fields = [
    { label: f('tier'), value: label(turn.locale, 'tier', c.tier) },
    { label: f('status'), value: label(turn.locale, 'status', c.status) },
    { label: f('owner'), value: p.owner?.displayName ?? say(turn, 'title.tasks.pool') },
    ...(p.nextContactAt ? [{ label: f('next_contact'), value: nextContact(turn, p.nextContactAt, p.overdueDays) }] : []),
    { label: f('source'), value: label(turn.locale, 'source', c.source) + (c.referrer ? ` · ${c.referrer}` : '') },
    ...(c.firstContactOn ? [{ label: f('firstContact'), value: formatDay(turn.locale, c.firstContactOn) }] : []),
    ...(c.tags.length ? [{ label: f('tags'), value: c.tags.join(say(turn, 'label.list_separator')) }] : []),
  ];
  const company: ReplySection = {
    heading: say(turn, 'section.company'),
    items: [
      ...line(turn, 'aliases', c.aliases.join(say(turn, 'label.list_separator'))),
      ...line(turn, 'industry', c.industry),
      ...line(turn, 'size', c.size),
      ...line(turn, 'mainBusiness', c.mainBusiness),
      ...line(turn, 'region', c.region),
      ...line(turn, 'address', c.address),
      // A founding date without its day has no anniversary to greet on (issue 14): the card says so.
      ...line(turn, 'founded', c.founded ? formatDay(turn.locale, c.founded) + (c.founded.length < 10 ? say(turn, 'text.profile.founded_no_day') : '') : null),
    ],
  };
  const needs: ReplySection = {
    heading: say(turn, 'section.needs'),
    items: [...line(turn, 'needs', c.needs), ...line(turn, 'budget', budgetText(turn, p)), ...line(turn, 'decisionChain', c.decisionChain)],
  };
  const contacts: ReplySection = {
    heading: say(turn, 'section.contacts'),
    items: p.contacts.map((k) => ({
      text: [
        k.isPrimary ? '★ ' + k.name : k.name,
        k.title,
        k.phone,
        k.email,
        k.preferredChannel ? say(turn, 'text.profile.contact_prefers', { channel: label(turn.locale, 'channel', k.preferredChannel) }) : null,
        k.birthday ? say(turn, 'text.profile.contact_birthday', { date: formatBirthday(turn.locale, k.birthday) }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  };
  const interactions: ReplySection = {
    heading: say(turn, 'section.interactions'),
    items: p.lastInteractions.map((i) => ({
      text: say(turn, 'text.profile.interaction', {
        at: when(turn, i.occurredAt, true),
        author: i.author.displayName,
        channel: label(turn.locale, 'channel', i.channel),
        mood: i.mood ? ' · ' + label(turn.locale, 'mood', i.mood) : ' ',
        summary: i.summary,
      }).replace(/ {2,}/g, ' '),
    })),
  };
  const quotes: ReplySection = {
    heading: say(turn, 'section.quotes'),
    items: p.quotes.map((q) => ({
      text: `#${q.id} · ${label(turn.locale, 'quote_status', q.status)} · ${formatMoney(turn.locale, q.totalMinor, q.currency)}`,
      buttons: [button(turn, 'button.show', { kind: 'quote.show', id: q.id })],
    })),
  };
  const history: ReplySection = {
    heading: say(turn, 'section.history'),
    items: p.history.map((e) => {
      const at = when(turn, e.at, true);
      const actor = e.actorName ?? say(turn, 'label.system');
      if (e.action === 'create') {
        const owner = e.changes.find((x) => x.field === 'ownerId');
        return { text: say(turn, 'text.profile.history.created', { at, actor, owner: historyValue(turn, 'ownerId', owner?.to ?? null) }) };
      }
      return {
        text: e.changes
          .map((x) => say(turn, 'text.profile.history.change', { at, actor, field: say(turn, `label.history.${x.field}`), from: historyValue(turn, x.field, x.from), to: historyValue(turn, x.field, x.to) }))
          .join('\n'),
      };
    }),
  };
  const sections = [company, needs, contacts, interactions, { heading: say(turn, 'section.open_tasks'), items: p.openTasks.map((t) => taskItem(turn, t)) }, quotes, history].filter((s) => s.items.length);
  return { tone: 'info', title: say(turn, 'title.customer.profile', { name: c.name, code: c.code }), fields, sections, visibility: 'private', subject: `customer:${c.id}` };
}
