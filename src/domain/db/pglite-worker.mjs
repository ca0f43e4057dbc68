// The embedded engine's own thread (see pglite-thread.ts): PGlite runs its WebAssembly here, so a
// statement's run, however long, never holds up the event loop that answers Slack and Feishu.
// Plain JavaScript on purpose: a worker is loaded by Node itself, with neither tsx nor the bundle
// bin/crm.js builds in front of it.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { PGlite, messages } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

// When this thread and the one that acks want the same core, the acks go first: on Linux a thread's
// nice value is its own (/proc/thread-self names its id). Elsewhere this is skipped.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: equal priority, as before
}

/** @type {PGlite | undefined} */
let db;
/** Open transactions by the id the main thread gave them: PGlite's transaction object and how to end it. */
const open = new Map();
/** Rejects a transaction's callback so PGlite rolls it back; never reported as the command's error. */
const ABANDONED = Symbol('rolled back by the main thread');

const same = (text) => text;

/**
 * Values of the types the main thread parses itself stay text here: its parsers are functions,
 * which cannot be posted, so it sends their type oids and applies them to what comes back.
 */
function options(o) {
  if (!o) return undefined;
  const { keepText, ...rest } = o;
  return keepText?.length ? { ...rest, parsers: Object.fromEntries(keepText.map((oid) => [oid, same])) } : rest;
}

function target(m) {
  if (m.tx === undefined) return db;
  const t = open.get(m.tx);
  if (!t) throw new Error('Transaction is closed');
  return t.tx;
}

async function run(m) {
  switch (m.op) {
    case 'open':
      // pg_trgm ships with PGlite as an extension; the migrations create it (fuzzy customer find).
      db = new PGlite({ ...(m.dataDir ? { dataDir: m.dataDir } : {}), extensions: { pg_trgm } });
      await db.waitReady;
      return null;
    case 'query':
      return target(m).query(m.sql, m.params, options(m.options));
    case 'exec':
      return target(m).exec(m.sql, options(m.options));
    case 'begin':
      return new Promise((begun, failed) => {
        const t = { tx: undefined, commit: undefined, abandon: undefined, rollingBack: undefined, done: undefined };
        t.done = db.transaction((tx) => {
          t.tx = tx;
          begun(null);
          return new Promise((resolve, reject) => {
            t.commit = resolve;
            t.abandon = () => reject(ABANDONED);
          });
        });
        // Before the callback ran (BEGIN failed) this fails 'begin'; after, 'end' reports it.
        t.done.catch(failed);
        open.set(m.tx, t);
      });
    case 'rollback': {
      const t = open.get(m.tx);
      if (!t) throw new Error('Transaction is closed');
      t.rollingBack = t.tx.rollback();
      return t.rollingBack;
    }
    case 'end': {
      const t = open.get(m.tx);
      if (!t) return null;
      open.delete(m.tx);
      // The adapter's rollback() does not wait for its ROLLBACK before ending the transaction.
      await t.rollingBack?.catch(() => undefined);
      if (m.commit) t.commit(null);
      else t.abandon();
      try {
        await t.done;
      } catch (err) {
        if (err !== ABANDONED) throw err;
      }
      return null;
    }
    case 'close':
      await db?.close();
      return null;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

/** What of an error can cross to the main thread: its class (database or not) and its plain fields. */
function wire(err) {
  const fields = {};
  if (err && typeof err === 'object') {
    for (const [k, v] of Object.entries(err)) {
      if (v === undefined || v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v)) fields[k] = v;
    }
  }
  return {
    database: err instanceof messages.DatabaseError,
    name: err?.name,
    message: err?.message ?? String(err),
    stack: err?.stack,
    fields,
  };
}

parentPort.on('message', (m) => {
  run(m)
    .then((result) => parentPort.postMessage({ id: m.id, result }))
    .catch((err) => parentPort.postMessage({ id: m.id, error: wire(err) }));
});
