// t(locale, code, params): the one way user-facing text is made. Placeholders are `{name}`. When a
// message needs a value the caller does not have (a winner nobody recorded), its `.bare` variant
// is used, so no reader ever sees "{winner}" or "null".
import type { Locale } from '../invocation.ts';
import { DICTIONARIES, type MessageCode } from './messages.ts';

export type { MessageCode } from './messages.ts';

export type ParamValue = string | number | bigint | boolean | Date | readonly string[] | null | undefined;
export type Params = Record<string, ParamValue>;

// `{name}`, plus two English agreements a template may ask for: `{count|line/lines}` gives
// "1 line" / "3 lines", `{entity|a}` gives "a quote" / "an interaction".
const PLACEHOLDER = /\{(\w+)(?:\|([^{}]*))?\}/g;

function dictionary(locale: string): Record<string, string> {
  return locale === 'zh-CN' ? DICTIONARIES['zh-CN'] : DICTIONARIES.en;
}

export function hasMessage(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(DICTIONARIES.en, code);
}

/** Placeholder names a template uses, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const present = (v: ParamValue) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

export function t(locale: Locale, code: MessageCode | (string & {}), params: Params = {}): string {
  const dict = dictionary(locale);
  let key = code;
  let template = dict[key];
  // An unknown code is a bug of the caller; showing it verbatim makes it visible and harmless.
  if (template === undefined) return code;
  if (placeholders(template).some((p) => !present(params[p])) && dict[`${key}.bare`] !== undefined) {
    key = `${key}.bare`;
    template = dict[key]!;
  }
  return template.replace(PLACEHOLDER, (_m, name: string, modifier?: string) => agree(render(locale, params[name], dict), params[name], modifier));
}

function agree(text: string, value: ParamValue, modifier: string | undefined): string {
  if (!modifier) return text;
  if (modifier === 'a') return `${/^[aeiou]/i.test(text) && !/^(?:uni|use|usu|eu|one)/i.test(text) ? 'an' : 'a'} ${text}`;
  const [one, other] = modifier.split('/');
  const n = typeof value === 'number' || typeof value === 'bigint' ? Number(value) : Number.NaN;
  return `${text} ${n === 1 ? one : (other ?? one)}`;
}

function render(locale: Locale, value: ParamValue, dict: Record<string, string>): string {
  if (!present(value)) return dict['label.none'] ?? '—';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(dict['label.list_separator'] ?? ', ');
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toLocaleString(locale);
  return String(value);
}

/** A field's name as the label of a card row: "Summary" in English (it is "summary" inside a sentence), 内容 in Chinese. */
export function fieldLabel(locale: Locale, field: string): string {
  const name = label(locale, 'field', field);
  return locale === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** A value's label (`label.<group>.<value>`), or the value itself when the catalog has none. */
export function label(locale: Locale, group: string, value: string): string {
  const code = `label.${group}.${value}`;
  return hasMessage(code) ? t(locale, code) : value;
}
