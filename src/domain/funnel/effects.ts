// Hand-offs a command caused, collected while it runs so the handler can write their notices to the
// outbox in the same transaction as the status change (exactly once with it). The hourly rescoring
// sweep (src/scheduler/rescore.ts) collects its own the same way; a domain call made outside any
// collection (a script) records the hand-off row and owes no card.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface HandoffEvent {
  handoffId: number;
  customer: { id: number; code: string; name: string; tier: string };
  teamId: number;
  /** The owner the lead is offered to; null offers it to the team's channel (a pool lead). */
  ownerId: number | null;
  score: number;
  threshold: number;
  deadline: Date;
}

const store = new AsyncLocalStorage<HandoffEvent[]>();

/** Runs fn, returning what it returned and the hand-offs it caused. */
export async function collectHandoffs<T>(fn: () => Promise<T>): Promise<{ result: T; handoffs: HandoffEvent[] }> {
  const handoffs: HandoffEvent[] = [];
  const result = await store.run(handoffs, fn);
  return { result, handoffs };
}

export function noteHandoff(event: HandoffEvent): void {
  store.getStore()?.push(event);
}
