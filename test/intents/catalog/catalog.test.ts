// The catalog is complete and consistent: both languages have every key with the same placeholders,
// every code the parser or the domain can produce has words, and every example it shows parses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedWords } from '../../../src/intents/catalog/explain.ts';
import { errorMessage, hasMessage, invalidMessage, placeholders, t } from '../../../src/intents/catalog/index.ts';
import { en, zhCN } from '../../../src/intents/catalog/messages.ts';
import { parseCommand } from '../../../src/intents/grammar/index.ts';
import { CHANNELS, INVALID_CODES, MOODS, ROLES, SOURCES, STATUSES, TIERS, USAGE_KEYS } from '../../../src/intents/intent.ts';
import type { Locale } from '../../../src/intents/invocation.ts';

const LOCALES: Locale[] = ['en', 'zh-CN'];
const ctx = { locale: 'en' as const, timeZone: 'UTC', now: new Date('2026-11-22T10:00:00Z') };
const enKeys = Object.keys(en).sort();

describe('message catalog', () => {
  it('has exactly the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(enKeys);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of enKeys) {
      expect(new Set(placeholders(zhCN[key as keyof typeof zhCN])), key).toEqual(new Set(placeholders(en[key as keyof typeof en])));
    }
  });

  it('translates every message (only pure formats may read the same)', () => {
    const sameOnPurpose = new Set(['title.customer.profile', 'title.whoami', 'text.quote.line', 'label.none', 'label.door.slack']);
    for (const key of enKeys) {
      const zh = zhCN[key as keyof typeof zhCN];
      expect(zh.trim().length, key).toBeGreaterThan(0);
      if (!sameOnPurpose.has(key) && key !== 'label.list_separator') expect(zh, key).not.toBe(en[key as keyof typeof en]);
    }
  });

  it('gives each .bare variant a strict subset of its main message’s placeholders', () => {
    for (const key of enKeys.filter((k) => k.endsWith('.bare'))) {
      const main = key.slice(0, -'.bare'.length);
      expect(hasMessage(main), main).toBe(true);
      const mainPs = new Set(placeholders(en[main as keyof typeof en]));
      const bare = placeholders(en[key as keyof typeof en]);
      expect(bare.every((p) => mainPs.has(p)), key).toBe(true);
      expect(bare.length, key).toBeLessThan(mainPs.size);
    }
  });

  it('fills every placeholder of every message, and reads without braces when values are missing', () => {
    for (const locale of LOCALES) {
      for (const key of enKeys) {
        const params = Object.fromEntries(placeholders(en[key as keyof typeof en]).map((p) => [p, `«${p}»`]));
        const full = t(locale, key, params);
        expect(full, key).not.toMatch(/\{\w+\}/);
        for (const p of Object.keys(params)) expect(full, `${key} shows ${p}`).toContain(`«${p}»`);
        const empty = t(locale, key, {});
        expect(empty, key).not.toMatch(/\{\w+\}|undefined|null/);
      }
    }
  });

  it('has a usage line for every usage key and a message for every refusal code', () => {
    for (const key of USAGE_KEYS) expect(hasMessage(key), key).toBe(true);
    for (const code of INVALID_CODES) expect(hasMessage(`invalid.${code}`), code).toBe(true);
  });

  it('names every value of every enum', () => {
    const groups: Array<[string, readonly string[]]> = [
      ['tier', TIERS], ['status', STATUSES], ['source', SOURCES], ['channel', CHANNELS], ['mood', MOODS], ['role', ROLES],
      ['task_status', ['open', 'done', 'cancelled']], ['quote_status', ['draft', 'pending', 'approved', 'rejected']], ['decision', ['approved', 'rejected']],
    ];
    for (const [group, values] of groups) for (const v of values) expect(hasMessage(`label.${group}.${v}`), `${group}.${v}`).toBe(true);
  });

  it('lists as allowed only words the grammar accepts back', () => {
    const lineFor: Record<string, (w: string) => string> = {
      tier: (w) => `/customer add X tier:${w}`,
      status: (w) => `/customer update X status:${w}`,
      source: (w) => `/customer add X source:${w}`,
      mood: (w) => `/log X call: y mood:${w}`,
      role: (w) => `/crm role @x ${w}`,
    };
    const expected: Record<string, readonly string[]> = { tier: TIERS, status: STATUSES, source: SOURCES, mood: MOODS, role: ROLES };
    for (const locale of LOCALES) {
      for (const [field, line] of Object.entries(lineFor)) {
        const words = allowedWords(locale, field);
        expect(words.length, field).toBe(expected[field]!.length);
        words.forEach((word, i) => {
          const intent = parseCommand(line(word), ctx) as unknown as Record<string, unknown>;
          const got = (intent.fields as Record<string, unknown> | undefined)?.[field] ?? intent[field];
          expect(got, `${locale} ${field} ${word}`).toBe(expected[field]![i]);
        });
      }
    }
  });

  it('shows only examples that parse', () => {
    for (const locale of LOCALES) {
      const dict = locale === 'en' ? en : zhCN;
      for (const [key, text] of Object.entries(dict).filter(([k]) => k.startsWith('help.') || k.startsWith('usage.'))) {
        for (const [, example] of text.matchAll(/`([^`]+)`/g)) {
          // Templates (<id>, …, a|b) and commands whose body follows on later lines are not examples.
          if (!example!.startsWith('/') || /[<…|[]/.test(example!) || /(import|导入)$/.test(example!)) continue;
          expect(parseCommand(example!, ctx).kind, `${key}: ${example}`).not.toBe('invalid');
        }
      }
    }
  });
});

// Reasons the domain throws today, read from its source, plus the ones the contract names.
function domainReasons(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(import.meta.dirname, '../../../src/domain'));
  const found = new Set(['customer.not_found', 'customer.ambiguous', 'user.not_found', 'user.ambiguous', 'role.needs_admin', 'customer.not_yours', 'task.needs_manager']);
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:notFound|forbidden|conflict|invalid|ambiguous)\(\s*'([a-z_]+\.[a-z_.]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('domain errors in words', () => {
  const codeOf = (reason: string) =>
    /not_found/.test(reason) ? 'not_found' : /ambiguous/.test(reason) ? 'ambiguous' : /not_yours|needs_|own_quote|other_team|not_author/.test(reason) ? 'forbidden' : /invalid|in_future|required|past|bad_|assignee/.test(reason) ? 'invalid' : 'conflict';

  it('has a specific or per-verb message for every reason the domain throws', () => {
    const reasons = domainReasons();
    expect(reasons.length).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      for (const reason of reasons) {
        const text = errorMessage(locale, { code: codeOf(reason), reason, details: {} });
        expect(text, reason).not.toMatch(/\{\w+\}|undefined|null/);
        expect(text, reason).not.toBe(t(locale, 'error.internal'));
        const [, ...verb] = reason.split('.');
        expect(hasMessage(`error.${reason}`) || hasMessage(`error.*.${verb.join('.')}`), reason).toBe(true);
      }
    }
  });

  it('says who won a race and when, in the reader’s zone and language', () => {
    expect(errorMessage('en', { code: 'conflict', reason: 'task.already_claimed', details: { winner: 'Dana Reyes' } })).toBe('Dana Reyes claimed this task first.');
    expect(errorMessage('zh-CN', { code: 'conflict', reason: 'task.already_claimed', details: { winner: null } })).toBe('这个任务已被其他人先认领。');
    expect(errorMessage('en', { code: 'conflict', reason: 'task.already_claimed', details: { winner: 'Me', yours: true } })).toBe('You already have this task.');
    const decided = { code: 'conflict', reason: 'quote.already_decided', details: { by: 'Li Lei', decision: 'rejected', at: '2026-11-22T09:00:00.000Z' } };
    expect(errorMessage('en', decided, { timeZone: 'America/New_York' })).toMatch(/^Li Lei already rejected this quote \(.*4:00.*AM\)\.$/);
    expect(errorMessage('zh-CN', decided, { timeZone: 'Asia/Shanghai' })).toMatch(/^Li Lei 已驳回这张报价（.*17:00）。$/);
  });

  it('falls back per verb, then per code, for reasons nobody wrote a message for', () => {
    expect(errorMessage('en', { code: 'forbidden', reason: 'contact.not_yours' })).toBe('That contact belongs to someone else.');
    expect(errorMessage('zh-CN', { code: 'forbidden', reason: 'contact.needs_admin' })).toBe('只有管理员可以对联系人这样操作。');
    expect(errorMessage('en', { code: 'conflict', reason: 'widget.exploded' })).toBe(t('en', 'error.conflict'));
    expect(errorMessage('en', { code: 'weird', reason: '' })).toBe(t('en', 'error.internal'));
    expect(errorMessage('en', { code: 'invalid', reason: 'quote.invalid', details: { field: 'lines.0.quantity', problem: 'quantity_too_large' } })).toBe('That quote is not valid: quantity (too large).');
  });

  it('explains every refusal the parser produces without leftovers', () => {
    const lines = ['', '/custmer', '/customer add Acme tier:Z', '/customer add Acme website:x', '/log Acme call:', '/log Acme call: x next:', '/task done x', '/task snooze 1',
      '/quote new Acme', '/quote new Acme 1 x A @ 1.234', '/quote new A 1 x B @ $1, 1 x C @ ¥1', '/quote reject 5', '/quote new A 1 x B @ 1 discount 300%', '/crm role @a king', '/log ' + 'x'.repeat(5000)];
    for (const locale of LOCALES) {
      for (const line of lines) {
        const intent = parseCommand(line, ctx);
        expect(intent.kind).toBe('invalid');
        if (intent.kind !== 'invalid') continue;
        const text = invalidMessage(locale, intent);
        expect(text, line).not.toMatch(/\{\w+\}|undefined|null|—/);
        expect(t(locale, intent.usage)).not.toBe(intent.usage);
      }
    }
  });
});
