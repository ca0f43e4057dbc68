// Buttons: an intent drawn as a button comes back as the same intent; a tampered payload is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionToIntent, intentToAction } from '../../../src/intents/actions.ts';
import { intentSchema, type Intent } from '../../../src/intents/intent.ts';
import type { ButtonAction } from '../../../src/intents/reply.ts';

const roundTrips: Intent[] = [
  { kind: 'task.done', id: 12 },
  { kind: 'task.claim', id: 3 },
  { kind: 'task.snooze', id: 4, whenText: 'tomorrow' },
  { kind: 'task.snooze', id: 4, whenText: '下周一' },
  { kind: 'interaction.undo', id: 99 },
  { kind: 'quote.show', id: 5 },
  { kind: 'quote.submit', id: 5 },
  { kind: 'quote.approve', id: 5, version: 3 },
  { kind: 'customer.show', query: 'CUS20261122001' },
  { kind: 'customer.add', name: 'Acme Robotics', fields: {}, force: false },
  { kind: 'customer.add', name: '华为技术', fields: {}, force: true },
  { kind: 'tasks.list', scope: 'pool' },
  { kind: 'help', topic: 'log' },
];

describe('button actions', () => {
  it.each(roundTrips.map((i) => [i.kind, i] as const))('%s survives a round trip', (_k, intent) => {
    const action = intentToAction(intent);
    expect(action).toBeDefined();
    expect(actionToIntent(action!)).toEqual(intent);
  });

  it('a reject needs the reason typed into the form', () => {
    const action = intentToAction({ kind: 'quote.reject', id: 5, reason: 'x', version: 2 })!;
    expect(action).toEqual({ action: 'quote.reject', id: '5', version: 2 });
    expect(actionToIntent(action)).toMatchObject({ kind: 'invalid', code: 'reason_required', usage: 'usage.quote.reject' });
    expect(actionToIntent(action, { reason: '  margin too thin ' })).toEqual({ kind: 'quote.reject', id: 5, reason: 'margin too thin', version: 2 });
  });

  it('snooze and reassign read their form values', () => {
    expect(actionToIntent({ action: 'task.snooze', id: '7' }, { when: 'next friday 3pm' })).toEqual({ kind: 'task.snooze', id: 7, whenText: 'next friday 3pm' });
    expect(actionToIntent({ action: 'task.snooze', id: '7' })).toMatchObject({ kind: 'invalid', code: 'missing_argument' });
    expect(actionToIntent({ action: 'task.reassign', id: '7' }, { to: '@dana' })).toEqual({ kind: 'task.reassign', id: 7, to: '@dana' });
  });

  it.each<[string, ButtonAction]>([
    ['non-numeric id', { action: 'task.done', id: 'abc' }],
    ['zero id', { action: 'task.claim', id: '0' }],
    ['unsafe id', { action: 'quote.approve', id: '123456789012345678901' }],
    ['injection in id', { action: 'interaction.undo', id: "1; DROP TABLE task" }],
    ['unknown action', { action: 'task.delete', id: '1' }],
    ['empty customer', { action: 'customer.show', id: '' }],
    ['bad scope', { action: 'tasks.list', id: 'everyone' }],
  ])('refuses a %s', (_name, action) => {
    expect(actionToIntent(action)).toMatchObject({ kind: 'invalid', code: 'bad_action' });
  });

  it('ignores a bogus version instead of trusting it', () => {
    expect(actionToIntent({ action: 'quote.approve', id: '5', version: -1 })).toEqual({ kind: 'quote.approve', id: 5 });
  });

  it('never throws and always yields a valid intent for arbitrary payloads', () => {
    const payload = fc.record({ action: fc.oneof(fc.string(), fc.constantFrom('task.done', 'quote.reject', 'task.snooze', 'customer.show', 'help')), id: fc.string({ maxLength: 400 }), version: fc.option(fc.integer(), { nil: undefined }) });
    fc.assert(
      fc.property(payload, fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 600 })), (action, values) => {
        expect(intentSchema.safeParse(actionToIntent(action as ButtonAction, values)).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
