// Everything a person can ask the CRM, as one zod-validated union. Text commands (grammar/) and button
// clicks (actions.ts) both end here, so the dispatcher has one input type whatever the door.
//
// Dates policy: intents carry dates as the raw phrase the person typed (`nextStep.text`,
// `whenText`), never as resolved instants. The dispatcher resolves them with
// `findDateIn(text, { timeZone: actor.timeZone, now: clock.now() })` at dispatch time, because only
// it knows the actor's zone for sure and the phrase must be read against the moment it is acted on
// (a retried delivery must not shift "tomorrow"). This keeps parsing pure, total and zone-free.
import { z } from 'zod';
import { MAX_LINES, MAX_QUANTITY, MAX_UNIT_PRICE_MINOR } from '../domain/quotes/totals.ts';
import { POINT_WEIGHTS } from '../domain/funnel/weights.ts';
import type { Locale } from './invocation.ts';

export const TIERS = ['A', 'B', 'C'] as const;
export const STATUSES = ['lead', 'intent', 'deal', 'lost'] as const;
export const SOURCES = ['expo', 'website', 'phone', 'referral', 'outbound', 'partner', 'advertising', 'store', 'event', 'other'] as const;
export const CHANNELS = ['call', 'visit', 'email', 'meeting', 'wechat', 'expo', 'other'] as const;
export const MOODS = ['positive', 'neutral', 'hesitant', 'negative'] as const;
export const ROLES = ['rep', 'manager', 'admin'] as const;
export const QUOTE_OUTCOMES = ['accepted', 'negotiating', 'rejected'] as const;

export type Tier = (typeof TIERS)[number];
export type CustomerStatus = (typeof STATUSES)[number];
export type CustomerSource = (typeof SOURCES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Mood = (typeof MOODS)[number];
export type RoleName = (typeof ROLES)[number];
export type QuoteOutcomeName = (typeof QUOTE_OUTCOMES)[number];

/** What the parser needs besides the text; zone and clock travel along for date-aware callers. */
export interface ParseContext {
  locale: Locale;
  timeZone: string;
  now: Date;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Customer fields a person can type as `key:value` (add and update). */
export const customerFieldsSchema = z.object({
  tier: z.enum(TIERS).optional(),
  status: z.enum(STATUSES).optional(),
  industry: text(100).optional(),
  source: z.enum(SOURCES).optional(),
  phone: text(50).optional(),
  email: text(200).optional(),
  contact: text(100).optional(),
  region: text(100).optional(),
  size: text(50).optional(),
  /** Replaces the tags; [] (a bare `tags:`) clears them. */
  tags: z.array(text(50)).max(20).optional(),
  aliases: z.array(text(200)).max(20).optional(),
  // The customer record (issue 10): rename, the templates' columns, tag operations, the contact's title
  // and channel. Dates and the budget stay as typed (checked readable here); the domain reads them
  // against the team's zone and currency.
  name: text(200).optional(),
  mainBusiness: text(500).optional(),
  address: text(300).optional(),
  founded: text(40).optional(),
  firstContact: text(40).optional(),
  referrer: text(200).optional(),
  needs: text(2000).optional(),
  budget: text(60).optional(),
  decisionChain: text(1000).optional(),
  tagsAdd: z.array(text(50)).max(20).optional(),
  tagsRemove: z.array(text(50)).max(20).optional(),
  title: text(100).optional(),
  prefers: z.enum(CHANNELS).optional(),
  /** The contact's birthday as typed (issue 14), checked readable by the grammar. */
  birthday: text(40).optional(),
});
export type CustomerFields = z.infer<typeof customerFieldsSchema>;

export const contactFieldsSchema = z.object({
  name: text(100).optional(),
  title: text(100).optional(),
  phone: text(50).optional(),
  email: text(200).optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
  birthday: text(40).optional(),
});

export const quoteLineSchema = z.object({
  product: text(200),
  quantity: z.number().int().positive().max(MAX_QUANTITY),
  unitPriceMinor: z.bigint().nonnegative().max(MAX_UNIT_PRICE_MINOR),
});
export type QuoteLineIntent = z.infer<typeof quoteLineSchema>;

const currency = z.string().regex(/^[A-Z]{3}$/);
const discountBps = z.number().int().min(0).max(10_000);

/** Codes of the parser's refusals; each has a catalog message `invalid.<code>`. */
export const INVALID_CODES = [
  'empty',
  'too_long',
  'unknown_command',
  'unknown_subcommand',
  'missing_argument',
  'bad_id',
  'bad_value',
  'unknown_field',
  'no_lines',
  'bad_line',
  'bad_amount',
  'bad_quantity',
  'bad_discount',
  'mixed_currencies',
  'empty_summary',
  'empty_next_step',
  'reason_required',
  'bad_action',
  'missing_contact_name',
  // The sales funnel (issue 13)
  'outcome_reason_required',
  'bad_period',
] as const;
export type InvalidCode = (typeof INVALID_CODES)[number];

/** Catalog keys of the usage lines a refusal points to. */
export const USAGE_KEYS = [
  'usage.help',
  'usage.customer',
  'usage.customer.add',
  'usage.customer.find',
  'usage.customer.update',
  'usage.customer.import',
  'usage.customer.export',
  'usage.log',
  'usage.undo',
  'usage.tasks',
  'usage.task',
  'usage.task.done',
  'usage.task.claim',
  'usage.task.snooze',
  'usage.task.reassign',
  'usage.quote',
  'usage.quote.new',
  'usage.quote.edit',
  'usage.quote.id',
  'usage.quote.reject',
  'usage.crm',
  'usage.role',
  // Ownership and the pool (issue 9)
  'usage.customer.claim',
  'usage.customer.assign',
  'usage.customer.release',
  'usage.pool',
  'usage.contact',
  // lists and team settings
  'usage.customers',
  'usage.quotes',
  'usage.task.add',
  'usage.team',
  'usage.manager',
  'usage.team.holidays',
  'usage.link',
  'usage.complaint',
  'usage.notify',
  // The sales funnel (issue 13)
  'usage.quote.outcome',
  'usage.customers.hot',
  'usage.report',
] as const;
export type UsageKey = (typeof USAGE_KEYS)[number];

export const HELP_TOPICS = ['customer', 'log', 'tasks', 'quote', 'crm', 'role'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const detailValue = z.union([z.string().max(500), z.number()]);

// Lists, queues and team settings (issue 9, `lists`): what `/customers` may be narrowed by, and the
// team settings a manager may change from chat (ranges are the domain's to check).
export const customerFilterSchema = z.object({
  tier: z.enum(TIERS).optional(),
  status: z.enum(STATUSES).optional(),
  tag: text(50).optional(),
  region: text(100).optional(),
  /** `user` names a colleague as typed (resolve with findUser). */
  owner: z.union([z.enum(['me', 'pool', 'all']), z.object({ user: text(200) })]).optional(),
  due: z.literal('overdue').optional(),
});
export type CustomerFilterIntent = z.infer<typeof customerFilterSchema>;
export const MAX_LIST_PAGE = 1000;
const tiered = z.object({ A: z.number().int().optional(), B: z.number().int().optional(), C: z.number().int().optional() });
export const teamChangeSchema = z.discriminatedUnion('setting', [
  z.object({ setting: z.literal('zone'), value: text(100) }),
  z.object({ setting: z.literal('locale'), value: z.enum(['en', 'zh-CN']) }),
  z.object({ setting: z.literal('currency'), value: currency.nullable() }),
  z.object({ setting: z.literal('workdays'), value: z.array(z.number().int()).min(1).max(7) }),
  z.object({ setting: z.literal('workday'), value: z.object({ start: z.number().int(), end: z.number().int() }) }),
  z.object({ setting: z.literal('cadence'), value: tiered }),
  z.object({ setting: z.literal('poolHours'), value: tiered }),
  z.object({ setting: z.literal('claimsPerDay'), value: z.number().int() }),
  z.object({ setting: z.literal('discountLimit'), value: z.number().int() }),
  z.object({ setting: z.literal('churnDays'), value: z.number().int() }),
  z.object({ setting: z.literal('scoreThreshold'), value: z.number().int() }),
  z.object({ setting: z.literal('responseHours'), value: z.number().int() }),
  z.object({ setting: z.literal('scoreWeights'), value: z.partialRecord(z.enum(POINT_WEIGHTS), z.number().int()) }),
  /** `amount` as typed ("20000", "1.5万"); null clears the cost. Read in the team's currency by the dispatcher. */
  z.object({ setting: z.literal('sourceCost'), source: text(40), amount: text(40).nullable() }),
]);
export type TeamChangeIntent = z.infer<typeof teamChangeSchema>;

export const intentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer.add'), name: text(200), fields: customerFieldsSchema, force: z.boolean() }),
  /** `query` is a name, alias, code or prefix: resolve with getCustomer / resolveCustomerAtStart. */
  z.object({ kind: z.literal('customer.show'), query: text(200) }),
  z.object({ kind: z.literal('customer.find'), query: text(200) }),
  /** `customerText` names the customer (resolve it); `fields` holds only what was given. */
  z.object({ kind: z.literal('customer.update'), customerText: text(200), fields: customerFieldsSchema }),
  z.object({ kind: z.literal('customer.import'), csv: text(1_000_000) }),
  z.object({
    kind: z.literal('log'),
    /**
     * When `summary` is a string, `customerText` is exactly the customer's words (split at the channel word,
     * or a quoted name). When `summary` is null, no channel word was given: `customerText` is the customer followed
     * by the summary; resolve it with resolveCustomerAtStart and use `cleanSummary(rest)` as the summary.
     */
    customerText: text(4000),
    summary: text(4000).nullable(),
    /** Set when the person picked the customer from a choice (a button): no name to resolve. */
    customerId: id.optional(),
    channel: z.enum(CHANNELS).optional(),
    mood: z.enum(MOODS).optional(),
    /** The next step as typed, date phrase included: findDateIn(text) gives dueAt and the title. */
    nextStep: z.object({ text: text(1000) }).optional(),
    /** Said as a complaint (`complaint:`, `投诉：`): opens one on the customer. */
    complaint: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('interaction.undo'), id }),
  z.object({ kind: z.literal('tasks.list'), scope: z.enum(['mine', 'pool']) }),
  z.object({ kind: z.literal('task.done'), id }),
  z.object({ kind: z.literal('task.claim'), id }),
  /** `whenText` is the raw date phrase ("next monday", "下周一"); resolve it in the actor's zone. */
  z.object({ kind: z.literal('task.snooze'), id, whenText: text(200) }),
  /** `to` names a user (display name, @mention, door:id): resolve with findUser. */
  z.object({ kind: z.literal('task.reassign'), id, to: text(200) }),
  z.object({
    kind: z.literal('quote.new'),
    customerText: text(200),
    lines: z.array(quoteLineSchema).min(1).max(MAX_LINES),
    discountBps,
    currency: currency.optional(),
  }),
  /** Only what was given changes: a missing `lines` keeps the lines, and so on. */
  z.object({
    kind: z.literal('quote.edit'),
    id,
    lines: z.array(quoteLineSchema).min(1).max(MAX_LINES).optional(),
    discountBps: discountBps.optional(),
    currency: currency.optional(),
  }),
  z.object({ kind: z.literal('quote.show'), id }),
  z.object({ kind: z.literal('quote.submit'), id }),
  /** `version` comes from a button (the quote as the approver saw it); typed commands have none. */
  z.object({ kind: z.literal('quote.approve'), id, version: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('quote.reject'), id, reason: text(500), version: z.number().int().positive().optional() }),
  /** The customer's answer to an approved quote (issue 13); `rejected` always carries a reason. */
  /** A team report for a period named as typed ("last month", "2026-10", 上个月): resolved in the team's zone; none means this month. */
  z.object({ kind: z.literal('report'), report: z.enum(['funnel', 'monthly', 'rfm']), periodText: text(60).optional() }),
  /** The open customers with the highest lead scores the reader may open. */
  z.object({ kind: z.literal('customers.hot') }),
  /** Accept or Decline on a hand-off card: `id` is the LeadHandoff. */
  z.object({ kind: z.literal('handoff.accept'), id }),
  z.object({ kind: z.literal('handoff.decline'), id }),
  z.object({ kind: z.literal('quote.outcome'), id, outcome: z.enum(QUOTE_OUTCOMES), reason: text(500).optional() }),
  z.object({ kind: z.literal('help'), topic: z.enum(HELP_TOPICS).optional() }),
  z.object({ kind: z.literal('whoami') }),
  /** One person's day: tasks, open quotes, customers due for contact (App Home, `/crm home`). */
  z.object({ kind: z.literal('home') }),
  /** Make (or stop making) the channel this was said in the team's digest or approvals channel. */
  z.object({ kind: z.literal('channel'), purpose: z.enum(['digest', 'approvals']), off: z.boolean() }),
  // Lists, queues and team settings (issue 9, `lists`).
  /** `/customers`: visible customers, filtered, soonest due for contact first, one page. */
  z.object({ kind: z.literal('customers.list'), filter: customerFilterSchema, page: z.number().int().min(1).max(MAX_LIST_PAGE) }),
  z.object({ kind: z.literal('quotes.list'), scope: z.enum(['mine', 'waiting', 'team']) }),
  /** A manager's view of the team's overdue and today's tasks, by rep. */
  z.object({ kind: z.literal('tasks.team') }),
  /** `text` is "<customer> <title> <when>": resolve the customer at its start, then findDateIn the rest. `to` names the owner. */
  z.object({ kind: z.literal('task.add'), text: text(1000), to: text(200).optional() }),
  z.object({ kind: z.literal('team.show') }),
  /** `/crm team weights`: how the lead score counts, weight by weight. */
  z.object({ kind: z.literal('team.weights') }),
  z.object({ kind: z.literal('team.set'), change: teamChangeSchema }),
  /** The team's greeting dates (issue 14): shown, or one added or removed by a manager. */
  z.object({ kind: z.literal('team.holidays') }),
  z.object({ kind: z.literal('team.holiday'), op: z.enum(['add', 'remove']), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: text(40).optional() }),
  /** Both name people as typed (@mention, door:id, name): findUser resolves them. */
  z.object({ kind: z.literal('manager.set'), target: text(200), manager: text(200) }),
  // words (issue 15): the language a person chose for their replies; null follows profile and writing again.
  z.object({ kind: z.literal('language'), locale: z.enum(['en', 'zh-CN']).nullable() }),
  // reach (issue 14): `/crm link` gives a one-time code; `/crm link <code>` on the other platform joins both users.
  z.object({ kind: z.literal('link'), code: text(40).optional() }),
  /** `/complaint resolve <id> <how>`; `/complaints` lists the open ones the reader may act on. */
  z.object({ kind: z.literal('complaint.resolve'), id, how: text(1000) }),
  z.object({ kind: z.literal('complaints.list') }),
  /** A churn card's buttons: a call task at a date said in words, a touch logged, the customer handed to the owner's manager. */
  z.object({ kind: z.literal('customer.schedule'), customerText: text(200), whenText: text(200) }),
  z.object({ kind: z.literal('customer.touch'), customerText: text(200), note: text(1000) }),
  z.object({ kind: z.literal('customer.handoff'), customerText: text(200) }),
  /** `/crm notify`: show; a door (null: the one used last); quiet hours in minutes (null: the team's default; equal: never). */
  z.object({
    kind: z.literal('notify'),
    door: z.enum(['slack', 'feishu']).nullable().optional(),
    quiet: z.object({ startMinute: z.number().int().min(0).max(1439), endMinute: z.number().int().min(0).max(1439) }).nullable().optional(),
  }),
  /** `target` is "door:externalId", a display name or an @mention: setRole resolves it. */
  z.object({ kind: z.literal('role'), target: text(200), role: z.enum(ROLES) }),
  // Ownership and the pool (issue 9). `customerText` names one customer (resolve it with getCustomer);
  // a Claim button carries the customer's code. `to`/`from` name people (resolve with findUser).
  z.object({ kind: z.literal('pool.list') }),
  z.object({ kind: z.literal('customer.claim'), customerText: text(200) }),
  z.object({ kind: z.literal('customer.assign'), customerText: text(200), to: text(200) }),
  /** Every customer `from` owns goes to `to` (a departing rep's book). */
  z.object({ kind: z.literal('customer.assign_all'), from: text(200), to: text(200) }),
  z.object({ kind: z.literal('customer.release'), customerText: text(200) }),
  // Contacts (issue 10): `customerText` is the customer followed by the person's name.
  z.object({ kind: z.literal('contact.add'), customerText: text(300), contact: contactFieldsSchema, primary: z.boolean() }),
  z.object({ kind: z.literal('contact.edit'), customerText: text(300), contact: contactFieldsSchema, primary: z.boolean() }),
  z.object({ kind: z.literal('contact.remove'), customerText: text(300) }),
  z.object({ kind: z.literal('contact.primary'), customerText: text(300) }),
  /** A customer file handed over by a door (upload, console path): read and planned, nothing written yet. */
  z.object({
    kind: z.literal('customer.import.file'),
    fileName: text(300),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
    merge: z.boolean(),
    /** Why an upload could not be fetched (the door's download refused it): answered, nothing read. */
    problem: z.enum(['too_large', 'file_type', 'download']).optional(),
  }),
  /** The team's customers as a file, sent to the asker's direct messages. */
  z.object({ kind: z.literal('customer.export'), format: z.enum(['csv', 'xlsx']) }),
  /** Import or Cancel on a dry run's card: `id` is the planned import. */
  z.object({ kind: z.literal('customer.import.run'), id, merge: z.boolean() }),
  z.object({ kind: z.literal('customer.import.cancel'), id }),
  /**
   * The input could not be read. Nothing should be written: answer with `t(locale, 'invalid.'+code,
   * details)` and the usage line `t(locale, usage)`. `details` holds only strings and numbers.
   */
  z.object({
    kind: z.literal('invalid'),
    code: z.enum(INVALID_CODES),
    usage: z.enum(USAGE_KEYS),
    details: z.record(z.string(), detailValue),
  }),
]);

export type Intent = z.infer<typeof intentSchema>;
export type IntentKind = Intent['kind'];
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;
export type InvalidIntent = IntentOf<'invalid'>;

export function invalidIntent(code: InvalidCode, usage: UsageKey, details: Record<string, string | number> = {}): InvalidIntent {
  return { kind: 'invalid', code, usage, details };
}
