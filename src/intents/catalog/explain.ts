// Refusals in words: a domain error (code + reason + details) or a parser refusal (invalid intent)
// becomes a sentence in the reader's language. Lookup goes from the most specific message to the
// most general, so a reason nobody wrote a message for still reads well:
//   error.<reason>[.yours]  ->  error.*.<verb>  (with the entity's name)  ->  error.<code>
import type { InvalidIntent } from '../intent.ts';
import type { Locale } from '../invocation.ts';
import { formatInstant } from './format.ts';
import { hasMessage, label, t, type Params } from './translate.ts';

export interface ErrorLike {
  code: string;
  reason: string;
  details?: Record<string, unknown>;
}

const INSTANT_KEYS = new Set(['at', 'until', 'occurredAt', 'dueAt']);

export function errorMessage(locale: Locale, error: ErrorLike, opts: { timeZone?: string } = {}): string {
  const reason = typeof error.reason === 'string' ? error.reason : '';
  const details = error.details && typeof error.details === 'object' ? error.details : {};
  const [entity = 'record', ...restParts] = reason.split('.');
  const verb = restParts.join('.');
  const params = errorParams(locale, entity, details, opts.timeZone ?? 'UTC');
  const candidates = [
    ...(details.yours === true ? [`error.${reason}.yours`] : []),
    `error.${reason}`,
    ...(verb ? [`error.*.${verb}`] : []),
    `error.${error.code}`,
    'error.internal',
  ];
  const code = candidates.find((c) => reason && hasMessage(c)) ?? (hasMessage(`error.${error.code}`) ? `error.${error.code}` : 'error.internal');
  return t(locale, code, params);
}

function errorParams(locale: Locale, entity: string, details: Record<string, unknown>, timeZone: string): Params {
  const params: Params = { entity: label(locale, 'entity', hasMessage(`label.entity.${entity}`) ? entity : 'record') };
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') params[key] = value;
    // Lists (columns found, names) are joined the reader's way: 、 in Chinese.
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) params[key] = value as string[];
  }
  for (const key of INSTANT_KEYS) {
    const v = details[key];
    const at = v instanceof Date ? v : typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined;
    if (at) params[key] = formatInstant(locale, at, timeZone);
  }
  const status = details.status;
  if (typeof status === 'string') params.status = label(locale, entity === 'quote' ? 'quote_status' : 'task_status', status);
  // A customer's status words are the ones its card shows (interested, won), never the stored enum.
  for (const key of ['from', 'to'] as const) if (entity === 'customer' && typeof details[key] === 'string') params[key] = label(locale, 'status', details[key] as string);
  if (typeof details.decision === 'string') params.decision = label(locale, 'decision', details.decision);
  if (typeof details.level === 'string') params.level = label(locale, 'level', details.level);
  if (typeof details.role === 'string') params.role = label(locale, 'role', details.role);
  if (typeof details.source === 'string') params.source = label(locale, 'source', details.source);
  if (typeof details.sources === 'string') params.sources = details.sources.split(/,\s*/).map((s) => label(locale, 'source', s)).join(t(locale, 'label.list_separator'));
  // Domain paths like "lines.0.quantity" read best by their last named segment.
  if (typeof details.field === 'string') params.field = label(locale, 'field', details.field.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? details.field);
  if (typeof details.problem === 'string') params.problem = label(locale, 'problem', details.problem);
  return params;
}

// Values a person may type for an enum field, in their language; each is accepted by the grammar
// (test/intents/catalog checks that every word listed here parses back).
const ENUM_VALUES: Record<string, { group: string; values: readonly string[] }> = {
  status: { group: 'status', values: ['lead', 'intent', 'deal', 'lost'] },
  source: { group: 'source', values: ['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'store', 'event', 'other'] },
  prefers: { group: 'channel', values: ['call', 'visit', 'email', 'meeting', 'wechat', 'expo', 'other'] },
  mood: { group: 'mood', values: ['positive', 'neutral', 'hesitant', 'negative'] },
  role: { group: 'role', values: ['rep', 'manager', 'admin'] },
};

export const FIELD_NAMES = ['tier', 'status', 'industry', 'source', 'phone', 'email', 'contact', 'region', 'size', 'tags', 'aliases',
  'name', 'mainBusiness', 'address', 'founded', 'firstContact', 'referrer', 'needs', 'budget', 'decisionChain', 'title', 'prefers'] as const;

/** The words listed to a person as allowed for a field (empty when the field is free text). */
export function allowedWords(locale: Locale, field: string): string[] {
  if (field === 'tier') return ['A', 'B', 'C'];
  // Fields whose allowed values are a form rather than a list (a page number, a team setting).
  if (hasMessage(`label.allowed_values.${field}`)) return [t(locale, `label.allowed_values.${field}`)];
  const e = ENUM_VALUES[field];
  return e ? e.values.map((v) => label(locale, e.group, v)) : [];
}

export function invalidMessage(locale: Locale, intent: InvalidIntent): string {
  const d = intent.details;
  const params: Params = { ...d };
  if (typeof d.arg === 'string') params.arg = hasMessage(`label.arg.${d.arg}`) ? t(locale, `label.arg.${d.arg}`) : d.arg;
  if (typeof d.field === 'string') {
    const words = allowedWords(locale, d.field);
    const hint = `label.hint.${d.field}`;
    params.allowed = words.length ? t(locale, 'label.allowed', { values: words.join(t(locale, 'label.list_separator')) }) : hasMessage(hint) ? t(locale, hint) : '';
    params.field = label(locale, 'field', d.field);
  }
  if (intent.code === 'unknown_field') params.fields = FIELD_NAMES.map((f) => label(locale, 'field', f)).join(t(locale, 'label.list_separator'));
  return t(locale, `invalid.${intent.code}`, params);
}

/** The usage line an invalid intent points to. */
export function usageMessage(locale: Locale, intent: InvalidIntent): string {
  return t(locale, intent.usage);
}
