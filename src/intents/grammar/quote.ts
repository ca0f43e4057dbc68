// `/quote new Acme 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%`,
// `/报价 新建 华为 10 × 专业版 ＠ 1200，2 × 实施 ＠ 3000 打88折`, and submit/show/approve/reject/edit <id>.
import { MAX_LINES, MAX_QUANTITY } from '../../domain/quotes/totals.ts';
import { invalidIntent, type Intent, type QuoteLineIntent, type UsageKey } from '../intent.ts';
import { isInvalid, overLimit, readId, takeId } from './ids.ts';
import { parseQuotesList } from './lists.ts';
import { currencyOf, percentToBps, readPrice, zheToBps } from './money.ts';
import { blank, firstWord, matchesOutsideQuotes, slice, trim, unquote, type Src } from './text.ts';
import { suggestionFor } from './suggest.ts';
import { lookup, QUOTE_SUBS } from './vocabulary.ts';
import { parseOutcome } from './outcome.ts';

const DISCOUNT_RE = /(?<=^|[\s,;])(?:discount|disc\.?|off|折扣|优惠)\s*:?\s*(\d+(?:\.\d+)?)\s*%?|(?<=^|[\s,;])(\d+(?:\.\d+)?)\s*%\s*(?:off|discount)\b|打?\s*(\d(?:\.\d)?|\d{2})\s*折(?!扣)/gi;
const CURRENCY_RE = /(?<=^|[\s,;])(?:currency|币种|货币)\s*:\s*(\S+)/gi;
const LINE_START_RE = /(?<=^|[\s,;、])(\d+)\s*[x×*]\s*(?=\S)/gi;
const LINE_SEP_RE = /[,;、\n]\s*(?=\d+\s*[x×*]\s*\S)/g;
const LINE_RE = /^(\d+)\s*[x×*]\s*("[^"]*"|“[^”]*”|「[^」]*」|.+?)\s*@\s*(.+?)$/ids;

export function parseQuote(body: Src): Intent {
  const { word, rest } = firstWord(body);
  if (!word.f) return invalidIntent('missing_argument', 'usage.quote', { arg: 'subcommand' });
  const bareId = readId(word.f);
  if (bareId !== undefined) {
    if (!rest.f) return { kind: 'quote.show', id: bareId };
    // `/quote 7 accepted|negotiating|rejected [reason]`: the customer's answer (issue 13).
    return parseOutcome(bareId, rest) ?? invalidIntent('unknown_subcommand', 'usage.quote', { subcommand: rest.o.slice(0, 50) });
  }
  const sub = lookup(QUOTE_SUBS, word.f);
  if (sub === 'list') return parseQuotesList(rest);
  switch (sub) {
    case 'new':
      return parseNew(rest);
    case 'edit':
      return parseEdit(rest);
    case 'submit':
    case 'show':
    case 'approve': {
      const got = takeId(rest, 'usage.quote.id');
      if (isInvalid(got)) return got;
      if (got.rest.f) return invalidIntent('unknown_subcommand', 'usage.quote.id', { subcommand: got.rest.o.slice(0, 50) });
      return { kind: `quote.${sub}`, id: got.id };
    }
    case 'reject': {
      const got = takeId(rest, 'usage.quote.reject');
      if (isInvalid(got)) return got;
      const reason = got.rest.o.replace(/^(?:because|reason|原因)\s*[:：]?\s*/i, '').trim();
      if (!reason) return invalidIntent('reason_required', 'usage.quote.reject', { id: got.id });
      if (reason.length > 500) return invalidIntent('too_long', 'usage.quote.reject', { max: 500 });
      return { kind: 'quote.reject', id: got.id, reason };
    }
    default:
      return invalidIntent('unknown_subcommand', 'usage.quote', { subcommand: word.o.slice(0, 50), ...suggestionFor(word.f, QUOTE_SUBS) });
  }
}

type Terms = { text: Src; discountBps?: number; currency?: string } | Extract<Intent, { kind: 'invalid' }>;

/** Takes the discount and currency clauses out of the text, wherever they stand. */
function readTerms(input: Src, usage: UsageKey): Terms {
  let text = input;
  let discountBps: number | undefined;
  let currency: string | undefined;
  for (const m of matchesOutsideQuotes(text.f, DISCOUNT_RE)) {
    const bps = m[3] !== undefined ? zheToBps(m[3]) : percentToBps(m[1] ?? m[2] ?? '');
    if (bps === undefined || discountBps !== undefined) return invalidIntent('bad_discount', usage, { value: m[0].trim().slice(0, 50) });
    discountBps = bps;
    text = blank(text, m.index, m.index + m[0].length);
  }
  for (const m of matchesOutsideQuotes(text.f, CURRENCY_RE)) {
    const cur = currencyOf(m[1]!);
    if (!cur) return invalidIntent('bad_value', usage, { field: 'currency', value: m[1]!.slice(0, 20) });
    if (currency && currency !== cur) return invalidIntent('mixed_currencies', usage, { first: currency, second: cur });
    currency = cur;
    text = blank(text, m.index, m.index + m[0].length);
  }
  return { text, ...(discountBps !== undefined ? { discountBps } : {}), ...(currency ? { currency } : {}) };
}

type Lines = { lines: QuoteLineIntent[]; currency?: string } | Extract<Intent, { kind: 'invalid' }>;

/** Every `<qty> x <product> @ <price>` item, split only where a new item starts (so "1,200" stays one price). */
function readLines(text: Src, currencyHint: string | undefined, usage: UsageKey): Lines {
  const cuts = [0, ...matchesOutsideQuotes(text.f, LINE_SEP_RE).map((m) => m.index), text.f.length];
  const lines: QuoteLineIntent[] = [];
  let currency = currencyHint;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const chunk = trim(slice(text, cuts[i]! === 0 ? 0 : cuts[i]! + 1, cuts[i + 1]));
    if (!chunk.f) continue;
    const m = LINE_RE.exec(chunk.f);
    if (!m) return invalidIntent('bad_line', usage, { line: chunk.o.slice(0, 100) });
    const quantity = Number(m[1]);
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return invalidIntent('bad_quantity', usage, { value: m[1]!.slice(0, 20), max: MAX_QUANTITY });
    const [productStart, productEnd] = m.indices![2]!;
    const product = unquote(chunk.o.slice(productStart, productEnd));
    if (!product || product.length > 200) return invalidIntent('bad_line', usage, { line: chunk.o.slice(0, 100) });
    const price = readPrice(m[3]!, currency);
    if (!price.ok) {
      if (price.problem === 'currency') return invalidIntent('bad_value', usage, { field: 'currency', value: m[3]!.slice(0, 30) });
      return invalidIntent('bad_amount', usage, { value: m[3]!.slice(0, 30), problem: price.problem });
    }
    if (price.currency) {
      if (currency && currency !== price.currency) return invalidIntent('mixed_currencies', usage, { first: currency, second: price.currency });
      currency = price.currency;
    }
    lines.push({ product, quantity, unitPriceMinor: price.minor });
  }
  if (lines.length === 0) return invalidIntent('no_lines', usage, {});
  if (lines.length > MAX_LINES) return invalidIntent('bad_line', usage, { line: `> ${MAX_LINES}` });
  // A line written before its currency was known used two decimals; re-read them all in the final one.
  if (currency && currency !== currencyHint) return readLines(text, currency, usage);
  return currency ? { lines, currency } : { lines };
}

function parseNew(rest: Src): Intent {
  const terms = readTerms(rest, 'usage.quote.new');
  if ('kind' in terms) return terms;
  const start = matchesOutsideQuotes(terms.text.f, LINE_START_RE)[0];
  if (!start) return invalidIntent('no_lines', 'usage.quote.new', {});
  let head = trim(slice(terms.text, 0, start.index));
  // "Acme USD 10 x …": a currency code right before the first line belongs to the quote.
  let currency = terms.currency;
  const tail = /\s(\S+)$/.exec(' ' + head.f);
  const tailCur = tail && head.f.includes(' ') ? currencyOf(tail[1]!) : undefined;
  if (tailCur && tail) {
    if (currency && currency !== tailCur) return invalidIntent('mixed_currencies', 'usage.quote.new', { first: currency, second: tailCur });
    currency = tailCur;
    head = trim(slice(head, 0, head.f.length - tail[1]!.length));
  }
  const customerText = unquote(head.o);
  if (!customerText) return invalidIntent('missing_argument', 'usage.quote.new', { arg: 'customer' });
  const long = overLimit(customerText, 200, 'usage.quote.new', 'customer');
  if (long) return long;
  const read = readLines(slice(terms.text, start.index), currency, 'usage.quote.new');
  if ('kind' in read) return read;
  const cur = read.currency ?? currency;
  return { kind: 'quote.new', customerText, lines: read.lines, discountBps: terms.discountBps ?? 0, ...(cur ? { currency: cur } : {}) };
}

function parseEdit(rest: Src): Intent {
  const got = takeId(rest, 'usage.quote.edit');
  if (isInvalid(got)) return got;
  const terms = readTerms(got.rest, 'usage.quote.edit');
  if ('kind' in terms) return terms;
  const body = trim(terms.text);
  let lines: QuoteLineIntent[] | undefined;
  let currency = terms.currency;
  if (body.f) {
    const read = readLines(body, currency, 'usage.quote.edit');
    if ('kind' in read) return read;
    lines = read.lines;
    currency = read.currency ?? currency;
  }
  if (!lines && terms.discountBps === undefined && !currency) return invalidIntent('missing_argument', 'usage.quote.edit', { arg: 'changes' });
  return {
    kind: 'quote.edit',
    id: got.id,
    ...(lines ? { lines } : {}),
    ...(terms.discountBps !== undefined ? { discountBps: terms.discountBps } : {}),
    ...(currency ? { currency } : {}),
  };
}
