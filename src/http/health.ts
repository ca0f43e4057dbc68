// /healthz: the process answers. /readyz: the database answers and every migration this build
// ships is applied, so a load balancer sends traffic only to a replica that can serve it.
import type { Database } from '../domain/db/database.ts';
import { pendingMigrations } from '../domain/db/migrate.ts';
import { registry } from '../observe/metrics.ts';
import { send, sendJson, type HttpServer } from './server.ts';

export function serveOperations(http: HttpServer, db: Database, readyTimeoutMs = 2_000): void {
  http.route('GET', '/healthz', (_req, res) => send(res, 200, 'ok'));
  http.route('GET', '/readyz', async (_req, res) => {
    const check = (async () => {
      const pending = await pendingMigrations(db.raw);
      return pending.length ? { ok: false, reason: `migrations not applied: ${pending.join(', ')}` } : { ok: true };
    })();
    const timeout = new Promise<{ ok: false; reason: string }>((r) => setTimeout(() => r({ ok: false, reason: 'database did not answer in time' }), readyTimeoutMs).unref());
    const verdict = await Promise.race([check, timeout]).catch((err: Error) => ({ ok: false, reason: `database unreachable: ${err.message.slice(0, 200)}` }));
    sendJson(res, verdict.ok ? 200 : 503, verdict.ok ? { status: 'ready' } : { status: 'not ready', reason: (verdict as { reason: string }).reason });
  });
  http.route('GET', '/metrics', async (_req, res) => {
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(text);
  });
}
