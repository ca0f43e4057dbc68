// Prisma's CLI needs a native schema-engine binary it cannot download here, so migration
// authoring and the drift check drive the WASM build of the same engine over PGlite instead.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const require = createRequire(import.meta.url);
export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let loaded: Promise<{ SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } }> | undefined;

function loadWasm() {
  loaded ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(bgPath);
    const bytes = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const module = new WebAssembly.Module(bytes);
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return loaded;
}

function toAdapterError(error: unknown) {
  const e = error as { cause?: unknown; code?: string; message?: string; detail?: string; hint?: string };
  if (e && typeof e === 'object' && e.cause && typeof e.cause === 'object' && 'kind' in e.cause) return e.cause;
  return { kind: 'postgres', code: e?.code ?? 'XX000', severity: 'ERROR', message: e?.message ?? String(error), detail: e?.detail, hint: e?.hint };
}

// The shadow database the engine replays migrations into needs the extensions they create.
class PGliteWithExtensions extends PrismaPGlite {
  override connectToShadowDb() {
    return new PrismaPGlite(new PGlite({ dataDir: 'memory://shadow', extensions: { pg_trgm } })).connect();
  }
}

const returnsAdapter = new Set(['connect', 'connectToShadowDb', 'startTransaction']);

// The engine calls methods unbound and wants {ok, value} / {ok, error} results.
function resultProxy<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      const wrapResult = (v: unknown) => (returnsAdapter.has(String(prop)) && v && typeof v === 'object' ? resultProxy(v as object) : v);
      return (...args: unknown[]) => {
        try {
          const r = value.apply(obj, args);
          if (r && typeof r.then === 'function') {
            return r.then((v: unknown) => ({ ok: true, value: wrapResult(v) }), (err: unknown) => ({ ok: false, error: toAdapterError(err) }));
          }
          return { ok: true, value: wrapResult(r) };
        } catch (err) {
          return { ok: false, error: toAdapterError(err) };
        }
      };
    },
  });
}

export function readMigrationList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** SQL that takes a database built by the committed migrations to what schema.prisma declares ('' when they agree). */
export async function migrationsToSchemaSql(): Promise<string> {
  const { SchemaEngine } = await loadWasm();
  const schema = readFileSync(schemaPath, 'utf8');
  const db = new PGlite({ extensions: { pg_trgm } });
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => logs.push(line),
    resultProxy(new PGliteWithExtensions(db)),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrationList() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? '';
    return /^\s*-- This is an empty migration\.\s*$/.test(sql) ? '' : sql.trim();
  } finally {
    engine.free();
    await db.close();
  }
}
