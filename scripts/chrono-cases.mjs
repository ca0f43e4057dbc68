// Turns chrono-node's own test cases (test/en and test/zh/hans in its repository) into data: the
// phrase, the reference wall clock, the parser it was written for, and the wall-clock fields the
// case expects. It runs each test file against a recording harness instead of chrono, so the
// expectations are read as chrono's authors wrote them; no chrono code is copied.
//
//   TZ=UTC node scripts/chrono-cases.mjs <chrono checkout> > cases.json
//
// TZ=UTC makes the tests' host-local `new Date(2012, 7, 10)` read back as the wall clock it names.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

if (process.env.TZ !== 'UTC') throw new Error('run with TZ=UTC');
const root = process.argv[2];
const dirs = ['test/zh/hans', 'test/en'];

const wall = (d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() });

const P = (name, more = {}) => ({ __parser: name, ...more });
const chronoShim = P('casual', {
  casual: P('casual'),
  strict: P('strict'),
  en: P('en', { casual: P('en.casual'), strict: P('en.strict'), GB: P('en.GB') }),
  zh: P('zh', { hans: P('zh.hans'), hant: P('zh.hant') }),
});

const cases = [];
for (const dir of dirs) {
  for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.test.ts')).sort()) {
    const source = `${dir}/${file}`;
    const code = transformSync(readFileSync(path.join(root, source), 'utf8'), { loader: 'ts', format: 'cjs' }).code;
    let current = null;
    const record = (parser, text, ref, option, check, expectNone = false) => {
      if (typeof ref === 'function') [check, ref, option] = [ref, undefined, undefined];
      if (typeof option === 'function') [check, option] = [option, undefined];
      const c = { source, parser: parser?.__parser ?? 'casual', text, ref: ref instanceof Date ? wall(ref) : ref === undefined ? null : 'non-date', option: option ? Object.keys(option) : [], expect: expectNone ? null : {} };
      cases.push(c);
      if (check && !expectNone) {
        current = c;
        try {
          check(fakeResult(), text);
        } catch (err) {
          c.harnessError = String(err.message ?? err);
        }
        current = null;
      }
    };
    const marker = (what) => ({ __marker: what });
    const component = (side) => ({
      get: (k) => marker(`${side}.${k}`),
      isCertain: (k) => marker(`${side}.certain.${k}`),
      date: () => ({ getTime: () => marker(`${side}.time`), __marker: `${side}.date` }),
      tags: () => new Set(),
    });
    const fakeResult = () => ({ index: marker('index'), text: marker('text'), start: Object.assign(component('start'), { __marker: 'start' }), end: Object.assign(component('end'), { __marker: 'end' }), tags: () => new Set() });
    const put = (key, value) => {
      if (!current || !key) return;
      if (key === 'start.time' || key === 'start.date' || key === 'start') Object.assign(current.expect, wall(value instanceof Date ? value : new Date(value)), { full: true });
      else if (key.startsWith('start.certain.')) (current.expect.certain ??= {})[key.slice(14)] = value;
      else if (key.startsWith('start.')) current.expect[key.slice(6)] = value;
      else if (key === 'text') current.expect.matched = value;
    };
    const matcher = (actual) => {
      const m = {
        toBe: (v) => put(actual?.__marker, v),
        toEqual: (v) => put(actual?.__marker, v),
        toBeCloseTo: (v) => (v?.__marker ? put(v.__marker, actual) : put(actual?.__marker, v)),
        toBeDate: (d) => put(actual?.__marker, d),
        toBeNull: () => {},
        toBeUndefined: () => {},
        toBeTruthy: () => {},
        toBeFalsy: () => {},
        toHaveLength: () => {},
        toBeSingleOnText: () => {},
        toContain: () => {},
      };
      return new Proxy(m, { get: (t, k) => (k === 'not' ? new Proxy({}, { get: () => () => {} }) : t[k] ?? (() => {})) });
    };
    const util = {
      testSingleCase: (p, text, ref, option, check) => record(p, text, ref, option, check),
      testWithExpectedDate: (p, text, d) => record(p, text, undefined, undefined, (r) => matcher(r.start).toBeDate(d)),
      testUnexpectedResult: (p, text, ref, option) => record(p, text, ref, option, undefined, true),
    };
    const requireShim = (m) => (m.includes('test_util') ? util : chronoShim);
    const test = (_name, fn) => {
      try {
        fn();
      } catch {
        // A test body that calls chrono directly is not a case we can read; its testSingleCase calls before that still count.
      }
    };
    new Function('require', 'test', 'it', 'describe', 'expect', 'exports', 'module', code)(requireShim, test, test, test, matcher, {}, { exports: {} });
  }
}
process.stdout.write(JSON.stringify(cases, null, 0).replace(/\},\{"source"/g, '},\n{"source"') + '\n');
