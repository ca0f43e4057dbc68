// The lead score in words: "72 of 100 (hands off at 80)" and one line per reason,
// "+20 visit in the last 7 days" / "+20 近 7 天拜访".
import type { ScorePart } from '../../domain/funnel/score.ts';
import type { Scored } from '../../domain/funnel/rescore.ts';
import { label } from '../catalog/index.ts';
import type { ReplySection } from '../reply.ts';
import { say, type Speaker } from '../dispatch/turn.ts';

// Spelled out, so the catalog's checks see each key used.
const PART: Record<string, string> = {
  interactions: 'score.part.interactions',
  recent: 'score.part.recent',
  channel: 'score.part.channel',
  mood: 'score.part.mood',
  tier: 'score.part.tier',
  budget: 'score.part.budget',
  budget_big: 'score.part.budget_big',
  quote: 'score.part.quote',
  quote_big: 'score.part.quote_big',
  source: 'score.part.source',
};

const signed = (n: number) => (n >= 0 ? `+${n}` : `−${-n}`);

export function scorePartText(turn: Speaker, p: ScorePart): string {
  const key = (p.code === 'budget' || p.code === 'quote') && p.params.big ? `${p.code}_big` : p.code;
  const params: Record<string, string | number> = { ...p.params, points: signed(p.points) };
  if (typeof p.params.channel === 'string') params.channel = label(turn.locale, 'channel', p.params.channel);
  if (typeof p.params.mood === 'string') params.mood = label(turn.locale, 'mood', p.params.mood);
  if (typeof p.params.source === 'string') params.source = label(turn.locale, 'source', p.params.source);
  return say(turn, PART[key] ?? 'score.part.interactions', params);
}

/** The hand-off threshold is said only where it can still happen: to a lead. */
export function scoreValue(turn: Speaker, s: Pick<Scored, 'score' | 'weights'>, status = 'lead'): string {
  return status === 'lead' ? say(turn, 'text.score.value', { score: s.score, threshold: s.weights.threshold }) : say(turn, 'text.score.value_plain', { score: s.score });
}

export function scoreSection(turn: Speaker, s: Scored): ReplySection {
  return { heading: say(turn, 'section.score'), items: s.parts.length ? s.parts.map((p) => ({ text: scorePartText(turn, p) })) : [{ text: say(turn, 'text.score.nothing_yet') }] };
}
