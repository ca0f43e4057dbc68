// Small bar charts as PNG: drawn as SVG and rasterised by resvg (a prebuilt binary from the npm
// registry), so no browser and no native build step.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

// resvg is a native addon (~5 MB of RSS once loaded): loaded on the first chart, not at start.
let Resvg: typeof ResvgClass | undefined;
const resvg = () => (Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg);

// Chinese labels need a CJK font, and servers and containers rarely have one: Noto Sans Hans (the
// GB2312 set of Noto Sans CJK SC, OTF) ships in @embedpdf/fonts-sc, so nothing is downloaded at run
// time. Only the regular weight is read (8 MB); resvg falls back to it for glyphs DejaVu lacks.
export const CJK_FONT = 'Noto Sans Hans';
function cjkFontFiles(): string[] {
  try {
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
    return existsSync(file) ? [file] : [];
  } catch {
    return [];
  }
}
let fontFiles: string[] | undefined;

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** `fonts: []` draws with the system's fonts alone (how Chinese looked before the font shipped: boxes). */
export function barChartPng(title: string, bars: Array<{ label: string; value: number }>, opts: { fonts?: string[] } = {}): Uint8Array {
  const shown = bars.slice(0, 12);
  const max = Math.max(1, ...shown.map((b) => b.value));
  const rowH = 26;
  const width = 520;
  const height = 50 + shown.length * rowH;
  const rows = shown
    .map((b, i) => {
      const y = 40 + i * rowH;
      const w = Math.round((b.value / max) * 300);
      return `<text x="10" y="${y + 15}" font-size="13" font-family="DejaVu Sans, ${CJK_FONT}, Noto Sans CJK SC, sans-serif">${esc(b.label.slice(0, 18))}</text>
<rect x="170" y="${y}" width="${w}" height="18" fill="#3b6fd8"/>
<text x="${176 + w}" y="${y + 14}" font-size="12" font-family="DejaVu Sans, sans-serif">${b.value}</text>`;
    })
    .join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="10" y="24" font-size="16" font-weight="bold" font-family="DejaVu Sans, ${CJK_FONT}, Noto Sans CJK SC, sans-serif">${esc(title)}</text>
${rows}
</svg>`;
  fontFiles ??= cjkFontFiles();
  const Renderer = resvg();
  return new Renderer(svg, { font: { loadSystemFonts: true, fontFiles: opts.fonts ?? fontFiles, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

/**
 * A report card's chart: none when every bar is zero (a picture of nothing says less than the line
 * that says so), and none when it cannot render, so the figures never wait on a picture.
 */
export function cardChart(title: string, bars: Array<{ label: string; value: number }>): Array<{ title: string; png: Uint8Array }> {
  if (!bars.some((b) => b.value)) return [];
  try {
    return [{ title, png: barChartPng(title, bars) }];
  } catch {
    return [];
  }
}
