// The console shows a chart by writing its PNG under the data folder (charts/) and printing the path,
// which a terminal user opens with any image viewer. A file that cannot be written never hides the text.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../intents/reply.ts';
import { chrome } from './chrome.ts';

const safe = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'chart';

/** Writes the reply's images and returns one line per image: "[image: title] /path/to/file.png". */
export function saveImages(reply: Reply, dir: string | undefined, locale: 'en' | 'zh-CN'): string[] {
  if (!dir || !reply.images?.length) return [];
  const c = chrome(locale);
  return reply.images.map((image) => {
    try {
      const folder = path.join(dir, 'charts');
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `${new Date().toISOString().slice(0, 10)}-${safe(image.title)}-${randomBytes(3).toString('hex')}.png`);
      writeFileSync(file, image.png);
      return `  ${c.image(image.title)} ${file}`;
    } catch {
      return `  ${c.image(image.title)}`;
    }
  });
}
