// Which chat failures are worth another try. Rate limits, server errors and dropped or timed-out
// connections pass; a refusal that will not change (a 4xx such as an unknown channel, or Slack's
// platform errors like `channel_not_found`) is recorded once and not retried, so it cannot hold
// the run open.

interface ErrorShape {
  code?: unknown;
  name?: unknown;
  status?: unknown;
  statusCode?: unknown;
  response?: { status?: unknown };
  retryable?: unknown;
}

function httpStatus(e: ErrorShape): number | undefined {
  for (const v of [e.status, e.statusCode, e.response?.status]) {
    const n = Number(v);
    if (Number.isInteger(n) && n >= 100 && n < 600) return n;
  }
  return undefined;
}

export function isRetryable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return true;
  const e = err as ErrorShape;
  if (typeof e.retryable === 'boolean') return e.retryable;
  if (e.code === 'slack_webapi_platform_error') return false;
  const status = httpStatus(e);
  if (status === undefined) return true; // network drop, timeout, or an unknown failure: bounded retries are safe
  return status === 408 || status === 429 || status >= 500;
}
