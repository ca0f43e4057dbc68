#!/usr/bin/env node
// The CRM runs from its TypeScript sources, with no build step between clone and start. Transpiling
// them through tsx at every start cost about a second, so the first start bundles them (esbuild,
// installed with tsx) into node_modules/.cache/crm/<fingerprint>/ and later starts load that bundle.
// The fingerprint covers every file under src/ (path, size, mtime) and package-lock.json, so an
// edited source or a new install builds afresh. If building is impossible (read-only install,
// esbuild missing) or CRM_FROM_SOURCE=1, the sources run through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'src/cli/main.ts');

function fingerprint() {
  const h = createHash('sha1');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(root, 'src'));
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(lock)) h.update(`lock\0${statSync(lock).mtimeMs}`);
  h.update(process.version);
  return h.digest('hex').slice(0, 16);
}

async function bundle() {
  const cache = path.join(root, 'node_modules/.cache/crm');
  const dir = path.join(cache, fingerprint());
  const main = path.join(dir, 'main.js');
  if (existsSync(main)) return main;
  const { build } = await import('esbuild');
  const tmp = `${dir}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    bundle: true,
    // Lazily imported modules (subcommands, doors) stay separate chunks, loaded only when used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outdir: tmp,
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process built the same fingerprint first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
  }
  // Older builds go after a day, never at once: a running process may still load chunks from its own.
  const now = Date.now();
  for (const old of readdirSync(cache)) {
    const p = path.join(cache, old);
    if (p !== dir && now - statSync(p).mtimeMs > 86_400_000) rmSync(p, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  utimesSync(dir, new Date(), new Date());
  return main;
}

let target;
if (process.env.CRM_FROM_SOURCE !== '1') {
  try {
    target = await bundle();
  } catch (err) {
    if (process.env.CRM_DEBUG_BUILD) process.stderr.write(`crm: running from source (${err.message})\n`);
  }
}
if (target) {
  await import(pathToFileURL(target).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
