import { Registry, collectDefaultMetrics } from 'prom-client';
export default async () => { const r = new Registry(); collectDefaultMetrics({ register: r }); await r.metrics(); (globalThis as any).reg = r; };
