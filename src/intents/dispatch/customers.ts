import { createCustomer } from '../../domain/customers/create.ts';
import { findCustomers, getCustomer, resolveCustomerAtStart } from '../../domain/customers/find.ts';
import { importCustomersCsv } from '../../domain/customers/import-csv.ts';
import { customerProfile } from '../../domain/customers/profile.ts';
import { updateCustomer } from '../../domain/customers/update.ts';
import { fieldLabel, formatMoney, label, t } from '../catalog/index.ts';
import type { CustomerFields } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { taskItem } from '../render/task.ts';
import { say, when, type Dispatch, type Turn } from './turn.ts';

function toInput(fields: CustomerFields) {
  const { contact, phone, email, ...rest } = fields;
  return { ...rest, ...(contact || phone || email ? { contact: { name: contact, phone, email } } : {}) };
}

export const dispatchCustomerAdd: Dispatch<'customer.add'> = async (turn, intent) => {
  const r = await createCustomer(turn.ctx, { name: intent.name, ...toInput(intent.fields), force: intent.force });
  if (!r.created) {
    const existing = r.duplicateOf ?? r.customer;
    return {
      tone: 'warning',
      title: say(turn, 'title.customer.duplicate'),
      text: say(turn, 'text.customer.duplicate', { name: intent.name, existing: existing.name, code: existing.code }),
      buttons: [
        button(turn, 'button.show', { kind: 'customer.show', query: existing.code }),
        button(turn, 'button.create_anyway', { kind: 'customer.add', name: intent.name, fields: {}, force: true }),
      ],
      visibility: 'private',
    };
  }
  return {
    tone: 'success',
    title: say(turn, 'title.customer.created', { name: r.customer.name }),
    text: say(turn, 'text.customer.created', { code: r.customer.code, name: r.customer.name }),
    buttons: [button(turn, 'button.show', { kind: 'customer.show', query: r.customer.code })],
    visibility: 'private',
  };
};

export const dispatchCustomerShow: Dispatch<'customer.show'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.query);
  return profileCard(turn, customer.id);
};

export const dispatchCustomerFind: Dispatch<'customer.find'> = async (turn, intent) => {
  const hits = await findCustomers(turn.ctx, intent.query, 10);
  if (!hits.length) return { tone: 'info', title: say(turn, 'title.customer.search', { query: intent.query }), text: say(turn, 'text.customer.search_empty', { query: intent.query }), visibility: 'private' };
  return {
    tone: 'info',
    title: say(turn, 'title.customer.search', { query: intent.query }),
    sections: [
      {
        items: hits.map(({ customer: c }) => ({
          text: `${c.name} · ${c.code} · ${label(turn.locale, 'tier', c.tier)} · ${label(turn.locale, 'status', c.status)}`,
          buttons: [button(turn, 'button.show', { kind: 'customer.show', query: c.code })],
        })),
      },
    ],
    visibility: 'private',
  };
};

export const dispatchCustomerUpdate: Dispatch<'customer.update'> = async (turn, intent) => {
  const { customer } = await resolveCustomerAtStart(turn.ctx, intent.customerText);
  const updated = await updateCustomer(turn.ctx, customer.id, toInput(intent.fields));
  const reply = await profileCard(turn, updated.id);
  return { ...reply, tone: 'success', title: say(turn, 'title.customer.updated', { name: updated.name }) };
};

export const dispatchCustomerImport: Dispatch<'customer.import'> = async (turn, intent) => {
  const r = await importCustomersCsv(turn.ctx, intent.csv);
  return {
    tone: r.errors.length ? 'warning' : 'success',
    title: say(turn, 'title.customer.import'),
    text: say(turn, 'text.customer.import', { created: r.created, duplicates: r.duplicates.length, errors: r.errors.length }),
    sections: r.errors.length ? [{ items: r.errors.slice(0, 10).map((e) => ({ text: importError(turn, e) })), ...(r.errors.length > 10 ? { more: r.errors.length - 10 } : {}) }] : [],
    visibility: 'private',
  };
};

/** One bad row of an import, in the reader's words: "第 5 行：客户名称缺失" / "Row 5: name missing". */
function importError(turn: Turn, e: { row: number; reason: string; field?: string; problem?: string }): string {
  const what = e.field ? `${label(turn.locale, 'field', e.field)} ${e.problem ? label(turn.locale, 'problem', e.problem) : ''}`.trim() : e.reason;
  return say(turn, 'text.customer.import_row', { row: e.row, what });
}

/** The profile card: who they are, who owns them, whom to call, what happened last, what is open. */
export async function profileCard(turn: Turn, customerId: number): Promise<Reply> {
  const p = await customerProfile(turn.ctx, customerId);
  const c = p.customer;
  const f = (name: string) => fieldLabel(turn.locale, name);
  const fields = [
    { label: f('tier'), value: label(turn.locale, 'tier', c.tier) },
    { label: f('status'), value: label(turn.locale, 'status', c.status) },
    { label: f('owner'), value: p.owner?.displayName ?? say(turn, 'title.tasks.pool') },
    ...(c.industry ? [{ label: f('industry'), value: c.industry }] : []),
    { label: f('source'), value: label(turn.locale, 'source', c.source) },
    ...(c.region ? [{ label: f('region'), value: c.region }] : []),
    ...(c.tags.length ? [{ label: f('tags'), value: c.tags.join(t(turn.locale, 'label.list_separator')) }] : []),
  ];
  const sections = [
    {
      heading: say(turn, 'section.contacts'),
      items: p.contacts.map((k) => ({ text: [k.isPrimary ? '★ ' + k.name : k.name, k.title, k.phone, k.email].filter(Boolean).join(' · ') })),
    },
    {
      heading: say(turn, 'section.interactions'),
      items: p.lastInteractions.map((i) => ({
        text: `${when(turn, i.occurredAt, false)} · ${label(turn.locale, 'channel', i.channel)}${i.mood ? ' · ' + label(turn.locale, 'mood', i.mood) : ''} — ${i.summary}`,
      })),
    },
    { heading: say(turn, 'section.open_tasks'), items: p.openTasks.map((t) => taskItem(turn, t)) },
    {
      heading: say(turn, 'section.open_quotes'),
      items: p.openQuotes.map((q) => ({
        text: `#${q.id} · ${label(turn.locale, 'quote_status', q.status)} · ${formatMoney(turn.locale, q.totalMinor, q.currency)}`,
        buttons: [button(turn, 'button.show', { kind: 'quote.show', id: q.id })],
      })),
    },
  ].filter((s) => s.items.length);
  return { tone: 'info', title: say(turn, 'title.customer.profile', { name: c.name, code: c.code }), fields, sections, visibility: 'private', subject: `customer:${c.id}` };
}
