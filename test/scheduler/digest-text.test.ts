import { expect, it } from 'vitest';
import { DIGEST_TEXT } from '../../src/intents/catalog/digest.ts';

it('words every digest line in both languages with the same placeholders', () => {
  const keys = Object.keys(DIGEST_TEXT.en).sort();
  expect(Object.keys(DIGEST_TEXT['zh-CN']).sort()).toEqual(keys);
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of keys) expect(holes(DIGEST_TEXT['zh-CN'][k as keyof typeof DIGEST_TEXT.en]), k).toEqual(holes(DIGEST_TEXT.en[k as keyof typeof DIGEST_TEXT.en]));
});
