// Digests as Replies: the daily list to each rep and the pool to the team channel, the weekly
// summary to the team channel. Nobody gets an empty message: builders return null when there is nothing to say.
import type { DailyDigest, RepDaily } from '../../domain/digests/daily.ts';
import type { Pair, WeeklySummary } from '../../domain/digests/weekly.ts';
import { formatInstant, formatMoney, label } from '../catalog/index.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { button } from './buttons.ts';
import { barChartPng } from './chart.ts';
import { dt } from '../catalog/digest.ts';
import { claimButton } from './pool.ts';
import { greetingsSection } from './greetings.ts';
import { taskSection } from './task.ts';

const LIMIT = 15;

function day(s: Speaker, at: Date): string {
  return formatInstant(s.locale, at, s.timeZone, false);
}

export function repDailyReply(s: Speaker, rep: RepDaily, now: Date): Reply | null {
  if (!rep.overdue.length && !rep.today.length && !rep.dueForContact.length && !rep.greetings.length) return null;
  const sections: ReplySection[] = [];
  if (rep.overdue.length) sections.push({ ...taskSection(s, 'section.overdue', rep.overdue, LIMIT), heading: dt(s.locale, 'overdue') });
  if (rep.today.length) sections.push({ ...taskSection(s, 'section.today', rep.today, LIMIT), heading: dt(s.locale, 'today') });
  if (rep.dueForContact.length) {
    sections.push({
      heading: dt(s.locale, 'dueForContact'),
      items: rep.dueForContact.slice(0, LIMIT).map((c) => ({
        text: `${c.name} · ${c.code} · ${c.tier} · ${c.overdueDays === 1 ? dt(s.locale, 'overdueDay') : c.overdueDays ? dt(s.locale, 'overdueDays', { days: c.overdueDays }) : dt(s.locale, 'dueNow')}`,
        buttons: [button(s, 'button.show', { kind: 'customer.show', query: c.code })],
      })),
      ...(rep.dueForContact.length > LIMIT ? { more: rep.dueForContact.length - LIMIT } : {}),
    });
  }
  const greetings = greetingsSection(s, rep.greetings, now);
  if (greetings) sections.push(greetings);
  return { tone: 'info', title: dt(s.locale, 'dailyTitle', { date: day(s, now) }), sections, visibility: 'private' };
}

export function poolDailyReply(s: Speaker, digest: DailyDigest, now: Date): Reply | null {
  if (!digest.poolTasks.length && !digest.poolLeads.length) return null;
  const sections: ReplySection[] = [];
  if (digest.poolTasks.length) sections.push({ ...taskSection(s, 'title.tasks.pool', digest.poolTasks, 25), heading: dt(s.locale, 'poolTasks') });
  if (digest.poolLeads.length) {
    sections.push({
      heading: dt(s.locale, 'poolLeads'),
      items: digest.poolLeads.slice(0, 25).map((c) => ({ text: `${c.name} · ${c.code} · ${c.tier}`, buttons: [claimButton(s, c.code), button(s, 'button.show', { kind: 'customer.show', query: c.code })] })),
      ...(digest.poolLeads.length > 25 ? { more: digest.poolLeads.length - 25 } : {}),
    });
  }
  return { tone: 'info', title: dt(s.locale, 'poolTitle', { date: day(s, now) }), sections, visibility: 'channel', subject: `pool:${digest.teamId}` };
}

function change(L: 'en' | 'zh-CN', p: Pair): string {
  const d = p.current - p.previous;
  return dt(L, 'change', { value: p.current, delta: `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)}` });
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function weeklyReply(s: Speaker, w: WeeklySummary, opts: { late: boolean; churnDays: number; charts?: boolean }): Reply {
  const L = s.locale;
  const list = (rows: Array<[string, Pair]>) => (rows.length ? rows.map(([k, p]) => ({ text: dt(L, 'row', { label: k, value: change(L, p) }) })) : [{ text: dt(L, 'none') }]);
  const sections: ReplySection[] = [
    { heading: dt(L, 'newCustomers'), items: list(Object.entries(w.newCustomersBySource).map(([k, p]) => [label(L, 'source', k), p])) },
    { heading: dt(L, 'interactionsByRep'), items: list(w.interactionsByRep.slice(0, 20).map((r) => [r.name, r])), ...(w.interactionsByRep.length > 20 ? { more: w.interactionsByRep.length - 20 } : {}) },
    { heading: dt(L, 'interactionsByChannel'), items: list(Object.entries(w.interactionsByChannel).map(([k, p]) => [label(L, 'channel', k), p])) },
    {
      heading: dt(L, 'tasks'),
      items: [{ text: dt(L, 'tasksLine', { done: change(L, w.tasks.doneOfDue), due: change(L, w.tasks.due), rate: pct(w.tasks.due.current ? w.tasks.doneOfDue.current / w.tasks.due.current : null), total: change(L, w.tasks.done) }) }],
    },
    {
      heading: dt(L, 'quotes'),
      items: [
        { text: dt(L, 'quotesLine', { submitted: change(L, w.quotes.submitted), approved: change(L, w.quotes.approved), rejected: change(L, w.quotes.rejected) }) },
        // The response rate (issue 13): new leads contacted within the team's response hours.
        ...(w.response.leads.current || w.response.leads.previous
          ? [{ text: say(s, 'text.digest.response_rate', { hours: w.response.hours, rate: pct(w.response.leads.current ? w.response.answered.current / w.response.leads.current : null), answered: w.response.answered.current, total: w.response.leads.current, previous: pct(w.response.leads.previous ? w.response.answered.previous / w.response.leads.previous : null) }) }]
          : []),
        // The customers' answers (issue 13), when any was recorded in either week.
        ...(Object.values(w.quotes.outcomes).some((p) => p.current || p.previous)
          ? [{ text: say(s, 'text.digest.quote_outcomes', { accepted: change(L, w.quotes.outcomes.accepted), negotiating: change(L, w.quotes.outcomes.negotiating), rejected: change(L, w.quotes.outcomes.rejected) }) }]
          : []),
        ...w.quotes.approvedValue.map((v) => ({ text: dt(L, 'approvedValue', { value: dt(L, 'change', { value: formatMoney(L, BigInt(v.current), v.currency), delta: formatMoney(L, BigInt(v.previous), v.currency) }) }) })),
      ],
    },
    {
      heading: dt(L, 'pipeline'),
      items: [
        { text: ['lead', 'intent', 'deal', 'lost'].map((k) => `${label(L, 'status', k)} ${w.customersByStatus[k] ?? 0}`).join(' · ') },
        { text: dt(L, 'conversion', { a: pct(w.conversion.leadToIntent), b: pct(w.conversion.intentToDeal), won: change(L, w.dealsWon) }) },
      ],
    },
    {
      heading: dt(L, 'churn', { days: opts.churnDays, count: change(L, w.churnRisks.count) }),
      items: w.churnRisks.top.length
        ? w.churnRisks.top.map((c) => ({ text: `${c.name} · ${c.code} · ${dt(L, 'silentDays', { days: c.silentDays })}${c.openComplaints ? ` · ${say(s, 'text.churn.complaints', { count: c.openComplaints })}` : ''}` }))
        : [{ text: dt(L, 'none') }],
      ...(w.churnRisks.count.current > w.churnRisks.top.length ? { more: w.churnRisks.count.current - w.churnRisks.top.length } : {}),
    },
    { heading: dt(L, 'cadence'), items: [{ text: dt(L, 'cadenceLine', { a: change(L, w.cadenceMisses.A), b: change(L, w.cadenceMisses.B), c: change(L, w.cadenceMisses.C) }) }] },
  ];
  const images = opts.charts
    ? [
        { title: dt(L, 'chartPipeline'), png: barChartPng(dt(L, 'chartPipeline'), ['lead', 'intent', 'deal', 'lost'].map((k) => ({ label: label(L, 'status', k), value: w.customersByStatus[k] ?? 0 }))) },
        { title: dt(L, 'chartActivity'), png: barChartPng(dt(L, 'chartActivity'), w.interactionsByRep.map((r) => ({ label: r.name, value: r.current }))) },
      ]
    : undefined;
  return {
    tone: 'info',
    title: dt(L, 'weeklyTitle', { date: day(s, w.weekStart) }),
    ...(opts.late ? { notices: [dt(L, 'late')] } : {}),
    sections,
    ...(images ? { images } : {}),
    visibility: 'channel',
  };
}
