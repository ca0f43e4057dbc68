// Is this failure the database being unreachable, overloaded or too slow (as opposed to a bug)?
// Then the person is told to try again in a moment, not that something broke.
const CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|P1001|P1002|P1008|P1017|P2024|P2028|57P01|57P02|57P03|57014|53300|08\w{3})$/;
const TEXT = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Unable to start a transaction|Transaction already closed|Query read timeout|canceling statement due to statement timeout|too many clients|the database system is (starting up|shutting down)|Can't reach database/i;

export function unavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown };
  for (const c of [e.code, e.originalCode]) if (typeof c === 'string' && CODES.test(c)) return true;
  if (typeof e.message === 'string' && TEXT.test(e.message)) return true;
  if (e.kind === 'DatabaseNotReachable' || e.kind === 'SocketTimeout' || e.kind === 'TransactionAlreadyClosed') return true;
  return unavailable(e.cause, depth + 1) || unavailable(e.meta, depth + 1) || unavailable((e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1);
}
