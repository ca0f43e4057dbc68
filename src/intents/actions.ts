// Buttons carry intents: `intentToAction` draws one, `actionToIntent` reads a click back, so a click
// runs through the same dispatch as the typed command. A click's payload comes back from the
// platform and is treated as untrusted input: every id is re-validated and a bad one is refused.
import { readId } from './grammar/ids.ts';
import { sanitize } from './grammar/text.ts';
import { HELP_TOPICS, intentSchema, invalidIntent, type Intent } from './intent.ts';
import type { ButtonAction } from './reply.ts';

/** Every action a button may carry; the door echoes `action` back verbatim. */
export const BUTTON_ACTIONS = [
  'task.done',
  'task.claim',
  'task.snooze',
  'task.reassign',
  'interaction.undo',
  'quote.show',
  'quote.submit',
  'quote.approve',
  'quote.reject',
  'customer.show',
  'customer.create-from-suggestion',
  'customer.create-anyway',
  // A /log whose customer was one of several: the click carries the whole log, as JSON, not as command text.
  'log.for',
  'tasks.list',
  'help',
  // Ownership and the pool: a Claim button carries the customer's code.
  'customer.claim',
  'pool.list',
  // Import (issue 10): run a planned import skipping or merging the matches, or drop it.
  'customer.import.run',
  'customer.import.merge',
  'customer.import.cancel',
  // lists: the More button of /customers, and /quotes scopes
  'customers.list',
  'quotes.list',
  // Churn cards and complaints (issue 14): the customer's code in the id, the rest from the form.
  'customer.schedule',
  'customer.touch',
  'customer.handoff',
  'complaint.resolve',
  // The sales funnel (issue 13): a lead handed to sales by its score.
  'handoff.accept',
  'handoff.decline',
] as const;
export type ButtonActionName = (typeof BUTTON_ACTIONS)[number];

/** Form inputs a click may need; the door asks for them (modal, card input, console prompt). */
export const ACTION_INPUTS: Partial<Record<ButtonActionName, { name: string; labelCode: string }>> = {
  'quote.reject': { name: 'reason', labelCode: 'input.reject_reason' },
  'task.snooze': { name: 'when', labelCode: 'input.snooze_until' },
  'task.reassign': { name: 'to', labelCode: 'input.reassign_to' },
  'customer.schedule': { name: 'when', labelCode: 'input.churn.when' },
  'customer.touch': { name: 'note', labelCode: 'input.churn.note' },
  'complaint.resolve': { name: 'how', labelCode: 'input.complaint.how' },
};

// A preset touch note travels after the customer's code (codes hold no @).
const TOUCH_ID = /^(CUS\d{11,})@(.+)$/s;

// Snooze presets travel in the id ("12@tomorrow") so a one-click "tomorrow" button needs no form.
const SNOOZE_ID = /^#?(\d{1,16})(?:@(.{1,200}))?$/s;

export function actionToIntent(action: ButtonAction, values?: Record<string, string>): Intent {
  try {
    const intent = read(action, values ?? {});
    const r = intentSchema.safeParse(intent);
    return r.success ? r.data : invalidIntent('bad_action', 'usage.help', { action: String(action?.action).slice(0, 60) });
  } catch {
    return invalidIntent('bad_action', 'usage.help', {});
  }
}

function value(values: Record<string, string>, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? sanitize(v).trim() : '';
}

function read(action: ButtonAction, values: Record<string, string>): Intent {
  const name = String(action.action) as ButtonActionName;
  const rawId = typeof action.id === 'string' ? sanitize(action.id).trim() : '';
  const id = readId(rawId);
  const version = Number.isSafeInteger(action.version) && (action.version ?? 0) > 0 ? action.version : undefined;
  const bad = invalidIntent('bad_action', 'usage.help', { action: name.slice(0, 60), id: rawId.slice(0, 60) });
  const withId = <T,>(make: (id: number) => T): T | typeof bad => (id === undefined ? bad : make(id));
  switch (name) {
    case 'task.done':
    case 'task.claim':
    case 'interaction.undo':
    case 'quote.show':
    case 'quote.submit':
    case 'handoff.accept':
    case 'handoff.decline':
      return withId((i) => ({ kind: name, id: i }));
    case 'quote.approve':
      return withId((i) => ({ kind: 'quote.approve' as const, id: i, ...(version ? { version } : {}) }));
    case 'quote.reject': {
      const reason = value(values, 'reason');
      if (id === undefined) return bad;
      if (!reason) return invalidIntent('reason_required', 'usage.quote.reject', { id });
      return { kind: 'quote.reject', id, reason: reason.slice(0, 500), ...(version ? { version } : {}) };
    }
    case 'task.snooze': {
      const m = SNOOZE_ID.exec(rawId);
      const taskId = m ? readId(m[1]!) : undefined;
      const whenText = (m?.[2] ?? value(values, 'when')).trim();
      if (taskId === undefined) return bad;
      if (!whenText) return invalidIntent('missing_argument', 'usage.task.snooze', { arg: 'when' });
      return { kind: 'task.snooze', id: taskId, whenText };
    }
    case 'task.reassign': {
      const to = value(values, 'to');
      if (id === undefined) return bad;
      if (!to) return invalidIntent('missing_argument', 'usage.task.reassign', { arg: 'user' });
      return { kind: 'task.reassign', id, to };
    }
    case 'customer.show':
      return rawId ? { kind: 'customer.show', query: rawId } : bad;
    case 'customer.create-from-suggestion':
    case 'customer.create-anyway':
      return rawId ? { kind: 'customer.add', name: rawId, fields: {}, force: name === 'customer.create-anyway' } : bad;
    case 'customer.import.run':
    case 'customer.import.merge':
      return withId((id) => ({ kind: 'customer.import.run' as const, id, merge: name === 'customer.import.merge' }));
    case 'customer.import.cancel':
      return withId((id) => ({ kind: 'customer.import.cancel' as const, id }));
    case 'log.for':
      return logFor(rawId) ?? bad;
    case 'tasks.list':
      return rawId === 'mine' || rawId === 'pool' ? { kind: 'tasks.list', scope: rawId } : bad;
    case 'customer.claim':
      return rawId ? { kind: 'customer.claim', customerText: rawId.slice(0, 200) } : bad;
    case 'pool.list':
      return { kind: 'pool.list' };
    case 'customers.list':
      return listFromId(rawId) ?? bad;
    case 'quotes.list':
      return rawId === 'mine' || rawId === 'waiting' || rawId === 'team' ? { kind: 'quotes.list', scope: rawId } : bad;
    case 'customer.schedule': {
      const whenText = value(values, 'when');
      if (!rawId) return bad;
      if (!whenText) return invalidIntent('missing_argument', 'usage.complaint', { arg: 'when' });
      return { kind: 'customer.schedule', customerText: rawId.slice(0, 200), whenText: whenText.slice(0, 200) };
    }
    case 'customer.touch': {
      // A greeting's button carries its note ("CODE@Birthday greeting to …"): one click logs it.
      const m = TOUCH_ID.exec(rawId);
      if (m) return { kind: 'customer.touch', customerText: m[1]!, note: m[2]!.slice(0, 1000) };
      const note = value(values, 'note');
      if (!rawId) return bad;
      if (!note) return invalidIntent('missing_argument', 'usage.complaint', { arg: 'note' });
      return { kind: 'customer.touch', customerText: rawId.slice(0, 200), note: note.slice(0, 1000) };
    }
    case 'customer.handoff':
      return rawId ? { kind: 'customer.handoff', customerText: rawId.slice(0, 200) } : bad;
    case 'complaint.resolve': {
      const how = value(values, 'how');
      if (id === undefined) return bad;
      if (!how) return invalidIntent('missing_argument', 'usage.complaint', { arg: 'how' });
      return { kind: 'complaint.resolve', id, how: how.slice(0, 1000) };
    }
    case 'help':
      return (HELP_TOPICS as readonly string[]).includes(rawId) ? { kind: 'help', topic: rawId as (typeof HELP_TOPICS)[number] } : { kind: 'help' };
    default:
      return bad;
  }
}

/** The button payload for an intent, or undefined for intents no button carries. */
export function intentToAction(intent: Intent, version?: number): ButtonAction | undefined {
  const v = version !== undefined ? { version } : {};
  switch (intent.kind) {
    case 'task.done':
    case 'task.claim':
    case 'interaction.undo':
    case 'quote.show':
    case 'quote.submit':
    case 'handoff.accept':
    case 'handoff.decline':
      return { action: intent.kind, id: String(intent.id), ...v };
    case 'quote.approve':
    case 'quote.reject':
      // The reason of a reject comes from the form input, never from the drawn button.
      return { action: intent.kind, id: String(intent.id), ...(intent.version !== undefined ? { version: intent.version } : v) };
    case 'task.snooze':
      return { action: 'task.snooze', id: `${intent.id}@${intent.whenText}`, ...v };
    case 'task.reassign':
      return { action: 'task.reassign', id: String(intent.id), ...v };
    case 'customer.show':
      return { action: 'customer.show', id: intent.query };
    case 'customer.add':
      return { action: intent.force ? 'customer.create-anyway' : 'customer.create-from-suggestion', id: intent.name };
    case 'customer.import.run':
      return { action: intent.merge ? 'customer.import.merge' : 'customer.import.run', id: String(intent.id) };
    case 'customer.import.cancel':
      return { action: 'customer.import.cancel', id: String(intent.id) };
    case 'log': {
      if (intent.customerId === undefined) return undefined;
      const { kind: _kind, ...log } = intent;
      return { action: 'log.for', id: JSON.stringify(log) };
    }
    case 'tasks.list':
      return { action: 'tasks.list', id: intent.scope };
    case 'customers.list':
      // The filter as data, not as command text: the click is validated by the schema, never re-parsed.
      return { action: 'customers.list', id: JSON.stringify({ filter: intent.filter, page: intent.page }) };
    case 'quotes.list':
      return { action: 'quotes.list', id: intent.scope };
    case 'help':
      return { action: 'help', id: intent.topic ?? '' };
    case 'customer.claim':
      return { action: 'customer.claim', id: intent.customerText };
    case 'pool.list':
      return { action: 'pool.list', id: '' };
    // What the person types comes from the form, never from the drawn button.
    case 'customer.touch':
      // '-' leaves the note to the form; any other note is ours (a greeting's), not the person's words.
      return { action: intent.kind, id: intent.note === '-' ? intent.customerText : `${intent.customerText}@${intent.note}` };
    case 'customer.schedule':
    case 'customer.handoff':
      return { action: intent.kind, id: intent.customerText };
    case 'complaint.resolve':
      return { action: 'complaint.resolve', id: String(intent.id) };
    default:
      return undefined;
  }
}

/** A More button's id back to its list intent; anything malformed is refused by the caller. */
function listFromId(rawId: string): Intent | undefined {
  if (rawId.length > 1500) return undefined;
  try {
    const data = JSON.parse(rawId) as { filter?: unknown; page?: unknown };
    const r = intentSchema.safeParse({ kind: 'customers.list', filter: data.filter, page: data.page });
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** A log picked for one customer, read back from its button; the schema (below, in actionToIntent) validates every field. */
function logFor(rawId: string): Intent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawId);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const log = { ...(parsed as Record<string, unknown>), kind: 'log' } as Intent;
  return (log as { customerId?: unknown }).customerId === undefined || (log as { summary?: unknown }).summary == null ? undefined : log;
}
