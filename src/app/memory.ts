// V8 settings `crm start` applies to itself before it loads the database client: a long-running
// replica trades a little CPU for a footprint that stays flat under load (bench/memory-ab.ts compares variants side by side).
// - --heap-growing-percent: V8 otherwise lets the old generation grow up to 4x its live size under
//   allocation pressure before a full GC (old space 35 -> 174 MB after 900 /log at 100 concurrent,
//   with ~50 MB live); 20 % keeps it near 55 MB and RSS flat across batches.
// - --liftoff-only (PostgreSQL only): Prisma's query compiler is a 3.4 MB WebAssembly module whose
//   optimized (TurboFan) code cost ~40 MB of RSS; its plans are cached (1,000 shapes), so the
//   baseline tier is enough. Not on PGlite, whose whole database engine is WebAssembly.
// CRM_V8_FLAGS replaces these (an empty value applies none). Flags that size the heap at process
// start (--max-semi-space-size, --max-old-space-size) only work on node's command line or in
// NODE_OPTIONS; README.md "Memory" lists them.
import v8 from 'node:v8';

export function memoryFlags(engine: 'postgres' | 'pglite', env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.CRM_V8_FLAGS !== undefined) return env.CRM_V8_FLAGS.split(/\s+/).filter(Boolean);
  return engine === 'postgres' ? ['--heap-growing-percent=20', '--liftoff-only'] : ['--heap-growing-percent=20'];
}

export function applyMemoryFlags(engine: 'postgres' | 'pglite', env: NodeJS.ProcessEnv = process.env): string[] {
  const flags = memoryFlags(engine, env);
  for (const f of flags) v8.setFlagsFromString(f);
  return flags;
}
