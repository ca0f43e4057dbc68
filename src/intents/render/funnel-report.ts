// The funnel report as a card: the cohort's conversion, by source and by owner, the moves of the
// period, the median days per stage; and a bar chart of the cohort's stages as a PNG.
import type { FunnelReport, Stage } from '../../domain/reports/funnel.ts';
import type { Period } from '../dates/period.ts';
import { formatDay } from './profile.ts';
import { label } from '../catalog/index.ts';
import type { Reply } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { cardChart } from './chart.ts';
import { addDays } from '../dates/wall.ts';

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
const day = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function stageLine(turn: Speaker, name: string, s: Stage): string {
  return say(turn, 'text.report.funnel.stage_line', { name, leads: s.leads, intent: s.intent, deal: s.deal, intentRate: pct(s.intent, s.leads), dealRate: pct(s.deal, s.leads) });
}

function chart(turn: Speaker, r: FunnelReport): Array<{ title: string; png: Uint8Array }> {
  return cardChart(say(turn, 'title.report.funnel.chart'), [
    { label: label(turn.locale, 'status', 'lead'), value: r.cohort.leads },
    { label: label(turn.locale, 'status', 'intent'), value: r.cohort.intent },
    { label: label(turn.locale, 'status', 'deal'), value: r.cohort.deal },
  ]);
}

/** "Nov 1, 2026 to Nov 30, 2026": the period's first and last local day, for every report's title. */
export function periodRange(turn: Speaker, period: Pick<Period, 'from' | 'to'>): string {
  return say(turn, 'label.report.period', { from: formatDay(turn.locale as 'en' | 'zh-CN', day(period.from)), to: formatDay(turn.locale as 'en' | 'zh-CN', day(addDays(period.to, -1))) });
}

export function funnelReportReply(turn: Speaker, r: FunnelReport, period: Period): Reply {
  const range = periodRange(turn, period);
  const days = (n: number | null) => (n === null ? say(turn, 'label.none') : say(turn, 'text.report.days', { n }));
  return {
    tone: 'info',
    title: say(turn, r.ownerId === null ? 'title.report.funnel' : 'title.report.funnel.own', { range }),
    fields: [
      { label: say(turn, 'label.report.cohort'), value: stageLine(turn, say(turn, 'label.report.all'), r.cohort) },
      { label: say(turn, 'label.report.to_intent_days'), value: days(r.medianDays.toIntent) },
      { label: say(turn, 'label.report.to_deal_days'), value: days(r.medianDays.toDeal) },
    ],
    sections: [
      { heading: say(turn, 'section.report.by_source'), items: r.bySource.map((s) => ({ text: stageLine(turn, label(turn.locale, 'source', s.key), s) })) },
      // A rep's own funnel has one owner, the cohort line already.
      { heading: say(turn, 'section.report.by_owner'), items: (r.ownerId === null ? r.byOwner : []).map((s) => ({ text: stageLine(turn, s.ownerName ?? say(turn, 'title.tasks.pool'), s) })) },
      {
        heading: say(turn, 'section.report.moves'),
        items: r.moves.map((m) => ({ text: say(turn, 'label.report.move', { from: label(turn.locale, 'status', m.from), to: label(turn.locale, 'status', m.to), count: m.count }) })),
      },
    ].filter((s) => s.items.length),
    ...(r.cohort.leads || r.moves.length ? {} : { text: say(turn, 'text.report.empty') }),
    images: chart(turn, r),
    visibility: 'private',
  };
}
