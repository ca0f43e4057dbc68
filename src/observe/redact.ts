// What may reach a log. SDK and HTTP errors carry their whole request: axios keeps `config.data`
// (the app secret of a token fetch, the message being sent) and `config.headers` (Authorization:
// Bearer …). Errors are reduced to message, code and status; known secret fields are censored
// wherever an object is logged; token shapes are masked inside any message text.

/** pino `redact` paths: fields that are secret or carry people's words, at any of the first levels. */
const FIELDS = ['token', 'accessToken', 'access_token', 'tenant_access_token', 'app_access_token', 'secret', 'appSecret', 'app_secret', 'signingSecret', 'signature', 'authorization', 'Authorization', 'cookie', 'encrypt', 'encryptKey', 'password', 'body', 'rawBody', 'data', 'text', 'blocks', 'content'];
export const REDACT_PATHS = [...FIELDS, ...FIELDS.map((f) => `*.${f}`), ...['authorization', 'x-slack-signature', 'x-lark-signature', 'cookie'].map((h) => `*.headers["${h}"]`)];

const TOKEN_SHAPES = [
  /\b(Bearer|Basic)\s+[\w.~+/=-]{4,}/gi,
  /\bxox[a-z]-[\w-]+/gi, // Slack bot, user and app tokens
  /\bxapp-[\w-]+/gi,
  /\b[tu]-[\w-]{16,}/g, // Feishu tenant and user access tokens
];

export function scrub(text: string): string {
  return TOKEN_SHAPES.reduce((s, re) => s.replace(re, (m) => m.split(/[\s-]/)[0] + ' [redacted]'), text);
}

type AnyError = Error & {
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  response?: { status?: unknown; data?: { code?: unknown; msg?: unknown } };
  data?: { error?: unknown };
  cause?: unknown;
  original?: unknown;
  config?: unknown;
  request?: unknown;
};

/** An error as it may be logged: what happened, never the request that carried it. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object') return typeof err === 'string' ? scrub(err) : err;
  const e = err as AnyError;
  const http = Boolean(e.config || e.request || e.response || e.original || (e.data && typeof e.data === 'object'));
  const out: Record<string, unknown> = { type: e.name ?? e.constructor?.name, message: scrub(String(e.message ?? '')).slice(0, 1_000) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  const status = e.response?.status ?? e.status ?? e.statusCode;
  if (typeof status === 'number') out.status = status;
  // The platform's own error code (Feishu `code`, Slack `error`) says what went wrong and holds no secret.
  const platform = e.response?.data?.code ?? e.data?.error;
  if (typeof platform === 'string' || typeof platform === 'number') out.platformCode = platform;
  if (!http && typeof e.stack === 'string') out.stack = scrub(e.stack);
  const inner = e.cause ?? e.original;
  if (inner && depth < 3) out.cause = serializeError(inner, depth + 1);
  return out;
}
