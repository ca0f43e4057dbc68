// The monthly review as a card: the rates as fields, then new customers by source (with ROI where
// the source has a cost), tier changes and complaint themes; a bar chart of new and won customers per
// source as a PNG. The same card answers `/crm report monthly` and makes the monthly digest.
import type { Money, MonthlyReport } from '../../domain/reports/monthly.ts';
import type { Period } from '../dates/period.ts';
import { formatMoney, label } from '../catalog/index.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { cardChart } from './chart.ts';
import { periodRange } from './funnel-report.ts';

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');
function money(s: Speaker, values: Money[], currency: string): string {
  return values.length ? values.map((v) => formatMoney(s.locale, v.minor, v.currency)).join(' + ') : formatMoney(s.locale, 0n, currency);
}

function chart(s: Speaker, r: MonthlyReport): Array<{ title: string; png: Uint8Array }> {
  const bars = r.sources
    .filter((l) => l.customers)
    .slice(0, 6)
    .flatMap((l) => {
      const name = label(s.locale, 'source', l.source);
      return [
        { label: `${name} · ${say(s, 'label.report.monthly.chart_new')}`, value: l.customers },
        { label: `${name} · ${say(s, 'label.report.monthly.chart_won')}`, value: l.deals },
      ];
    });
  return cardChart(say(s, 'title.report.monthly.chart'), bars);
}

export function monthlyReply(s: Speaker, r: MonthlyReport, period: Pick<Period, 'from' | 'to'>, opts: { digest?: boolean; late?: string } = {}): Reply {
  const range = periodRange(s, period);
  const rate = (part: number, whole: number) => say(s, 'text.report.monthly.rate', { rate: pct(part, whole), part, whole });
  const sources: ReplySection = {
    heading: say(s, 'section.report.monthly.sources'),
    items: r.sources.map((l) => {
      const line = say(s, 'text.report.monthly.source', { source: label(s.locale, 'source', l.source), customers: l.customers, deals: l.deals, rate: pct(l.deals, l.customers), value: money(s, l.value, r.currency) });
      const roi = l.costMinor !== null ? say(s, 'label.report.monthly.roi', { cost: formatMoney(s.locale, l.costMinor, r.currency), roi: l.roi === null ? '—' : `${Math.round(l.roi * 100)}%` }) : null;
      return { text: roi ? `${line}${s.locale === 'zh-CN' ? '；' : '; '}${roi}` : line };
    }),
  };
  const tiers: ReplySection = { heading: say(s, 'section.report.monthly.tiers'), items: r.tierMoves.map((m) => ({ text: say(s, 'label.report.move', { from: m.from, to: m.to, count: m.count }) })) };
  const complaints: ReplySection = {
    heading: say(s, 'section.report.monthly.complaints', { count: r.complaints.count, open: r.complaints.open }),
    items: r.complaints.themes.map((t) => ({ text: say(s, 'text.report.monthly.theme', { term: t.term, count: t.count }) })),
  };
  const quotes = say(s, 'label.report.monthly.outcomes', { accepted: r.quotes.accepted, negotiating: r.quotes.negotiating, rejected: r.quotes.rejected });
  const accepted = r.quotes.acceptedValue.length ? `${s.locale === 'zh-CN' ? '；' : '; '}${say(s, 'label.report.monthly.accepted_value', { value: money(s, r.quotes.acceptedValue, r.currency) })}` : '';
  return {
    tone: 'info',
    title: say(s, opts.digest ? 'title.digest.monthly' : r.ownerId ? 'title.report.monthly.own' : 'title.report.monthly', { range }),
    ...(opts.late ? { notices: [opts.late] } : {}),
    fields: [
      { label: say(s, 'label.report.monthly.new'), value: String(r.newCustomers) },
      { label: say(s, 'label.report.monthly.leads_response', { hours: r.response.hours }), value: rate(r.response.answered, r.response.leads) },
      { label: say(s, 'label.report.monthly.follow_up', { hours: r.response.hours }), value: rate(r.response.followed, r.response.interactions) },
      { label: say(s, 'label.report.monthly.tasks'), value: say(s, 'text.report.monthly.tasks', { onTime: r.tasks.doneOfDue, due: r.tasks.due, rate: pct(r.tasks.doneOfDue, r.tasks.due), done: r.tasks.done }) },
      { label: say(s, 'label.report.monthly.quotes'), value: quotes + accepted },
      // With complaints, their section below counts them; without, the month says so in its place.
      ...(r.complaints.count ? [] : [{ label: say(s, 'label.report.monthly.complaints'), value: say(s, 'label.report.monthly.no_complaints') }]),
    ],
    sections: [sources, tiers, complaints].filter((x) => x.items.length),
    images: chart(s, r),
    visibility: opts.digest ? 'channel' : 'private',
  };
}
