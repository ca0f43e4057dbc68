import { describe, expect, it } from 'vitest';
import { isRetryable } from '../../src/scheduler/retry.ts';

describe('which chat failures are retried', () => {
  it.each([
    ['429 rate limit', { statusCode: 429 }, true],
    ['503 from the API', { status: 503 }, true],
    ['axios-style 502', { response: { status: 502 } }, true],
    ['timeout without a status', Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' }), true],
    ['408 request timeout', { statusCode: 408 }, true],
    ['404 unknown channel', { statusCode: 404 }, false],
    ['403 not allowed', { response: { status: 403 } }, false],
    ['Slack platform error', { code: 'slack_webapi_platform_error' }, false],
    ['explicit flag wins', { statusCode: 500, retryable: false }, false],
  ])('%s', (_, err, expected) => {
    expect(isRetryable(err)).toBe(expected);
  });
});
