// `/contact add|edit|remove|primary`: find the customer at the start of the text, the person in the rest.
import { findContact, editContact, removeContact, setPrimaryContact } from '../../domain/customers/contacts.ts';
import { resolveCustomerAtStart } from '../../domain/customers/find.ts';
import { addContact } from '../../domain/customers/update.ts';
import { invalid } from '../../domain/errors.ts';
import type { Reply } from '../reply.ts';
import { profileCard } from './customers.ts';
import { say, type Dispatch, type Turn } from './turn.ts';

async function customerAndPerson(turn: Turn, text: string) {
  const { customer, rest } = await resolveCustomerAtStart(turn.ctx, text);
  const person = rest.replace(/^["“'‘]|["”'’]$/g, '').trim();
  return { customer, person };
}

async function withCard(turn: Turn, customerId: number, title: string): Promise<Reply> {
  const card = await profileCard(turn, customerId);
  return { ...card, tone: 'success', title, text: card.title };
}

export const dispatchContactAdd: Dispatch<'contact.add'> = async (turn, intent) => {
  const { customer, person } = await customerAndPerson(turn, intent.customerText);
  const name = intent.contact.name ?? person;
  if (!name) throw invalid('contact.invalid', { field: 'contact_name', problem: 'title_empty' });
  const contact = await addContact(turn.ctx, customer.id, { ...intent.contact, name, primary: intent.primary });
  return withCard(turn, customer.id, say(turn, 'title.contact.added', { name: contact.name }));
};

export const dispatchContactEdit: Dispatch<'contact.edit'> = async (turn, intent) => {
  const { customer, person } = await customerAndPerson(turn, intent.customerText);
  const contact = await findContact(turn.ctx, customer.id, person);
  const after = await editContact(turn.ctx, contact.id, { ...intent.contact, primary: intent.primary });
  return withCard(turn, customer.id, say(turn, 'title.contact.updated', { name: after.name }));
};

export const dispatchContactRemove: Dispatch<'contact.remove'> = async (turn, intent) => {
  const { customer, person } = await customerAndPerson(turn, intent.customerText);
  const contact = await findContact(turn.ctx, customer.id, person);
  await removeContact(turn.ctx, contact.id);
  return withCard(turn, customer.id, say(turn, 'title.contact.removed', { name: contact.name }));
};

export const dispatchContactPrimary: Dispatch<'contact.primary'> = async (turn, intent) => {
  const { customer, person } = await customerAndPerson(turn, intent.customerText);
  const contact = await findContact(turn.ctx, customer.id, person);
  await setPrimaryContact(turn.ctx, contact.id);
  return withCard(turn, customer.id, say(turn, 'title.contact.primary', { name: contact.name }));
};
