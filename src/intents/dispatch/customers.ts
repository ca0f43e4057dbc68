import { customerScore } from '../../domain/funnel/hot.ts';
import { scoreSection, scoreValue } from '../render/score.ts';
import { createCustomer } from '../../domain/customers/create.ts';
import { findCustomers, getCustomer, resolveCustomerAtStart } from '../../domain/customers/find.ts';
import { customerProfile } from '../../domain/customers/profile.ts';
import { updateCustomer } from '../../domain/customers/update.ts';
import { poolDeadline } from '../../domain/pool/window.ts';
import { formatMoney, label } from '../catalog/index.ts';
import type { CustomerFields } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { claimButton, poolClockLine } from '../render/pool.ts';
import { profileReply } from '../render/profile.ts';
import { say, when, type Dispatch, type Turn } from './turn.ts';

/** The typed fields as the domain takes them: the contact's parts gathered into one contact. */
export function toInput(fields: CustomerFields) {
  const { contact, phone, email, title, prefers, birthday, ...rest } = fields;
  return { ...rest, ...(contact || phone || email || title || prefers || birthday ? { contact: { name: contact, phone, email, title, preferredChannel: prefers, birthday } } : {}) };
}

export const dispatchCustomerAdd: Dispatch<'customer.add'> = async (turn, intent) => {
  const r = await createCustomer(turn.ctx, { name: intent.name, ...toInput(intent.fields), force: intent.force });
  if (!r.created) {
    const existing = r.duplicateOf ?? r.customer;
    // A rep cannot open a colleague's customer: they hear whose it is instead of getting an Open button that refuses.
    const theirs = r.duplicateOwner !== undefined;
    const opens = !theirs || turn.ctx.actor.role !== 'rep';
    return {
      tone: 'warning',
      title: say(turn, 'title.customer.duplicate'),
      text: theirs
        ? say(turn, 'text.customer.duplicate_owned', { name: intent.name, existing: existing.name, code: existing.code, owner: r.duplicateOwner! })
        : say(turn, 'text.customer.duplicate', { name: intent.name, existing: existing.name, code: existing.code }),
      buttons: [
        ...(opens ? [button(turn, 'button.show', { kind: 'customer.show', query: existing.code })] : []),
        button(turn, 'button.create_anyway', { kind: 'customer.add', name: intent.name, fields: {}, force: true }),
      ],
      visibility: 'private',
    };
  }
  const clock = poolClockLine(turn, await poolDeadline(turn.ctx.prisma, r.customer), turn.now, turn.ctx.actor.displayName);
  return {
    tone: 'success',
    title: say(turn, 'title.customer.created', { name: r.customer.name }),
    text: say(turn, 'text.customer.created', { code: r.customer.code, name: r.customer.name }),
    ...(clock ? { notices: [clock] } : {}),
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

/** The profile card: who they are, who owns them, whom to call, what happened last, what is open. */
export async function profileCard(turn: Turn, customerId: number): Promise<Reply> {
  const p = await customerProfile(turn.ctx, customerId);
  const c = p.customer;
  const scored = await customerScore(turn.ctx, c.id);
  const base = profileReply(turn, p);
  // The lead score and why (issue 13), beside the status it may change.
  const reply = { ...base, fields: [...(base.fields ?? []), { label: say(turn, 'label.lead_score'), value: scoreValue(turn, scored, c.status) }], sections: [scoreSection(turn, scored), ...(base.sections ?? [])] };
  const clock = poolClockLine(turn, await poolDeadline(turn.ctx.prisma, c), turn.now, p.owner?.displayName ?? '');
  const buttons = c.ownerId === null && (c.status === 'lead' || c.status === 'intent') ? [claimButton(turn, c.code)] : [];
  return {
    ...reply,
    ...(clock ? { notices: [...(reply.notices ?? []), clock] } : {}),
    ...(buttons.length ? { buttons: [...(reply.buttons ?? []), ...buttons] } : {}),
  };
}
