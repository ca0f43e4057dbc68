// Hostile and random input: whatever arrives at a door, parseCommand answers with a valid Intent
// and never throws. Writes are impossible by construction (the parser has no database), so "no
// write happens" reduces to "an invalid command is an `invalid` intent", checked on the malformed tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseCommandUnguarded } from '../../../src/intents/grammar/index.ts';
import { intentSchema } from '../../../src/intents/intent.ts';

const ctx = { locale: 'en' as const, timeZone: 'Europe/Berlin', now: new Date('2026-03-29T00:30:00Z') };

const COMMAND_WORDS = ['/customer', '/客户', '/log', '/记录', '/tasks', '/task', '/任务', '/quote', '/报价', '/crm', '/undo', 'add', 'find', '新建', 'done', 'claim', 'snooze', 'new', 'reject', 'approve', 'help', 'role'];
const PIECES = [
  'tier:', '等级：', 'source:', 'next:', '下一步：', 'mood:', 'call:', '电话：', ' x ', '×', '@', '＠', 'discount', '%', '打88折', '折',
  '"', '“', '”', "'", '「', ',', '，', '#', '0', '12', '99999999999999999999', '1,200.50', '$', '¥', 'USD', '\n', '\t', '\u0000', '\u202e',
  '\ud800', '😀', '🇨🇳', 'é', '　', '：', "'; DROP TABLE customer; --", '<script>alert(1)</script>', '${process.exit()}', '{{7*7}}', '%s%n', '../../etc/passwd',
];

// Long runs find limits a short string never reaches (a 250-character customer name, a 1,500-character next step).
const longRun = fc.tuple(fc.constantFrom('a', '华', ' ', '1', 'x', ',', '@', '😀'), fc.integer({ min: 150, max: 2_500 })).map(([c, n]) => c.repeat(n));

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.oneof(fc.constantFrom(...COMMAND_WORDS), fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COMMAND_WORDS, ...PIECES) }, { weight: 1, arbitrary: longRun }), { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...COMMAND_WORDS), fc.constantFrom(...PIECES)), { maxLength: 60 }).map((parts) => parts.join('')),
);

// Command shapes with hostile slots: random text rarely spells "/task snooze 12", so the shapes do.
const TEMPLATES = [
  '/task snooze {id} {t}', '/task reassign {id} {t}', '/task done {id}', '/customer {t}', '/customer find {t}', '/customer add {t} tier:{t} tags:{t}',
  '/customer update {t} status:{t} industry:{t}', '/客户 新建 {t} 等级：{t} 别名：{t}', '/log {t} call: {t} next: {t}', '/log {t} 电话：{t}。下一步：{t}',
  '/log {t} mood:{t} {t}', '/quote new {t} {id} x {t} @ {t}, {id} x {t} @ {t} discount {t}', '/报价 新建 {t} {id} × {t} ＠ {t} 打{t}折',
  '/quote edit {id} {t}', '/quote reject {id} {t}', '/crm role {t} {t}', '/crm help {t}', '/undo {id}', '/customer import\n{t}',
];
const slot = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...PIECES), longRun, fc.string({ unit: 'binary', maxLength: 30 }));
const idSlot = fc.oneof(fc.nat().map(String), fc.constantFrom('#12', '0', '-1', '1e3', '99999999999999999999', '１２', ''), fc.string({ maxLength: 4 }));
const shaped = fc
  .tuple(fc.constantFrom(...TEMPLATES), fc.array(slot, { minLength: 12, maxLength: 12 }), fc.array(idSlot, { minLength: 3, maxLength: 3 }))
  .map(([template, texts, ids]) => {
    let i = 0;
    let j = 0;
    return template.replace(/\{t\}/g, () => texts[i++]!).replace(/\{id\}/g, () => ids[j++]!);
  });

function assertValid(text: string) {
  // The unguarded parser must already be total and schema-valid on its own…
  let raw: unknown;
  expect(() => {
    raw = parseCommandUnguarded(text, ctx);
  }).not.toThrow();
  const r = intentSchema.safeParse(raw);
  expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  // …and the guarded one must give the same answer (the nets changed nothing).
  expect(parseCommand(text, ctx)).toEqual(r.data);
}

describe('parseCommand under hostile input', () => {
  it('never throws and always returns an Intent the zod union accepts', () => {
    fc.assert(fc.property(hostile, (text) => assertValid(text)), { numRuns: 3000 });
  });

  it('holds for well-formed command shapes with hostile values in every slot', () => {
    fc.assert(fc.property(shaped, (text) => assertValid(text)), { numRuns: 3000 });
  });

  it('holds for every command word followed by hostile text', () => {
    fc.assert(fc.property(fc.constantFrom(...COMMAND_WORDS.filter((w) => w.startsWith('/'))), hostile, (cmd, text) => assertValid(`${cmd} ${text}`)), { numRuns: 2000 });
  });

  it('refuses huge inputs quickly instead of parsing them', () => {
    for (const text of ['/log ' + 'a '.repeat(150_000), '/quote new A ' + '1 x b @ 1, '.repeat(30_000), '/customer import\n' + 'x,y\n'.repeat(60_000)]) {
      const intent = parseCommand(text, ctx);
      expect(intent.kind).toBe('invalid');
      assertValid(text);
    }
  });

  it('answers non-strings (a door bug) with a refusal, not an exception', () => {
    for (const v of [undefined, null, 42, {}, ['/tasks']]) {
      const r = intentSchema.safeParse(parseCommand(v as unknown as string, ctx));
      expect(r.success && r.data.kind).toBe('invalid');
    }
  });
});
