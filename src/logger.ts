import pino, { type Logger } from 'pino';
import { currentRequest } from './observe/request.ts';
import { REDACT_PATHS, scrub, serializeError } from './observe/redact.ts';

export type { Logger };

function options(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    // Every line written while a request is handled says which request, door, user and intent.
    mixin: () => {
      const r = currentRequest();
      return r ? { requestId: r.requestId, door: r.door, user: r.user, intent: r.intent } : {};
    },
  };
}

/** JSON logs for machines; pretty ones when a person watches a terminal and pino-pretty is installed. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  if (destination) return pino(options(level), destination);
  const pretty = process.stderr.isTTY && !process.env.CI;
  if (pretty) {
    try {
      return pino({ ...options(level), transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
    } catch {
      // pino-pretty is a dev tool; production installs log JSON.
    }
  }
  return pino(options(level), pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });

/** The SDKs' own loggers, routed into ours so their errors are reduced the same way. */
export function sdkLogger(log: Logger, name: string) {
  const child = log.child({ sdk: name });
  const line = (level: 'error' | 'warn' | 'info') => (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error || (a && typeof a === 'object' && 'config' in a));
    // An SDK line may quote the request ("http request body: …", headers): keep only what precedes that.
    const words = scrub(args.filter((a) => typeof a === 'string' || typeof a === 'number').join(' ')).split(/\b(?:body|headers?|payload|data)\b/i)[0]!;
    child[level](err ? { err } : {}, words.slice(0, 300));
  };
  // SDK debug and trace lines are request and response dumps: never logged.
  const none = () => undefined;
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: none, trace: none };
}
