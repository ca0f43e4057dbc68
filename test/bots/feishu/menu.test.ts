// Bot-menu clicks reach the handler as intents, not as command text the door wrote; a key the menu
// does not have (including an object's inherited names) asks for nothing.
import { describe, expect, it } from 'vitest';
import { menuInvocation } from '../../../src/bots/feishu/events.ts';
import { intentSchema } from '../../../src/intents/intent.ts';

const click = (event_key: string) => menuInvocation({ event_id: 'ev_menu', tenant_key: 'tk' }, { operator: { operator_id: { open_id: 'ou_li' } }, event_key }, new Date());

describe('Feishu bot menu', () => {
  it('each key is a valid intent', () => {
    for (const key of ['my_tasks', 'pool', 'help', 'log_call', 'whoami']) {
      const input = click(key)?.input;
      expect(input?.kind, key).toBe('intent');
      if (input?.kind === 'intent') expect(intentSchema.safeParse(input.intent).success).toBe(true);
    }
    expect(click('pool')?.input).toEqual({ kind: 'intent', intent: { kind: 'tasks.list', scope: 'pool' } });
  });
  it('an unknown key, or one inherited from Object, is no invocation', () => {
    for (const key of ['nope', '__proto__', 'constructor', 'toString', '']) expect(click(key)).toBeNull();
  });
});
