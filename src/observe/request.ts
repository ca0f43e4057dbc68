// The request a log line belongs to. Set where a request enters (the HTTP server, a Socket Mode
// envelope, a long-connection event), filled in as the handler learns who asks and what; the logger
// stamps every line written inside it, so a request's lines can be found by its id.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestFacts {
  requestId: string;
  door?: string;
  user?: string;
  intent?: string;
}

const store = new AsyncLocalStorage<RequestFacts>();

/** A short id a person can read out or paste: 12 hex characters. */
export const newRequestId = () => randomUUID().replace(/-/g, '').slice(0, 12);

export function withRequest<T>(facts: Partial<RequestFacts>, fn: () => T): T {
  const outer = store.getStore();
  // A request inside a request (a door calling the handler) keeps the outer id and adds to it.
  if (outer) {
    Object.assign(outer, Object.fromEntries(Object.entries(facts).filter(([k, v]) => v !== undefined && k !== 'requestId')));
    return fn();
  }
  return store.run({ requestId: facts.requestId ?? newRequestId(), ...facts } as RequestFacts, fn);
}

export function currentRequest(): RequestFacts | undefined {
  return store.getStore();
}

export function noteRequest(facts: Partial<Omit<RequestFacts, 'requestId'>>): void {
  const s = store.getStore();
  if (s) Object.assign(s, facts);
}
