// The lead score in chat (issue 13): `/customers hot`, and Accept / Decline on a hand-off card.
import { acceptHandoff, declineHandoff } from '../../domain/funnel/handoff.ts';
import { hotCustomers } from '../../domain/funnel/hot.ts';
import { label } from '../catalog/index.ts';
import { button } from '../render/buttons.ts';
import { handoffDecided } from '../render/handoff.ts';
import { say, type Dispatch } from './turn.ts';

export const dispatchCustomersHot: Dispatch<'customers.hot'> = async (turn) => {
  const hot = await hotCustomers(turn.ctx, 10);
  if (!hot.length) return { tone: 'info', title: say(turn, 'title.customers.hot'), text: say(turn, 'text.customers.hot_empty'), visibility: 'private' };
  return {
    tone: 'info',
    title: say(turn, 'title.customers.hot'),
    sections: [
      {
        items: hot.map((c, i) => ({
          text: say(turn, 'text.customers.hot_line', {
            rank: i + 1,
            score: c.score,
            customer: c.name,
            tier: c.tier,
            status: label(turn.locale, 'status', c.status),
            owner: c.owner?.displayName ?? say(turn, 'title.tasks.pool'),
          }),
          buttons: [button(turn, 'button.show', { kind: 'customer.show', query: c.code })],
        })),
      },
    ],
    visibility: 'private',
  };
};

export const dispatchHandoffAccept: Dispatch<'handoff.accept'> = async (turn, intent) => handoffDecided(turn, await acceptHandoff(turn.ctx, intent.id));

export const dispatchHandoffDecline: Dispatch<'handoff.decline'> = async (turn, intent) => handoffDecided(turn, await declineHandoff(turn.ctx, intent.id));
