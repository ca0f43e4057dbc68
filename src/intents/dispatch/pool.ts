// `/pool`, `/customer claim|assign|release`: the domain decides, this builds the answer and the
// follow-ups (the new owner is told; the old owner is told when someone else moved their customer),
// each in its recipient's language.
import { getCustomer, teamCustomerExactly } from '../../domain/customers/find.ts';
import { assertRole } from '../../domain/permissions.ts';
import { poolCustomers } from '../../domain/pool/list.ts';
import { assignCustomer, bulkAssign, claimCustomer, claimsToday, releaseCustomer, type OwnershipChange } from '../../domain/pool/ownership.ts';
import { windowHours } from '../../domain/pool/window.ts';
import { poolTasks } from '../../domain/tasks/list.ts';
import { findUser } from '../../domain/users/directory.ts';
import type { OutboundMessage } from '../reply.ts';
import { button } from '../render/buttons.ts';
import { poolItem } from '../render/pool.ts';
import { taskSection } from '../render/task.ts';
import { person, say, turnFor, type Dispatch, type Turn } from './turn.ts';
import { teamOf } from '../../domain/teams/team.ts';

const LIST_LIMIT = 25;

export const dispatchPoolList: Dispatch<'pool.list'> = async (turn) => {
  const ctx = turn.ctx;
  const [{ customers, total }, tasks, team, used] = await Promise.all([
    poolCustomers(ctx, LIST_LIMIT),
    poolTasks(ctx, 26),
    teamOf(ctx),
    claimsToday(ctx.prisma, ctx.actor, ctx.clock.now()),
  ]);
  // Tasks of a pool customer come with it when it is claimed; only customer-less ones are listed apart.
  const loose = tasks.filter((t) => t.customer === null);
  const title = say(turn, 'title.pool');
  if (!total && !loose.length) return { tone: 'info', title, text: say(turn, 'text.pool.empty'), visibility: 'private', subject: `pool:${ctx.actor.teamId}` };
  const sections = [
    ...(total ? [{ heading: say(turn, 'section.pool.customers'), items: customers.map((c) => poolItem(turn, c)), ...(total > customers.length ? { more: total - customers.length } : {}) }] : []),
    ...(loose.length ? [taskSection(turn, 'section.pool.tasks', loose, LIST_LIMIT)] : []),
  ];
  return { tone: 'info', title, text: say(turn, 'text.pool.count', { count: total, left: Math.max(0, team.claimsPerDay - used) }), sections, visibility: 'private', subject: `pool:${ctx.actor.teamId}` };
};

export const dispatchCustomerClaim: Dispatch<'customer.claim'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.customerText).catch(async (err: unknown) => {
    const byCode = await teamCustomerExactly(turn.ctx, intent.customerText);
    if (!byCode) throw err;
    return byCode;
  });
  const change = await claimCustomer(turn.ctx, customer.id);
  const notices = [...(change.tasksMoved ? [say(turn, 'text.customer.tasks_moved', { count: change.tasksMoved })] : [])];
  if (customer.status === 'lead') {
    const team = await teamOf(turn.ctx, customer.teamId);
    notices.push(say(turn, 'text.customer.lead_window', { hours: windowHours(team, customer.tier) }));
  }
  return {
    tone: 'success',
    title: say(turn, 'title.customer.claimed'),
    text: say(turn, 'text.customer.claimed', { name: change.customer.name, code: change.customer.code }),
    ...(notices.length ? { notices } : {}),
    buttons: [button(turn, 'button.show', { kind: 'customer.show', query: change.customer.code })],
    visibility: 'private',
  };
};

export const dispatchCustomerAssign: Dispatch<'customer.assign'> = async (turn, intent) => {
  // Said before the customer is looked up: a rep cannot see a colleague's customer to assign it.
  assertRole(turn.ctx.actor, 'manager', 'customer');
  const customer = await getCustomer(turn.ctx, intent.customerText);
  const user = await findUser(turn.ctx, person(turn, intent.to));
  const change = await assignCustomer(turn.ctx, customer.id, user.id);
  const p = { name: change.customer.name, code: change.customer.code, to: change.after!.displayName, from: change.before?.displayName ?? '' };
  return {
    tone: 'success',
    title: say(turn, 'title.customer.assigned'),
    text: say(turn, change.before ? 'text.customer.assigned_from' : 'text.customer.assigned', p),
    ...(change.tasksMoved ? { notices: [say(turn, 'text.customer.tasks_moved', { count: change.tasksMoved })] } : {}),
    buttons: [button(turn, 'button.show', { kind: 'customer.show', query: change.customer.code })],
    visibility: 'private',
    followUps: await toldOfChange(turn, change),
  };
};

export const dispatchCustomerRelease: Dispatch<'customer.release'> = async (turn, intent) => {
  const customer = await getCustomer(turn.ctx, intent.customerText);
  const change = await releaseCustomer(turn.ctx, customer.id);
  return {
    tone: 'success',
    title: say(turn, 'title.customer.released'),
    text: say(turn, 'text.customer.released', { name: change.customer.name, code: change.customer.code }),
    ...(change.tasksMoved ? { notices: [say(turn, 'text.customer.tasks_moved', { count: change.tasksMoved })] } : {}),
    visibility: 'private',
    followUps: await toldOfChange(turn, change),
  };
};

export const dispatchCustomerAssignAll: Dispatch<'customer.assign_all'> = async (turn, intent) => {
  const from = await findUser(turn.ctx, person(turn, intent.from));
  const to = await findUser(turn.ctx, person(turn, intent.to));
  const r = await bulkAssign(turn.ctx, { ownerId: from.id }, to.id);
  // Listed in the reader's language: 、 between names for a Chinese reader.
  const names = (list: OwnershipChange[], reader: Turn) => list.slice(0, 10).map((c) => c.customer.name).join(reader.locale === 'zh-CN' ? '、' : ', ') + (list.length > 10 ? '…' : '');
  const followUps: OutboundMessage[] = [];
  const by = turn.ctx.actor.displayName;
  if (r.moved.length && to.id !== turn.ctx.actor.userId) {
    const them = await turnFor(turn, to.id);
    followUps.push({ to: { userId: to.id }, reply: { tone: 'info', title: say(them, 'title.customer.assigned_to_you'), text: say(them, 'text.customer.bulk_to_you', { by, count: r.moved.length, names: names(r.moved, them) }), visibility: 'private' } });
  }
  const fromOld = r.moved.filter((c) => c.before?.id === from.id);
  if (fromOld.length && from.id !== turn.ctx.actor.userId) {
    const them = await turnFor(turn, from.id);
    followUps.push({ to: { userId: from.id }, reply: { tone: 'info', title: say(them, 'title.customer.taken_from_you'), text: say(them, 'text.customer.bulk_from_you', { by, count: fromOld.length, to: to.displayName, names: names(fromOld, them) }), visibility: 'private' } });
  }
  return {
    tone: r.skipped.length ? 'warning' : 'success',
    title: say(turn, 'title.customer.bulk_assigned'),
    text: say(turn, 'text.customer.bulk_assigned', { count: r.moved.length, to: to.displayName }),
    ...(r.skipped.length ? { notices: [say(turn, 'text.customer.bulk_skipped', { count: r.skipped.length })] } : {}),
    visibility: 'private',
    followUps,
  };
};

/** Who hears of one customer's move besides the person who made it: the new owner, and the old one. */
async function toldOfChange(turn: Turn, change: OwnershipChange): Promise<OutboundMessage[]> {
  const me = turn.ctx.actor.userId;
  const by = turn.ctx.actor.displayName;
  const p = { by, name: change.customer.name, code: change.customer.code, to: change.after?.displayName ?? '' };
  const out: OutboundMessage[] = [];
  if (change.after && change.after.id !== me) {
    const them = await turnFor(turn, change.after.id);
    out.push({
      to: { userId: change.after.id },
      about: `customer:${change.customer.id}`,
      reply: { tone: 'info', title: say(them, 'title.customer.assigned_to_you'), text: say(them, 'text.customer.assigned_to_you', p), buttons: [button(them, 'button.show', { kind: 'customer.show', query: change.customer.code })], visibility: 'private' },
    });
  }
  if (change.before && change.before.id !== me && change.before.id !== change.after?.id) {
    const them = await turnFor(turn, change.before.id);
    out.push({
      to: { userId: change.before.id },
      about: `customer:${change.customer.id}`,
      reply: change.after
        ? { tone: 'info', title: say(them, 'title.customer.taken_from_you'), text: say(them, 'text.customer.taken_from_you', p), visibility: 'private' }
        : { tone: 'info', title: say(them, 'title.customer.released'), text: say(them, 'text.customer.released_by', p), visibility: 'private' },
    });
  }
  return out;
}
