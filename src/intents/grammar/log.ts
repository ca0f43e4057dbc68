// `/log <customer> [channel][:] <summary>. next: <next step with a date>` in English and Chinese:
// `/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访`.
// Where the customer's name ends needs the database, so without a channel word the whole head goes
// to the dispatcher, which resolves the longest known name at its start (resolveCustomerAtStart).
import { invalidIntent, type Intent, type Mood } from '../intent.ts';
import { moodFromWords } from './mood.ts';
import { overLimit } from './ids.ts';
import { alternation, blank, matchesOutsideQuotes, quotedRanges, slice, trim, unquote, type Src } from './text.ts';
import { CHANNEL_WORDS, lookup, MOOD_VALUES } from './vocabulary.ts';

const NEXT_RE = /(?<=^|[\s.,;!?。！？；，])(next\s+step|next|下一步|下步|后续)\s*:/gi;
const MOOD_RE = /(?<=^|[\s.,;。；，])(mood|情绪|心情)\s*:\s*([^\s.,;。；，]*)/gi;

const CHANNEL_KEYS = Object.keys(CHANNEL_WORDS);
const COMPLAINT_RE = /(?:(?<=\s)(complaint|complained)|(投诉|客诉))\s*:/gi;
const ASCII_CHANNELS = CHANNEL_KEYS.filter((w) => /^[a-z -]+$/.test(w));
const CJK_CHANNELS = CHANNEL_KEYS.filter((w) => !/^[a-z -]+$/.test(w));
// Strong: the word is followed by a colon ("call:", "电话："). Chinese words need no space before.
const STRONG_RE = new RegExp(`(?:(?<=\\s)(${alternation(ASCII_CHANNELS)})|(${alternation(CJK_CHANNELS)}))\\s*:`, 'gi');
const LEADING_RE = new RegExp(`^(?:${alternation(CHANNEL_KEYS)})\\s*:`, 'i');
// Weak: a lower-case word standing alone ("Acme call walked through…"); capitalised words are more
// likely part of a name ("Big Email Co"), so they are left to the dispatcher's resolution.
const WEAK_RE = new RegExp(`(?<=\\s)(${alternation(ASCII_CHANNELS)}|${alternation(CJK_CHANNELS)})(?=\\s)`, 'g');

export function parseLog(body: Src): Intent {
  let text = body;
  let mood: Mood | undefined;
  const moods = matchesOutsideQuotes(text.f, MOOD_RE);
  for (const m of moods) {
    const value = lookup(MOOD_VALUES, m[2] ?? '');
    if (!value) return invalidIntent('bad_value', 'usage.log', { field: 'mood', value: (m[2] ?? '').slice(0, 50) });
    mood = value;
    text = blank(text, m.index, m.index + m[0].length);
  }

  const next = matchesOutsideQuotes(text.f, NEXT_RE)[0];
  let nextStep: { text: string } | undefined;
  let head = text;
  if (next) {
    const stepText = trim(slice(text, next.index + next[0].length)).o;
    if (!stepText) return invalidIntent('empty_next_step', 'usage.log', {});
    const long = overLimit(stepText, 1000, 'usage.log', 'next_step');
    if (long) return long;
    nextStep = { text: stepText };
    head = slice(text, 0, next.index);
  }
  head = trim(head);
  if (!head.f) return invalidIntent('missing_argument', 'usage.log', { arg: 'customer' });

  // "call: …" with nothing before it names no customer at all.
  if (LEADING_RE.test(head.f)) return invalidIntent('missing_argument', 'usage.log', { arg: 'customer' });
  // "Acme complaint: delivery late" / "华为 投诉：交货晚了": the customer, then what they complained of.
  const complaint = matchesOutsideQuotes(head.f, COMPLAINT_RE).find((m) => m.index > 0);
  if (complaint) {
    const customerText = unquote(trim(slice(head, 0, complaint.index)).o.replace(/[\s,，]+$/u, ''));
    const summary = cleanSummary(head.o.slice(complaint.index + complaint[0].length));
    if (!customerText) return invalidIntent('missing_argument', 'usage.log', { arg: 'customer' });
    if (!summary) return invalidIntent('empty_summary', 'usage.log', {});
    return withOptional({ kind: 'log', customerText, summary, complaint: true }, mood ?? moodFromWords(summary) ?? 'negative', nextStep);
  }
  const split = channelSplit(head);
  if (split) {
    const customerText = unquote(trim(slice(head, 0, split.start)).o.replace(/[\s,，]+$/u, ''));
    const summary = cleanSummary(head.o.slice(split.end));
    if (!customerText) return invalidIntent('missing_argument', 'usage.log', { arg: 'customer' });
    if (!summary) return invalidIntent('empty_summary', 'usage.log', {});
    return withOptional({ kind: 'log', customerText, summary, channel: split.channel }, mood ?? moodFromWords(summary), nextStep);
  }
  // A quoted name at the start is the customer exactly: `/log "Acme Call Center" demo went well`.
  const quoted = quotedRanges(head.f)[0];
  if (quoted && quoted[0] === 0) {
    const customerText = unquote(head.o.slice(0, quoted[1]));
    const summary = cleanSummary(head.o.slice(quoted[1]));
    if (!customerText) return invalidIntent('missing_argument', 'usage.log', { arg: 'customer' });
    if (!summary) return invalidIntent('empty_summary', 'usage.log', {});
    return withOptional({ kind: 'log', customerText, summary }, mood ?? moodFromWords(summary), nextStep);
  }
  return withOptional({ kind: 'log', customerText: head.o, summary: null }, mood ?? moodFromWords(head.o), nextStep);
}

/** What the dispatcher shows as the summary after taking the customer's name off the front. */
export function cleanSummary(rest: string): string {
  return (
    rest
      .replace(/^[\s:：,，.。;；\-–—]+/u, '')
      .replace(/[\s,，;；]+$/u, '')
      // A `mood:` taken out of the middle leaves a gap: "a quote    ." reads "a quote."
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([.,;!?。，；！？])/gu, '$1')
      .trim()
  );
}

function channelSplit(head: Src) {
  // The channel word must follow at least one character of customer name.
  const strong = matchesOutsideQuotes(head.f, STRONG_RE).find((m) => m.index > 0);
  const m = strong ?? matchesOutsideQuotes(head.f, WEAK_RE).find((w) => w.index > 0);
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  const channel = CHANNEL_WORDS[word];
  return channel ? { start: m.index, end: m.index + m[0].length, channel } : undefined;
}

function withOptional(base: Extract<Intent, { kind: 'log' }>, mood: Mood | undefined, nextStep: { text: string } | undefined): Intent {
  return { ...base, ...(mood ? { mood } : {}), ...(nextStep ? { nextStep } : {}) };
}
