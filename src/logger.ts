import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs for machines; pretty ones when a person watches a terminal and pino-pretty is installed. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  if (destination) return pino({ level }, destination);
  const pretty = process.stderr.isTTY && !process.env.CI;
  if (pretty) {
    try {
      return pino({ level, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
    } catch {
      // pino-pretty is a dev tool; production installs log JSON.
    }
  }
  return pino({ level }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
