// Delivers what commands owe from their outbox rows, with the digest runner's rules: a bounded
// number of attempts, exponential backoff between them, a refusal that will not change recorded
// once (src/scheduler/retry.ts), and the same dedup key on every try. The replica that wrote a row
// sends it right after commit; the scheduler's sweep resumes rows whose sender died.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../domain/db/database.ts';
import { defer, lease, markFailed, markSent, markSentDirect, releaseLeases, renewLeases, type OutboxRow, decodeMessage } from '../domain/outbox/store.ts';
import { quietRuleFor, quietUntil } from '../domain/users/quiet.ts';
import { decideNotice, foldedHead, recipientOf } from '../domain/outbox/budget.ts';
import { foldedReply } from '../intents/render/notices.ts';
import type { Notifier, Outbox } from '../intents/delivery.ts';
import type { OutboundMessage } from '../intents/reply.ts';
import type { Logger } from '../logger.ts';
import { isRetryable } from './retry.ts';

export interface OutboxOptions {
  db: Database;
  notifier: Notifier;
  log: Logger;
  instanceId?: string;
  /** A row leased this long ago and not marked is another replica's to send. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Wait before retry n (1-based). */
  backoffMs?: (attempt: number) => number;
  /** The time quiet hours are judged at (tests move it). */
  now?: () => Date;
}

export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function createOutbox(o: OutboxOptions): Outbox & { sweep(): Promise<number>; release(): Promise<number>; idle(): Promise<void> } {
  const prisma = o.db.prisma;
  const instanceId = o.instanceId ?? instanceName();
  const leaseMs = o.leaseMs ?? 30_000;
  const maxAttempts = o.maxAttempts ?? 12;
  // 2 s, 4 s … capped at 5 minutes: twelve attempts span about 23 minutes of a platform outage.
  const backoff = o.backoffMs ?? ((n: number) => Math.min(5 * 60_000, 2000 * 2 ** (n - 1)));
  const sending = new Set<Promise<unknown>>();
  const now = o.now ?? (() => new Date());

  // An approval card in its approver's quiet hours waits until they end; an answer the person waits for does not.
  async function heldUntil(message: OutboundMessage): Promise<Date | null> {
    if (message.urgent || !('userId' in message.to)) return null;
    const rule = await quietRuleFor(prisma, message.to.userId);
    return rule ? quietUntil(now(), rule) : null;
  }

  async function send(rows: OutboxRow[]): Promise<number> {
    let sent = 0;
    // While this replica lives, the rows it holds stay its own, however long the sends take; if it
    // dies, the renewals stop and the lease runs out for another replica to take over.
    const left = new Set(rows.map((r) => r.id));
    const renew = setInterval(() => {
      void renewLeases(prisma, instanceId, [...left], leaseMs).catch((err) => o.log.warn({ err }, 'could not renew outbox leases'));
    }, Math.max(50, Math.floor(leaseMs / 3)));
    try {
      for (const row of rows) {
        sent += await sendOne(row);
        left.delete(row.id);
      }
    } finally {
      clearInterval(renew);
    }
    return sent;
  }

  // Shows a posted notice with what has been folded into it. Another replica may fold one more in
  // while this edit is on its way and its edit may land first: the last editor to look sees the
  // newest count, so the message ends showing them all.
  async function showFolded(headId: number, locale: string): Promise<void> {
    for (let round = 0; round < 3; round++) {
      const head = await foldedHead(prisma, headId);
      const reply = foldedReply(locale === 'zh-CN' ? 'zh-CN' : 'en', decodeMessage(head.message), head.folded.map((m) => decodeMessage<OutboundMessage>(m)));
      await o.notifier.update!(head.posted, reply);
      if ((await foldedHead(prisma, headId)).folded.length === head.folded.length) return;
    }
  }

  /** A notice to a person, through the budget (src/domain/outbox/budget.ts): posted, folded into an earlier one, or held. */
  async function sendNotice(row: OutboxRow, message: OutboundMessage, userId: number): Promise<number> {
    const at = now();
    const to = await recipientOf(prisma, userId, at);
    const about = message.about ?? message.reply.subject ?? null;
    const stored = typeof row.message === 'string' ? JSON.parse(row.message) : row.message;
    const fate = to ? await decideNotice(prisma, { id: row.id, message: stored }, to, about, at, Boolean(o.notifier.update)) : { fate: 'posted' as const };
    if (fate.fate === 'held') return 0;
    if (fate.fate === 'folded') {
      await showFolded(fate.headId, to!.locale);
      await markSent(prisma, row.id);
      return 1;
    }
    const refs = await o.notifier.deliver(message, row.key, { maybeSent: row.maybeSent });
    await markSent(prisma, row.id, refs[0]?.messageId, refs);
    return 1;
  }

  /** 1 when the row went out, 0 when it waits for another try. */
  async function sendOne(row: OutboxRow): Promise<number> {
    const message = decodeMessage<OutboundMessage>(row.message);
    try {
      if ('userId' in message.to && !message.urgent && !message.timely) return await sendNotice(row, message, message.to.userId);
      const until = await heldUntil(message);
      if (until) {
        await defer(prisma, row.id, until);
        return 0;
      }
      const refs = await o.notifier.deliver(message, row.key, { maybeSent: row.maybeSent });
      await markSentDirect(o.db, row.id, refs[0]?.messageId);
      return 1;
    } catch (err) {
      const retry = isRetryable(err);
      const attempt = row.attempts + 1;
      await markFailed(prisma, row.id, (err as Error)?.message ?? String(err), backoff(attempt), retry ? null : maxAttempts).catch((e) =>
        o.log.warn({ err: e, outbox: row.id }, 'could not record a failed send; the lease will run out and it is tried again'),
      );
      o.log.warn({ err, outbox: row.id, attempt, retry: retry && attempt < maxAttempts }, 'owed message not delivered yet');
      return 0;
    }
  }

  const track = <T>(p: Promise<T>): Promise<T> => {
    sending.add(p);
    void p.finally(() => sending.delete(p)).catch(() => undefined);
    return p;
  };

  return {
    instanceId,
    leaseMs,
    flush: (ids, written) => {
      // Rows written (and leased to this replica) by a transaction that began less than half a lease
      // ago are still this replica's and untried: no other replica takes a row before its lease runs
      // out, so leasing them again would only cost a statement. Older ones are leased as any other.
      const own = written && Date.now() - written.since < leaseMs / 2 ? new Map(written.rows.map((r) => [r.id, r])) : undefined;
      const fresh: OutboxRow[] = [];
      const rest: number[] = [];
      for (const id of ids) {
        const r = own?.get(id);
        if (r) fresh.push({ id: r.id, key: r.key, message: r.message, attempts: 0, maybeSent: false });
        else rest.push(id);
      }
      return track(
        (async () => {
          if (fresh.length) await send(fresh);
          if (rest.length) await send(await lease(prisma, instanceId, leaseMs, { ids: rest, maxAttempts }));
        })(),
      );
    },
    /** Sends every due row nobody holds, a batch at a time; returns how many went out. */
    sweep: () =>
      track(
        (async () => {
          let total = 0;
          for (let batch = 0; batch < 50; batch++) {
            const rows = await lease(prisma, instanceId, leaseMs, { limit: 20, maxAttempts });
            if (!rows.length) break;
            total += await send(rows);
          }
          return total;
        })(),
      ),
    release: () => releaseLeases(prisma, instanceId),
    async idle() {
      while (sending.size) await Promise.allSettled([...sending]);
    },
  };
}
