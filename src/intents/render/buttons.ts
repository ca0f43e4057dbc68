import { intentToAction } from '../actions.ts';
import type { Intent } from '../intent.ts';
import type { ReplyButton } from '../reply.ts';
import type { Speaker } from '../dispatch/turn.ts';
import { say } from '../dispatch/turn.ts';
import { ACTION_INPUTS } from '../actions.ts';

/** A button that runs `intent` when pressed; its label comes from the catalog. */
export function button(turn: Speaker, labelCode: string, intent: Intent, opts: { version?: number; style?: 'primary' | 'danger'; labelParams?: Record<string, string> } = {}): ReplyButton {
  const action = intentToAction(intent, opts.version);
  if (!action) throw new Error(`no button carries ${intent.kind}`);
  const input = ACTION_INPUTS[action.action as keyof typeof ACTION_INPUTS];
  return {
    label: say(turn, labelCode, opts.labelParams),
    action,
    ...(opts.style ? { style: opts.style } : {}),
    // A preset after @ (a snooze time, a greeting's note) needs no form.
    ...(input && !((action.action === 'task.snooze' || action.action === 'customer.touch') && action.id.includes('@')) ? { input: { name: input.name, label: say(turn, input.labelCode) } } : {}),
  };
}
