// Feishu's event security, done here rather than by the SDK's defaults (which answer 200 to a bad
// signature, check no timestamp, and sign a re-serialised body instead of the bytes received).
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_MS = 5 * 60_000;

// The AES key is derived from the Encrypt Key, which does not change while the process runs: derived
// once, not on every event before its ack.
let derived: { from: string; key: Buffer } | undefined;
function cipherKey(encryptKey: string): Buffer {
  if (derived?.from !== encryptKey) derived = { from: encryptKey, key: createHash('sha256').update(encryptKey).digest() };
  return derived.key;
}

/** AES-256-CBC with key SHA-256(encrypt key); the first 16 bytes of the ciphertext are the IV. */
export function decryptEvent(encryptKey: string, encrypted: string): string {
  const key = cipherKey(encryptKey);
  const data = Buffer.from(encrypted, 'base64');
  if (data.length < 32 || data.length % 16 !== 0) throw new Error('ciphertext has the wrong length');
  const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
}

/** X-Lark-Signature: hex SHA-256 over timestamp + nonce + encrypt key + the raw body bytes. */
export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer | string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey).update(rawBody).digest('hex');
}

export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
