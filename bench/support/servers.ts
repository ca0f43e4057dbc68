// Servers under test as child processes of the load generator: our `crm start` (the real entry,
// bin/crm.js) and the bare SDK baselines (bench/servers/*.mjs). The generator reads each child's
// CPU time and RSS from /proc, so the figures are the server's own, never the client's.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export type Engine = 'postgres' | 'pglite';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A place for one engine's data: a fresh PostgreSQL database or a fresh PGlite directory. */
export async function freshStore(engine: Engine): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-bench-'));
    return { env: { CRM_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `crm_bench_${randomBytes(4).toString('hex')}`;
  const sql = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await sql(`CREATE DATABASE "${name}"`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  return { env: { DATABASE_URL: url }, drop: () => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The parent's environment without anything that would point a child at another store or platform. */
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(DATABASE_URL|CRM_|SLACK_|FEISHU_|PORT$|NODE_OPTIONS$)/.test(k)) out[k] = v;
  return out;
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  port: number;
  /** CPU time (user + system) the process has used so far, ms. */
  cpuMs(): number;
  rssMb(): number;
  stop(): Promise<void>;
}

const TICK_MS = 10; // getconf CLK_TCK is 100 on Linux

function wrap(proc: ChildProcess, port: number): Child {
  // Both pipes are always read: a server whose log fills an unread pipe blocks on its next write.
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString('utf8')).slice(-4000));
  proc.stderr?.on('data', keep);
  proc.stdout?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    proc,
    pid: proc.pid!,
    port,
    cpuMs() {
      const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime (fields 14, 15)
    },
    rssMb() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      // --cpu-prof writes its profile only on a normal exit: a server killed hard leaves none, so a
      // profiled one gets longer to stop, and a kill is said out loud rather than a profile missing silently.
      const grace = process.env.BENCH_CPU_PROF ? 60_000 : 15_000;
      const t = setTimeout(() => {
        if (process.env.BENCH_CPU_PROF) process.stderr.write(`server ${proc.pid} did not stop within ${grace} ms: killed, so it leaves no .cpuprofile\n`);
        proc.kill('SIGKILL');
      }, grace);
      await exited;
      clearTimeout(t);
    },
    toString: () => output,
  } as Child;
}

/** Waits until GET url answers `status` (polling every few ms); returns ms since `since`. A first PGlite start (initdb + migrations) took 49 s on a machine at load 25, hence the generous bound. */
export async function waitFor(url: string, since: number, proc: ChildProcess, status = 200, limitMs = 180_000): Promise<number> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === status) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > limitMs) throw new Error(`${url} did not answer ${status} within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Extra node flags for server children: BENCH_CPU_PROF=<dir> writes a .cpuprofile per server on exit. */
function nodeFlags(label: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`] : [];
}

/** `crm start` exactly as an operator runs it; resolves once /readyz answers 200. */
export async function startCrm(env: Record<string, string>, label = 'crm'): Promise<Child & { readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...nodeFlags(label), path.join(root, 'bin/crm.js'), 'start'], {
    cwd: root,
    env: { ...cleanEnv(), LOG_LEVEL: 'warn', CRM_DEFAULT_TZ: 'Asia/Shanghai', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = wrap(proc, port);
  try {
    const readyMs = await waitFor(`http://127.0.0.1:${port}/readyz`, t0, proc);
    return Object.assign(child, { readyMs });
  } catch (e) {
    await child.stop();
    throw new Error(`${(e as Error).message}\n${String(child)}`);
  }
}

/** A baseline server from bench/servers/<file>; it listens on PORT and prints `ready` once up. */
export async function startBare(file: string, env: Record<string, string>): Promise<Child & { readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...nodeFlags(path.basename(file, '.mjs')), path.join(root, 'bench/servers', file)], {
    cwd: root,
    env: { ...cleanEnv(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('ready')) resolve(performance.now() - t0);
    });
    proc.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
  const child = wrap(proc, port);
  try {
    return Object.assign(child, { readyMs: await ready });
  } catch (e) {
    await child.stop();
    throw new Error(`${(e as Error).message}\n${String(child)}`);
  }
}
