// With several commands in flight on PostgreSQL, each statement's answer resumes its command
// synchronously (Prisma, the domain, rendering). Handed back all at once, those continuations ran
// back to back before the event loop looked at its sockets again, so an HTTP request waiting for
// its ack waited behind every one of them. Through takingTurns, at most one runs per loop turn.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { takingTurns } from '../../src/domain/db/result-turns.ts';

/** A driver client whose every query has already been answered (the answers arrived together). */
class Answered {
  query(text: string, cb?: (err: unknown, res?: unknown) => void): unknown {
    const res = { rows: [text] };
    if (text === 'fail') {
      if (cb) return void cb(new Error('refused'));
      return Promise.reject(new Error('refused'));
    }
    if (cb) return void cb(undefined, res);
    return Promise.resolve(res);
  }
}
const Client = takingTurns(Answered as unknown as new () => pg.Client) as unknown as new () => Answered;

/** CPU work standing for a command's continuation after its statement (no timer, no sleep). */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

it('a request that arrived while commands were waiting for their answers is served between them, not after them all', async () => {
  const order: string[] = [];
  const server = createServer((_req, res) => {
    order.push('request');
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const answered = new Promise<void>((resolve) => {
      const req = request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST' }, (res) => res.resume().on('end', resolve));
      req.end('event');
    });
    const client = new Client();
    const commands = [1, 2, 3, 4, 5].map((n) =>
      (client.query(`SELECT ${n}`) as Promise<unknown>).then(() => {
        busy(25);
        order.push(`command ${n}`);
      }),
    );
    await Promise.all([...commands, answered]);
    expect(order.length).toBe(6);
    expect(order.indexOf('request')).toBeLessThan(order.indexOf('command 5'));
  } finally {
    server.close();
  }
});

it('delivers every answer and every refusal, promise or callback, each form in the order they came', async () => {
  const client = new Client();
  const promised: string[] = [];
  await Promise.all(
    ['a', 'fail', 'c'].map((text) =>
      (client.query(text) as Promise<{ rows: string[] }>).then(
        (r) => promised.push(r.rows[0]!),
        (e: Error) => promised.push(e.message),
      ),
    ),
  );
  expect(promised).toEqual(['a', 'refused', 'c']);
  const called: string[] = [];
  await new Promise<void>((resolve) =>
    ['b', 'fail', 'd'].forEach((text, i) =>
      client.query(text, (err, res) => {
        called.push(err ? (err as Error).message : (res as { rows: string[] }).rows[0]!);
        if (i === 2) resolve();
      }),
    ),
  );
  expect(called).toEqual(['b', 'refused', 'd']);
});
