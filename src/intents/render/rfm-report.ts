// The RFM report as a card: how many customers are scored and the spread of each score, the segments
// now and in the period before, who fell furthest; and a bar chart of the segments as a PNG.
import { MIN_RANKED, SEGMENTS, type RfmReport, type Segment } from '../../domain/reports/rfm.ts';
import type { Period } from '../dates/period.ts';
import { formatMoney } from '../catalog/index.ts';
import type { Reply } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';
import { cardChart } from './chart.ts';
import { periodRange } from './funnel-report.ts';

const SEGMENT_NAME: Record<Segment, string> = {
  champions: 'label.rfm.champions', loyal: 'label.rfm.loyal', promising: 'label.rfm.promising', needs_attention: 'label.rfm.needs_attention',
  cant_lose: 'label.rfm.cant_lose', at_risk: 'label.rfm.at_risk', hibernating: 'label.rfm.hibernating', lost: 'label.rfm.lost',
};
const segmentName = (turn: Speaker, s: Segment) => say(turn, SEGMENT_NAME[s]);

function chart(turn: Speaker, r: RfmReport): Array<{ title: string; png: Uint8Array }> {
  if (!r.scored) return [];
  return cardChart(say(turn, 'title.report.rfm.chart'), r.segments.map((s) => ({ label: segmentName(turn, s.segment), value: s.count })));
}

export function rfmReportReply(turn: Speaker, r: RfmReport, period: Period, previous: Period): Reply {
  const range = periodRange(turn, period);
  const spread = (xs: number[]) => say(turn, 'text.report.rfm.spread', { s1: xs[0]!, s2: xs[1]!, s3: xs[2]!, s4: xs[3]!, s5: xs[4]! });
  const base = { tone: 'info' as const, title: say(turn, r.ownerId === null ? 'title.report.rfm' : 'title.report.rfm.own', { range }), visibility: 'private' as const };
  if (!r.rated) return { ...base, text: say(turn, 'text.report.rfm.empty') };
  const rated = { label: say(turn, 'label.report.rfm.rated'), value: say(turn, 'text.report.rfm.rated', { count: r.rated, value: formatMoney(turn.locale, BigInt(r.monetaryMinor), r.currency) }) };
  // Too few to split in fifths: the count, and why there are no scores.
  if (!r.scored) return { ...base, fields: [{ ...rated, label: say(turn, 'label.report.rfm.active') }], text: say(turn, 'text.report.rfm.too_few', { count: r.ranked, min: MIN_RANKED }) };
  return {
    ...base,
    fields: [
      rated,
      { label: say(turn, 'label.report.rfm.r'), value: spread(r.quintiles.r) },
      { label: say(turn, 'label.report.rfm.f'), value: spread(r.quintiles.f) },
      { label: say(turn, 'label.report.rfm.m'), value: spread(r.quintiles.m) },
    ],
    sections: [
      {
        // The period before in brackets only when it had enough customers to be scored.
        heading: say(turn, r.previousScored ? 'section.report.rfm.segments' : 'section.report.rfm.segments.now'),
        items: SEGMENTS.map((segment) => r.segments.find((s) => s.segment === segment)!)
          .filter((s) => s.count || s.previous)
          .map((s) => ({ text: say(turn, r.previousScored ? 'text.report.rfm.segment' : 'text.report.rfm.segment.now', { segment: segmentName(turn, s.segment), count: s.count, previous: s.previous }) })),
      },
      {
        heading: say(turn, 'section.report.rfm.movers', { range: periodRange(turn, previous) }),
        items: r.moversDown.map((m) => ({
          text: say(turn, 'text.report.rfm.mover', {
            customer: m.name, owner: m.ownerName ?? say(turn, 'title.tasks.pool'), from: segmentName(turn, m.before.segment), to: segmentName(turn, m.now.segment),
            r0: m.before.r, f0: m.before.f, m0: m.before.m, r: m.now.r, f: m.now.f, m: m.now.m,
          }),
        })),
      },
    ].filter((s) => s.items.length),
    text: say(turn, 'text.report.rfm.how'),
    images: chart(turn, r),
  };
}
