import type { DomainError } from '../../domain/errors.ts';
import { errorMessage, invalidMessage, usageMessage } from '../catalog/index.ts';
import type { InvalidIntent } from '../intent.ts';
import type { Reply } from '../reply.ts';
import { say, type Turn } from '../dispatch/turn.ts';
import { button } from './buttons.ts';

/** A domain refusal in the person's words, with a way forward where there is one. */
export function refusal(turn: Turn, error: DomainError): Reply {
  const text = errorMessage(turn.locale, error, { timeZone: turn.timeZone });
  const d = error.details as { suggestions?: unknown; candidates?: unknown; query?: unknown; known?: unknown };
  const reply: Reply = { tone: error.code === 'conflict' ? 'warning' : 'error', title: say(turn, 'title.error'), text, visibility: 'private' };
  if (error.reason === 'customer.not_found') {
    const names = Array.isArray(d.suggestions) ? d.suggestions.map((s) => (typeof s === 'string' ? s : (s as { name?: string })?.name)).filter((s): s is string => !!s) : [];
    const query = typeof d.query === 'string' ? d.query : '';
    reply.buttons = [
      ...names.slice(0, 5).map((name) => ({ ...button(turn, 'button.show', { kind: 'customer.show', query: name }), label: name })),
      // Never offer to create what the search already knows under another spelling.
      ...(query && d.known !== true ? [button(turn, 'button.create_customer', { kind: 'customer.add', name: query, fields: {}, force: false }, { labelParams: { name: query } })] : []),
    ];
  }
  if (error.code === 'ambiguous' && Array.isArray(d.candidates)) {
    reply.title = say(turn, 'title.customer.choose');
    reply.buttons = d.candidates.slice(0, 10).flatMap((c) => {
      const cand = c as { code?: string; name?: string };
      return cand.code && cand.name ? [button(turn, 'button.customer_choice', { kind: 'customer.show', query: cand.code }, { labelParams: { name: cand.name, code: cand.code } })] : [];
    });
  }
  return reply;
}

export function parserRefusal(turn: Turn, intent: InvalidIntent): Reply {
  return {
    tone: 'error',
    title: say(turn, 'title.usage'),
    text: invalidMessage(turn.locale, intent),
    notices: [usageMessage(turn.locale, intent)],
    visibility: 'private',
  };
}
