// What an operator graphs, in Prometheus' text format at GET /metrics (prom-client). One registry
// per process; every replica is scraped on its own.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
// Process and runtime: CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_*).
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

let poolReader: (() => { total: number; idle: number; waiting: number } | undefined) | undefined;

const latencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

export const metrics = {
  requests: new Counter({ name: 'crm_requests_total', help: 'Commands and clicks handled, by door, intent and outcome (ok, refused, invalid, duplicate, error)', labelNames: ['door', 'intent', 'outcome'] as const, registers: [registry] }),
  replySeconds: new Histogram({ name: 'crm_reply_seconds', help: 'Time from a request arriving to its answer being ready', labelNames: ['door'] as const, buckets: latencyBuckets, registers: [registry] }),
  ackSeconds: new Histogram({ name: 'crm_http_ack_seconds', help: 'Time from an HTTP request arriving to its response (the platform ack)', labelNames: ['door'] as const, buckets: latencyBuckets, registers: [registry] }),
  httpResponses: new Counter({ name: 'crm_http_responses_total', help: 'HTTP responses by door and status', labelNames: ['door', 'status'] as const, registers: [registry] }),
  sends: new Counter({ name: 'crm_outbound_sends_total', help: 'Messages sent to a chat platform, by platform and result (sent, failed, retried)', labelNames: ['platform', 'result'] as const, registers: [registry] }),
  digestRuns: new Counter({ name: 'crm_digest_runs_total', help: 'Scheduled job slots run, by job and result', labelNames: ['job', 'result'] as const, registers: [registry] }),
  poolReturns: new Counter({ name: 'crm_pool_returns_total', help: 'Customers returned to the pool by the sweep', registers: [registry] }),
  dbPool: new Gauge({
    name: 'crm_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = poolReader?.();
      if (!p) return;
      this.set({ state: 'total' }, p.total);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  }),
};

/** Reads the pool's numbers at scrape time; PGlite has no pool and reports none. */
export function watchDbPool(read: () => { total: number; idle: number; waiting: number } | undefined): void {
  poolReader = read;
}
