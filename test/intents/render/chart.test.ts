// Chinese in charts: the font shipped in @embedpdf/fonts-sc draws the glyphs. Two labels of four
// different characters must come out as different pixels; with the system's fonts alone (no CJK font
// on this machine or in the container) both are the same row of boxes, which is what this guards.
import { expect, it } from 'vitest';
import { barChartPng } from '../../../src/intents/render/chart.ts';
import { pngInfo, pngPixels } from '../../support/png.ts';

const chart = (label: string, fonts?: string[]) => barChartPng('RFM', [{ label, value: 3 }], fonts ? { fonts } : {});
// The label's box only (x 0–170, the first bar's row), so the title and the bar cannot make a difference.
function labelPixels(png: Uint8Array): Buffer {
  const { width, channels, pixels } = pngPixels(png);
  const rows: Buffer[] = [];
  for (let y = 40; y < 66; y++) rows.push(pixels.subarray((y * width) * channels, (y * width + 170) * channels));
  return Buffer.concat(rows);
}

it('draws Chinese labels with the shipped font, not as boxes', () => {
  const a = chart('沉睡客户');
  const b = chart('忠诚客户');
  expect(pngInfo(a)).toMatchObject({ width: 520, distinctPixels: true });
  expect(labelPixels(a).equals(labelPixels(b))).toBe(false);
  // Without the font both labels are the same four boxes (or nothing at all).
  expect(labelPixels(chart('沉睡客户', [])).equals(labelPixels(chart('忠诚客户', [])))).toBe(true);
});

it('draws Latin labels as before', () => {
  expect(labelPixels(chart('Lost')).equals(labelPixels(chart('Loyal')))).toBe(false);
});
