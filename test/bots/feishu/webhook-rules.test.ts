// Feishu's webhook rules, on the pure check: which requests are answered, which refused and why.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { feishuSignature, sameSecret } from '../../../src/bots/feishu/crypto.ts';
import type { FeishuDoor } from '../../../src/bots/feishu/door.ts';
import { checkAndRoute } from '../../../src/bots/feishu/webhook.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { encrypt } from '../../http/world.ts';

const TOKEN = 'verify-token';
const KEY = 'encrypt-key';
const NOW = 1_800_000_000_000;
const dispatched: string[] = [];
const door = { onMessage: async () => void dispatched.push('message'), onMenu: async () => undefined, onCardAction: async () => ({}) } as unknown as FeishuDoor;
const o = { door, verificationToken: TOKEN, encryptKey: KEY, log: silentLogger, now: () => NOW };

const sealed = (body: object, key = KEY) => Buffer.from(JSON.stringify({ encrypt: encrypt(key, JSON.stringify(body)) }));
function signed(raw: Buffer, ts = String(NOW / 1000)) {
  const nonce = randomBytes(4).toString('hex');
  return { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': feishuSignature(ts, nonce, KEY, raw) };
}
const challenge = (token = TOKEN) => ({ challenge: 'c-1', token, type: 'url_verification' });

describe('the url_verification challenge', () => {
  it('a genuine one (decrypts with our key, carries our token) is answered with or without signature headers', () => {
    const raw = sealed(challenge());
    expect(checkAndRoute(o, raw, {})).toMatchObject({ status: 200, body: { challenge: 'c-1' } });
    expect(checkAndRoute(o, raw, signed(raw))).toMatchObject({ status: 200, body: { challenge: 'c-1' } });
  });

  it('anything else is refused: wrong token, another key, plaintext while a key is set', () => {
    expect(checkAndRoute(o, sealed(challenge('nope')), {}).status).toBe(401);
    expect(checkAndRoute(o, sealed(challenge(), 'another-key'), {}).status).toBe(401);
    expect(checkAndRoute(o, Buffer.from(JSON.stringify(challenge())), {}).status).toBe(401);
  });
});

describe('events', () => {
  const event = { schema: '2.0', header: { event_id: 'e1', event_type: 'im.message.receive_v1', token: TOKEN }, event: {} };
  it('need a valid signature and a numeric, fresh timestamp', () => {
    const raw = sealed(event);
    expect(checkAndRoute(o, raw, signed(raw)).status).toBe(200);
    expect(checkAndRoute(o, raw, {}).status).toBe(401);
    for (const ts of ['abc', 'NaN', '1.8e9', '']) expect(checkAndRoute(o, raw, signed(raw, ts))).toMatchObject({ status: 401 });
    expect(checkAndRoute(o, raw, signed(raw, String(NOW / 1000 - 301)))).toMatchObject({ status: 401, reason: 'stale timestamp' });
    expect(checkAndRoute(o, sealed({ ...event, header: { ...event.header, token: 'verify-tokeN' } }), signed(sealed(event))).status).toBe(401);
  });

  it('tokens are compared whole', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    for (const other of ['', 'verify-toke', 'verify-tokenx', 'Verify-token']) expect(sameSecret(other, TOKEN)).toBe(false);
  });
});

describe('configuration', () => {
  it('webhook mode does not start without an Encrypt Key (or token), and says which', () => {
    const base = { FEISHU_APP_ID: 'cli', FEISHU_APP_SECRET: 's', FEISHU_MODE: 'webhook' };
    expect(() => loadConfig({ ...base, FEISHU_VERIFICATION_TOKEN: 't' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, FEISHU_VERIFICATION_TOKEN: 't' })).toThrow(/FEISHU_ENCRYPT_KEY/);
    expect(() => loadConfig({ ...base, FEISHU_ENCRYPT_KEY: 'k' })).toThrow(/FEISHU_VERIFICATION_TOKEN/);
    expect(() => loadConfig({ ...base, FEISHU_ENCRYPT_KEY: 'k', FEISHU_VERIFICATION_TOKEN: 't' })).not.toThrow();
    // Long connection needs neither: the SDK's socket is authenticated with the app secret.
    expect(() => loadConfig({ ...base, FEISHU_MODE: 'ws' })).not.toThrow();
  });
});
