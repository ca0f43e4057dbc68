// One rep's Monday with 50 notices, on a simulated clock: the scheduler's due lists and two outbox
// replicas deliver them through the notification budget. At most the documented number of messages
// (README, "Notification budget"), none in quiet hours, none lost: each notice is posted, folded
// into a posted message, or listed in the next due list. BUDGET_DAY_PRINT=1 prints the day before
// and after the budget.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/domain/db/database.ts';
import { NOTICES_PER_DAY } from '../../src/domain/outbox/budget.ts';
import { enqueue } from '../../src/domain/outbox/store.ts';
import { quietRuleFor, quietUntil } from '../../src/domain/users/quiet.ts';
import type { Notifier, PostedRef } from '../../src/intents/delivery.ts';
import type { OutboundMessage, Reply } from '../../src/intents/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { createOutbox } from '../../src/scheduler/outbox.ts';
import { createRunner } from '../../src/scheduler/runner.ts';
import { describeEngines, freshDatabase } from '../support/engines.ts';
import { makeTeam, makeUser, TestClock } from '../support/fixtures.ts';

/** Local Shanghai times (UTC+8) on Monday 23 November 2026, or Tuesday with a leading '+'. */
const at = (hhmm: string) => {
  const next = hhmm.startsWith('+');
  const [h = 0, m = 0] = hhmm.replace('+', '').split(':').map(Number);
  return new Date(Date.UTC(2026, 10, next ? 24 : 23, h - 8, m));
};

type Event = { time: string; about?: string; urgent?: boolean; title: string };
// Night before the workday, bursts on one customer, a busy afternoon on many, two decisions, an evening.
const EVENTS: Event[] = [
  ...['00:30', '01:10', '02:00', '05:45', '07:00', '07:30', '08:15', '08:50'].map((time, i) => ({ time, about: `customer:${i % 3 + 1}`, title: 'Pool reminder' })),
  { time: '09:10', about: 'customer:1', title: 'Assigned to you' },
  { time: '09:12', about: 'customer:1', title: 'Pool reminder' },
  { time: '09:13', about: 'customer:1', title: 'Task given' },
  { time: '10:00', about: 'customer:2', title: 'Assigned to you' },
  { time: '10:01', about: 'customer:2', title: 'Complaint escalated' },
  { time: '10:02', about: 'customer:2', title: 'Handed to you' },
  { time: '10:04', about: 'customer:2', title: 'Task given' },
  { time: '10:30', about: 'quote:1', urgent: true, title: 'Quote approved' },
  ...Array.from({ length: 26 }, (_, i) => {
    const minute = 11 * 60 + i * 11; // 11:00 … 15:35, every 11 minutes
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    // A different record each time, 11 minutes apart: nothing folds, so the day's allowance runs out.
    return { time, about: i % 5 === 4 ? undefined : `customer:${10 + i}`, title: i % 2 ? 'Task reassigned' : 'Assigned to you' };
  }),
  { time: '14:00', about: 'quote:2', urgent: true, title: 'Quote rejected' },
  { time: '17:30', about: 'customer:5', title: 'Pool reminder' },
  { time: '18:00', about: 'customer:5', title: 'Returned to pool' },
  ...['19:00', '20:15', '21:40', '22:30', '23:50'].map((time, i) => ({ time, about: `customer:${60 + i}`, title: 'Churn risk' })),
];

describeEngines('a day of notices for one rep, through the budget', (engine) => {
  let db: Database & { drop(): Promise<void> };
  const clock = new TestClock(at('00:00'));
  type Seen = { at: Date; kind: 'post' | 'edit'; id: string; reply: Reply };
  const inbox: Seen[] = [];
  let rep: { id: number };

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const team = await makeTeam(db, { timeZone: 'Asia/Shanghai' });
    rep = await makeUser(db, team.id, { name: 'Ray' });
    await db.prisma.identity.create({ data: { userId: rep.id, platform: 'slack', workspaceId: 'T1', externalId: 'URAY' } });
  });
  afterAll(() => db?.drop());

  it(`gives at most 2 due lists + ${NOTICES_PER_DAY} notices + 2 decisions, none in quiet hours, none lost`, async () => {
    expect(EVENTS).toHaveLength(50);
    let next = 0;
    const notifier: Notifier = {
      async deliver(m: OutboundMessage): Promise<PostedRef[]> {
        if (!('userId' in m.to) || m.to.userId !== rep.id) return [];
        const id = String(++next);
        inbox.push({ at: clock.now(), kind: 'post', id, reply: m.reply });
        return [{ platform: 'slack', workspaceId: 'T1', channelId: 'DRAY', messageId: id }];
      },
      async update(refs, reply) {
        for (const r of refs) inbox.push({ at: clock.now(), kind: 'edit', id: r.messageId, reply });
      },
    };
    // Two replicas: one writes and sends right after, the other sweeps at the same time.
    const replica = (instanceId: string) => createOutbox({ db, notifier, log: silentLogger, instanceId, backoffMs: () => 0, now: () => clock.now() });
    const a = replica('replica-a');
    const b = replica('replica-b');
    const runner = createRunner({ db, clock, log: silentLogger, notifier, outbox: a, instanceId: 'replica-a' });

    const morning = [at('09:00'), at('+09:00')];
    for (const [i, e] of EVENTS.map((e, i) => [i, e] as const).sort((x, y) => at(x[1].time).getTime() - at(y[1].time).getTime())) {
      while (morning[0] && morning[0] <= at(e.time)) {
        clock.set(morning.shift()!);
        await runner.tick();
      }
      clock.set(at(e.time));
      const message: OutboundMessage = { to: { userId: rep.id }, reply: { tone: 'info', title: e.title, text: `[e${i}] ${e.about ?? 'several customers'}`, visibility: 'private' }, ...(e.about ? { about: e.about } : {}), ...(e.urgent ? { urgent: true } : {}) };
      const ids = await enqueue(db.prisma, [{ key: `event:${i}`, message }], a.instanceId, a.leaseMs);
      await Promise.all([a.flush(ids), b.sweep()]);
    }
    for (const m of morning) {
      clock.set(m);
      await runner.tick();
    }
    await Promise.all([a.idle(), b.idle()]);

    // What the rep finally sees: each message as last edited.
    const shown = new Map<string, Seen>();
    for (const s of inbox) shown.set(s.id, s);
    const text = [...shown.values()].map((s) => JSON.stringify(s.reply));
    const posts = inbox.filter((s) => s.kind === 'post');
    const dueLists = posts.filter((p) => p.reply.title?.startsWith('Your day'));

    // The documented number: per day one due list, NOTICES_PER_DAY notices, and the decisions the rep waits for.
    expect(dueLists.map((p) => p.at.toISOString())).toEqual([at('09:00').toISOString(), at('+09:00').toISOString()]);
    expect(posts.length).toBeLessThanOrEqual(2 + NOTICES_PER_DAY + 2);
    const rule = (await quietRuleFor(db.prisma, rep.id))!;
    expect(inbox.filter((s) => quietUntil(s.at, rule)).map((s) => `${s.kind} ${s.at.toISOString()}`)).toEqual([]);
    // None lost, and none twice: every event is in exactly one message as the rep sees it.
    for (const i of EVENTS.keys()) expect(text.filter((t) => t.includes(`[e${i}]`)), `event ${i}`).toHaveLength(1);
    // Folding did its part: three and four notices about one customer became one message each.
    const folded = await db.prisma.outboxMessage.count({ where: { fate: 'folded' } });
    expect(folded).toBeGreaterThanOrEqual(5);
    expect(await db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'failed', 'held'] } } })).toBe(0);

    if (process.env.BUDGET_DAY_PRINT) {
      const hm = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
      const before = EVENTS.map((e) => {
        const when = e.urgent ? null : quietUntil(at(e.time), rule);
        return { at: when ?? at(e.time), line: `${e.title} (${e.about ?? 'several'})` };
      }).sort((x, y) => x.at.getTime() - y.at.getTime());
      console.log(`BEFORE the budget: ${before.length} messages (quiet hours only delay)\n${before.map((m) => `  ${hm(m.at)}  ${m.line}`).join('\n')}`);
      const lines = inbox.map((s) => {
        const items = (s.reply.sections ?? []).flatMap((sec) => [`      ${sec.heading ?? ''}`, ...sec.items.map((it) => `        · ${it.text.replace(/\n/g, '\n          ')}`)]);
        return [`  ${hm(s.at)}  ${s.kind === 'post' ? `#${s.id}` : `edit #${s.id}`}  ${s.reply.title} — ${s.reply.text ?? ''}`, ...items].join('\n');
      });
      console.log(`AFTER the budget: ${posts.length} messages, ${inbox.length - posts.length} edits in place\n${lines.join('\n')}`);
    }
  }, 180_000);
});
