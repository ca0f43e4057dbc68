// The embedded engine's intake: an append-only journal in the data folder (crm-intake/), written
// and fsynced on libuv's threads, so storing a request before its ack never waits for PGlite, whose
// one connection is held by whichever command transaction runs. One process owns a PGlite folder,
// so the journal needs no leases: what this process takes it holds until the command ends; what a
// killed process left is replayed at start.
//
// A line is a request taken (`T`, with the invocation) or dropped (`D`: the person was told nothing
// changed). A request is done when its delivery key is in ProcessedDelivery, which its command's
// transaction writes: that is what replay checks, so a finished command needs no line of its own.
// Segments rotate; one whose requests have all ended is deleted, so the folder stays small.
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DoorName } from '../context.ts';
import type { Database } from '../db/database.ts';
import type { IntakeStore, Taken } from './store.ts';

const SEGMENT_LINES = 2_000;
/** Older than delivery keys are kept (24 h): a replay could no longer tell whether it was done. */
const STALE_MS = 24 * 3_600_000;

interface Segment {
  file?: string;
  lines: number;
  open: number;
  handle?: Promise<FileHandle>;
}

interface Live {
  segment: Segment;
  invocation: string;
  attempts: number;
  at: number;
  /** Resumed here and not finished: tried again after `retryAt`. */
  retryAt?: number;
  running: boolean;
}

export function journalIntake(db: Database, leaseMs: number): IntakeStore {
  const dir = db.dataDir ? path.join(db.dataDir, 'crm-intake') : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const left = dir ? readdirSync(dir).filter((f) => f.endsWith('.log')).sort() : [];
  const live = new Map<string, Live>();
  let serial = 0;
  const stamp = Date.now();
  const fresh = (): Segment => ({ file: dir && path.join(dir, `intake-${stamp}-${String(++serial).padStart(6, '0')}.log`), lines: 0, open: 0 });
  let current = fresh();
  let replayed = false;

  // Group commit: lines arriving while a write is under way go out together, one fsync for all.
  let pending: Array<{ line: string; segment: Segment; done: (err?: unknown) => void }> = [];
  let writing = false;
  const flush = async () => {
    if (writing) return;
    writing = true;
    try {
      while (pending.length) {
        const batch = pending;
        pending = [];
        const bySegment = new Map<Segment, typeof batch>();
        for (const p of batch) bySegment.set(p.segment, [...(bySegment.get(p.segment) ?? []), p]);
        for (const [segment, items] of bySegment) {
          try {
            if (segment.file) {
              const fh = await (segment.handle ??= open(segment.file, 'a'));
              await fh.appendFile(items.map((i) => i.line).join(''));
              await fh.datasync();
            }
            items.forEach((i) => i.done());
          } catch (err) {
            items.forEach((i) => i.done(err));
          }
        }
      }
    } finally {
      writing = false;
    }
  };
  const append = (segment: Segment, line: string) =>
    new Promise<void>((resolve, reject) => {
      segment.lines++;
      pending.push({ line: line + '\n', segment, done: (err) => (err ? reject(err) : resolve()) });
      void flush();
    });

  const close = (segment: Segment) => {
    if (segment === current || segment.open > 0) return;
    const file = segment.file;
    const handle = segment.handle;
    segment.handle = undefined;
    void (async () => {
      await (await handle?.catch(() => undefined))?.close().catch(() => undefined);
      if (file) unlinkSync(file);
    })().catch(() => undefined);
  };

  async function record(key: string, invocation: string, attempts: number, at: number): Promise<void> {
    if (current.lines >= SEGMENT_LINES) {
      const full = current;
      current = fresh();
      close(full);
    }
    const segment = current;
    segment.open++;
    live.set(key, { segment, invocation, attempts, at, running: true });
    try {
      await append(segment, `T ${JSON.stringify({ key, invocation, attempts, at })}`);
    } catch (err) {
      live.delete(key);
      segment.open--;
      throw err;
    }
  }

  function end(key: string): Live | undefined {
    const held = live.get(key);
    if (!held) return undefined;
    live.delete(key);
    held.segment.open--;
    return held;
  }

  /** Requests a killed process took and never finished, moved into this process's journal. */
  async function replay(maxAttempts: number): Promise<Taken[]> {
    const taken = new Map<string, { invocation: string; attempts: number; at: number }>();
    for (const f of left) {
      for (const line of readFileSync(path.join(dir!, f), 'utf8').split('\n')) {
        try {
          if (line.startsWith('T ')) {
            const r = JSON.parse(line.slice(2)) as { key: string; invocation: string; attempts: number; at: number };
            taken.set(r.key, r);
          } else if (line.startsWith('D ')) taken.delete(line.slice(2));
        } catch {
          // A line cut short by the kill was never fsynced, so never acknowledged: nothing to resume.
        }
      }
    }
    const out: Taken[] = [];
    for (const [key, r] of taken) {
      if (Date.now() - r.at > STALE_MS || r.attempts >= maxAttempts || live.has(key)) continue;
      const [done] = await db.raw.query(`SELECT 1 FROM "ProcessedDelivery" WHERE "key" = $1`, [key]);
      if (done) continue;
      await record(key, r.invocation, r.attempts + 1, r.at);
      out.push({ key, invocation: r.invocation, attempts: r.attempts + 1 });
    }
    // Everything still owed now lives in this process's segment; the old ones can go.
    for (const f of left) unlinkSync(path.join(dir!, f));
    return out;
  }

  return {
    async take(key, _door: DoorName, invocation) {
      if (live.has(key)) return false;
      await record(key, invocation, 1, Date.now());
      return true;
    },
    async forget(key, committed) {
      const held = end(key);
      if (!held) return;
      if (!committed) await append(held.segment, `D ${key}`).catch(() => undefined);
      close(held.segment);
    },
    async due(_limit, maxAttempts) {
      if (!replayed) {
        replayed = true;
        if (left.length) return replay(maxAttempts);
      }
      // A request resumed here that did not finish (busy, database trouble) is tried again later.
      const now = Date.now();
      const out: Taken[] = [];
      for (const [key, held] of live) {
        if (held.running || held.retryAt === undefined || held.retryAt > now) continue;
        if (held.attempts >= maxAttempts) {
          end(key);
          close(held.segment);
          continue;
        }
        held.attempts++;
        held.running = true;
        out.push({ key, invocation: held.invocation, attempts: held.attempts });
      }
      return out;
    },
    async prune() {
      return 0;
    },
    unfinished(key: string) {
      const held = live.get(key);
      if (held) {
        held.running = false;
        held.retryAt = Date.now() + leaseMs;
      }
    },
  };
}
