// Reads a PNG far enough to check a chart: its size, and whether any pixel differs from the first
// (a blank image is one colour). 8-bit RGB/RGBA, non-interlaced, as resvg writes them.
import { inflateSync } from 'node:zlib';

/** The decoded pixels, row after row, `channels` bytes each. */
export function pngPixels(bytes: Uint8Array): { width: number; height: number; channels: number; pixels: Buffer } {
  const b = Buffer.from(bytes);
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const type = b.subarray(off + 4, off + 8).toString('latin1');
    const data = b.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : data[9] === 4 ? 2 : 1;
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  // Undo the per-row filters (PNG spec, section 9) so pixels can be compared.
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y ? out[(y - 1) * stride + x]! : 0;
      const c = y && x >= channels ? out[(y - 1) * stride + x - channels]! : 0;
      const v = raw[y * (stride + 1) + 1 + x]!;
      const p = a + up - c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? up : f === 3 ? (a + up) >> 1 : Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, pixels: out };
}

export function pngInfo(bytes: Uint8Array): { width: number; height: number; distinctPixels: boolean } {
  const { width, height, channels, pixels: out } = pngPixels(bytes);
  const first = out.subarray(0, channels);
  let distinct = false;
  for (let i = channels; i < out.length && !distinct; i += channels) if (!out.subarray(i, i + channels).equals(first)) distinct = true;
  return { width, height, distinctPixels: distinct };
}
