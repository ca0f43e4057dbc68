// Reading a request body without trusting the client: a declared length over the limit is refused
// before a byte is read, a body that grows past it is refused at that chunk, and a client that goes
// away mid-body (abort, reset) is a rejected promise the caller handles, never an unhandled one.
import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly reason: 'too large' | 'aborted',
  ) {
    super(reason);
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyError(413, 'too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: BodyError) => {
      if (done) return;
      done = true;
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted).off('close', onClose);
      if (err) {
        // Keep the stream quiet: the rest is not read (the connection is closed after the answer).
        req.pause();
        reject(err);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) return finish(new BodyError(413, 'too large'));
      chunks.push(c);
    };
    const onEnd = () => finish();
    const onError = () => finish(new BodyError(400, 'aborted'));
    const onAborted = onError;
    const onClose = () => {
      if (!req.complete) finish(new BodyError(400, 'aborted'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted).on('close', onClose);
  });
}
