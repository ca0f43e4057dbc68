// `crm seed-demo`: a living CRM for a newcomer — a manager, four reps, 50 customers across tiers,
// statuses and sources, a few weeks of calls with next steps, pool tasks and quotes in every state.
// Everything goes through the domain services, so the demo obeys the same rules as real use.
import type { Actor, Clock, DomainContext } from '../../domain/context.ts';
import type { Database } from '../../domain/db/database.ts';
import { createCustomer } from '../../domain/customers/create.ts';
import { sweepTeam } from '../../domain/pool/sweep.ts';
import { logInteraction } from '../../domain/interactions/log.ts';
import { completeTask } from '../../domain/tasks/complete.ts';
import { openComplaint } from '../../domain/complaints/complaints.ts';
import { updateCustomer } from '../../domain/customers/update.ts';
import { recordQuoteOutcome } from '../../domain/funnel/outcome.ts';
import { createQuote, decideQuote, submitQuote } from '../../domain/quotes/index.ts';
import { resolveActor } from '../../domain/users/provision.ts';
import { findDateIn } from '../../intents/dates/index.ts';
import type { Logger } from '../../logger.ts';
import { COMPANIES, DEMO_TEAM, NOTES_EN, NOTES_ZH } from './data.ts';

const DAY = 86_400_000;
const CHANNELS = ['call', 'visit', 'email', 'meeting', 'wechat', 'expo'] as const;
const SOURCES = ['expo', 'website', 'phone', 'referral', 'outbound', 'partner'] as const;
const STATUSES = ['lead', 'lead', 'intent', 'intent', 'deal', 'lost'] as const;

class MovingClock implements Clock {
  constructor(public at: Date) {}
  now() {
    return new Date(this.at);
  }
}

export interface SeedSettings {
  admins: string;
  defaultTeam: string;
  defaultTimeZone: string;
  defaultLocale: 'en' | 'zh-CN';
}

export async function seedDemo(db: Database, log: Logger, settings: SeedSettings, now = new Date()): Promise<{ seeded: boolean; customers: number; manager?: string; reps?: string[]; pool?: number }> {
  if ((await db.prisma.customer.count()) > 0) return { seeded: false, customers: await db.prisma.customer.count() };
  // A fixed seed: every newcomer sees the same believable data.
  let seed = 20261122;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  const clock = new MovingClock(new Date(now.getTime() - 28 * DAY));
  const people: Actor[] = [];
  for (const name of [DEMO_TEAM.manager, ...DEMO_TEAM.reps]) {
    const zh = /[\u4e00-\u9fff]/.test(name);
    const { created: _c, ...actor } = await resolveActor(db, clock, { platform: 'console', workspaceId: '', externalUserId: name, profile: { displayName: name, locale: zh ? 'zh-CN' : 'en' } }, settings);
    people.push(actor);
  }
  const manager = people[0]!;
  await db.prisma.user.update({ where: { id: manager.userId }, data: { role: 'manager' } });
  manager.role = 'manager';
  await db.prisma.user.updateMany({ where: { id: { in: people.slice(1).map((p) => p.userId) } }, data: { managerId: manager.userId } });
  const reps = people.slice(1);
  const ctx = (actor: Actor): DomainContext => ({ db, prisma: db.prisma, actor, door: 'cli', clock, log });

  for (const [i, [name, industry, region]] of COMPANIES.entries()) {
    const zh = /[\u4e00-\u9fff]/.test(name);
    const owner = zh ? reps[2 + (i % 2)]! : reps[i % 2]!;
    clock.at = new Date(now.getTime() - (28 - (i % 20)) * DAY);
    const { customer } = await createCustomer(ctx(owner), {
      name,
      industry,
      region,
      tier: pick(['A', 'B', 'B', 'C', 'C', 'C'] as const),
      // Every customer starts as a lead and moves the way real ones do (below), so the funnel and the
      // monthly review have a history to measure.
      status: 'lead',
      source: pick(SOURCES),
      contact: { name: zh ? pick(['张伟', '刘洋', '陈静', '赵敏']) : pick(['Alex Kim', 'Jordan Lee', 'Taylor Brooks', 'Casey Morgan']), phone: `+1-555-01${String(i).padStart(2, '0')}` },
    });
    // Every eighth customer is a lead nobody follows: the pool rule returns it below.
    const goal = i % 8 === 7 ? 'lead' : pick(STATUSES);
    const calls = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < calls && i % 8 !== 7; k++) {
      // Most new leads hear from their rep within hours; the next calls come days apart.
      const gap = rand() < (k === 0 ? 0.75 : 0.3) ? (1 + rand() * 15) / 24 : 2 + rand() * 6;
      clock.at = new Date(Math.min(now.getTime() - DAY / 2, clock.at.getTime() + gap * DAY));
      const [summary, next] = pick(zh ? NOTES_ZH : NOTES_EN) as [string, string];
      const due = next ? findDateIn(next, { timeZone: owner.timeZone, now: clock.now() }) : undefined;
      const { task } = await logInteraction(ctx(owner), {
        customerId: customer.id,
        channel: pick(CHANNELS),
        summary,
        mood: summary.match(/犹豫|观望|worry|no answer/) ? 'hesitant' : summary.match(/满意|happy|well|approved/) ? 'positive' : 'neutral',
        ...(due ? { nextStep: { title: due.rest || next, dueAt: due.start, dueHasTime: due.hasTime } } : {}),
      });
      // An earlier call's next step was done by the time of the next call; the latest one stays open.
      if (task && k < calls - 1) await completeTask(ctx(owner), task.id);
      if (k === 0 && goal !== 'lead' && goal !== 'lost') await updateCustomer(ctx(owner), customer.id, { status: 'intent' });
    }
    if (goal === 'lost') await updateCustomer(ctx(owner), customer.id, { status: 'lost' });
    if (goal === 'deal') {
      // A deal is won the way the team wins one: a quote approved, then accepted by the customer.
      clock.at = new Date(Math.min(now.getTime() - DAY / 4, clock.at.getTime() + (1 + rand() * 3) * DAY));
      const quote = await createQuote(ctx(owner), {
        customerId: customer.id,
        currency: zh ? 'CNY' : 'USD',
        lines: [{ product: zh ? '标准版许可' : 'Standard license', quantity: 3 + (i % 7), unitPriceMinor: 90_000 }],
        discountBps: 0,
      });
      await submitQuote(ctx(owner), quote.id);
      await decideQuote(ctx(manager), quote.id, { decision: 'approve' });
      clock.at = new Date(Math.min(now.getTime() - DAY / 8, clock.at.getTime() + DAY / 2));
      await recordQuoteOutcome(ctx(owner), quote.id, { outcome: 'accepted' });
    }
    if (i === 4 || i === 27) {
      clock.at = new Date(now.getTime() - (2 + (i % 5)) * DAY);
      const summary = i === 4 ? (zh ? '交货延迟，已经催了两次' : 'delivery arrived late again') : zh ? '安装延期一周，交货也晚了' : 'late delivery, and the install slipped a week';
      const { interaction } = await logInteraction(ctx(owner), { customerId: customer.id, channel: 'call', summary, mood: 'negative' });
      await openComplaint(ctx(owner), { customerId: customer.id, interactionId: interaction.id, summary });
    }
    // Tasks follow their customer's owner (into the pool too, when the rule returns the customer).
    if (i % 10 === 3) await db.prisma.task.create({ data: { title: zh ? '回访新线索' : 'Call back the inbound lead', teamId: owner.teamId, customerId: customer.id, ownerId: owner.userId, dueAt: new Date(now.getTime() + DAY) } });
    if (i % 6 === 1) {
      clock.at = new Date(now.getTime() - 3 * DAY);
      const quote = await createQuote(ctx(owner), {
        customerId: customer.id,
        currency: zh ? 'CNY' : 'USD',
        lines: [
          { product: zh ? '专业版许可' : 'Pro license', quantity: 5 + (i % 10), unitPriceMinor: 120_000 },
          { product: zh ? '实施服务' : 'Onboarding', quantity: 1, unitPriceMinor: 300_000 },
        ],
        discountBps: [0, 500, 1000, 1200][i % 4]!,
      });
      const stage = Math.floor(i / 6) % 4;
      if (stage >= 1) await submitQuote(ctx(owner), quote.id);
      if (stage === 2) await decideQuote(ctx(manager), quote.id, { decision: 'approve' });
      if (stage === 3) await decideQuote(ctx(manager), quote.id, { decision: 'reject', reason: zh ? '折扣过高' : 'discount too deep for this tier' });
    }
  }
  // The pool fills the way it does in real use: the rule returns the leads nobody followed in time.
  clock.at = now;
  const returned = (await sweepTeam(db.prisma, clock, manager.teamId)).filter((e) => e.step === 'return').length;
  return { seeded: true, customers: await db.prisma.customer.count(), manager: manager.displayName, reps: reps.map((r) => r.displayName), pool: returned };
}
