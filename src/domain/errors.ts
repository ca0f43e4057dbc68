/** Stable codes the chat layer turns into messages in the user's language. */
export type DomainErrorCode = 'not_found' | 'ambiguous' | 'forbidden' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** A finer reason for the catalog, e.g. 'quote.own_quote' or 'task.already_claimed'. */
    readonly reason: string,
    /** Values the message needs (names, ids, candidates); never platform objects. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${reason}${Object.keys(details).length ? ' ' + JSON.stringify(details, bigintSafe) : ''}`);
    this.name = 'DomainError';
  }
}

function bigintSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

export const notFound = (reason: string, details?: Record<string, unknown>) => new DomainError('not_found', reason, details);
export const forbidden = (reason: string, details?: Record<string, unknown>) => new DomainError('forbidden', reason, details);
export const conflict = (reason: string, details?: Record<string, unknown>) => new DomainError('conflict', reason, details);
export const invalid = (reason: string, details?: Record<string, unknown>) => new DomainError('invalid', reason, details);
export const ambiguous = (reason: string, details?: Record<string, unknown>) => new DomainError('ambiguous', reason, details);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
