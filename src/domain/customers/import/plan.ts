// The dry run: every row of a customer file decided before anything is written. A row is created,
// matches a customer the team has (by code, then folded name, then a contact's phone or email), adds
// to a customer an earlier row of the file already introduced, or is refused with its column and
// reason. The counts add up to the rows read; the import then does exactly this.
import type { PrismaClient, Team } from '../../../generated/prisma/client.ts';
import { normalizeEmail, normalizeName, normalizePhone } from '../../text/normalize.ts';
import { readBudget, readDay, readPartialDate, teamCurrency } from '../values.ts';
import { fieldOfHeader, type ImportField } from './columns.ts';
import type { Cell, Table } from './read.ts';
import { readChannel, readSource, readStatus, readTier } from './words.ts';
import { readBirthday } from '../../care/birthday.ts';

export interface RowNote {
  /** The header as the file wrote it. */
  column: string;
  /** A catalog reason: `import.reason.<code>`. */
  reason: string;
  value?: string;
}

export interface RowData {
  code?: string;
  name: string;
  normalizedName: string;
  aliases?: string[];
  industry?: string;
  size?: string;
  mainBusiness?: string;
  region?: string;
  address?: string;
  founded?: string;
  tier?: 'A' | 'B' | 'C';
  status?: 'lead' | 'intent' | 'deal' | 'lost';
  source?: string;
  referrer?: string;
  /** ISO day. */
  firstContact?: string;
  needs?: string;
  budget?: { minMinor: string; maxMinor: string; currency: string };
  decisionChain?: string;
  ownerId?: number | null;
  tags?: string[];
  contact?: { name?: string; title?: string; phone?: string; email?: string; preferredChannel?: string; birthday?: string };
}

export type RowAction = 'create' | 'match' | 'same' | 'refuse';

export interface PlannedRow {
  row: number;
  action: RowAction;
  data?: RowData;
  /** The customer a `match` row found, and by which rule. */
  match?: { id: number; code: string; name: string; by: 'code' | 'name' | 'phone' | 'email' };
  /** The earlier row of the file a `same` row adds to. */
  sameAs?: number;
  problems: RowNote[];
  warnings: RowNote[];
}

export interface Plan {
  headerRow: number;
  columns: Array<{ header: string; field: ImportField | null }>;
  unknownColumns: string[];
  rows: PlannedRow[];
  counts: { rows: number; create: number; match: number; same: number; refuse: number };
}

const MAX: Partial<Record<ImportField, number>> = {
  name: 200, industry: 100, size: 100, mainBusiness: 500, region: 100, address: 300, referrer: 200, needs: 2000, decisionChain: 1000, contactName: 100, title: 100,
};

type Db = Pick<PrismaClient, 'customer' | 'contact' | 'user'>;

/** Finds the header row (the first of the top rows that names a customer-name column) and plans each row after it. */
export async function planImport(prisma: Db, team: Team, table: Table): Promise<Plan> {
  const headerIndex = table.rows.slice(0, 5).findIndex((r) => r.cells.some((c) => typeof c === 'string' && fieldOfHeader(c) === 'name'));
  if (headerIndex < 0) return { headerRow: 0, columns: [], unknownColumns: [], rows: [], counts: { rows: 0, create: 0, match: 0, same: 0, refuse: 0 } };
  const header = table.rows[headerIndex]!;
  const seen = new Set<ImportField>();
  const columns = header.cells.map((c) => {
    const h = typeof c === 'string' ? c.trim() : c.toISOString();
    const f = fieldOfHeader(h);
    // A second column for the same field is reported, not silently preferred.
    if (!f || seen.has(f)) return { header: h, field: null };
    seen.add(f);
    return { header: h, field: f };
  });
  const unknownColumns = columns.filter((c) => !c.field && c.header).map((c) => c.header);

  const index = await teamIndex(prisma, team.id);
  const fileKeys = new Map<string, number>();
  const rows: PlannedRow[] = [];
  for (const r of table.rows.slice(headerIndex + 1)) {
    const planned = planRow(team, columns, r.row, r.cells, index.users);
    if (planned.action === 'refuse') {
      rows.push(planned);
      continue;
    }
    const d = planned.data!;
    const keys = [d.code && `code:${d.code}`, `name:${d.normalizedName}`, ...contactKeys(d)].filter((k): k is string => !!k);
    const earlier = keys.map((k) => fileKeys.get(k)).find((v) => v !== undefined);
    const existing = findExisting(index, d);
    if (existing) {
      planned.action = 'match';
      planned.match = existing;
      if (d.code && existing.by !== 'code' && index.codes.has(d.code)) planned.warnings.push({ column: headerOf(columns, 'code'), reason: 'code_in_use', value: d.code });
    } else if (earlier !== undefined) {
      planned.action = 'same';
      planned.sameAs = earlier;
    } else {
      if (d.code && index.codes.has(d.code)) {
        planned.warnings.push({ column: headerOf(columns, 'code'), reason: 'code_in_use', value: d.code });
        delete d.code;
      }
      for (const k of keys) fileKeys.set(k, r.row);
    }
    rows.push(planned);
  }
  const counts = { rows: rows.length, create: 0, match: 0, same: 0, refuse: 0 };
  for (const r of rows) counts[r.action]++;
  return { headerRow: header.row, columns, unknownColumns, rows, counts };
}

function headerOf(columns: Plan['columns'], field: ImportField): string {
  return columns.find((c) => c.field === field)?.header ?? field;
}

function contactKeys(d: RowData): string[] {
  const phone = normalizePhone(d.contact?.phone);
  const email = normalizeEmail(d.contact?.email);
  return [phone && `phone:${phone}`, email && `email:${email}`].filter((k): k is string => !!k);
}

interface TeamIndex {
  codes: Map<string, Hit>;
  names: Map<string, Hit>;
  phones: Map<string, Hit>;
  emails: Map<string, Hit>;
  users: Map<string, number>;
}
type Hit = { id: number; code: string; name: string };

async function teamIndex(prisma: Db, teamId: number): Promise<TeamIndex> {
  const [customers, contacts, users] = await Promise.all([
    prisma.customer.findMany({ where: { teamId }, select: { id: true, code: true, name: true, normalizedName: true }, orderBy: { id: 'asc' } }),
    prisma.contact.findMany({ where: { customer: { teamId } }, select: { normalizedPhone: true, email: true, customer: { select: { id: true, code: true, name: true } } }, orderBy: { id: 'asc' } }),
    prisma.user.findMany({ where: { teamId, active: true }, select: { id: true, displayName: true } }),
  ]);
  const idx: TeamIndex = { codes: new Map(), names: new Map(), phones: new Map(), emails: new Map(), users: new Map() };
  // Codes are unique across teams, so a code another team holds is "in use" too.
  const allCodes = await prisma.customer.findMany({ where: { NOT: { teamId } }, select: { id: true, code: true, name: true } });
  for (const c of allCodes) idx.codes.set(c.code, { id: -1, code: c.code, name: '' });
  for (const c of customers) {
    const hit = { id: c.id, code: c.code, name: c.name };
    idx.codes.set(c.code, hit);
    if (!idx.names.has(c.normalizedName)) idx.names.set(c.normalizedName, hit);
  }
  for (const k of contacts) {
    if (k.normalizedPhone && !idx.phones.has(k.normalizedPhone)) idx.phones.set(k.normalizedPhone, k.customer);
    if (k.email && !idx.emails.has(k.email)) idx.emails.set(k.email, k.customer);
  }
  for (const u of users) idx.users.set(u.displayName.normalize('NFKC').trim().toLowerCase(), u.id);
  return idx;
}

function findExisting(idx: TeamIndex, d: RowData): PlannedRow['match'] | undefined {
  const byCode = d.code ? idx.codes.get(d.code) : undefined;
  if (byCode && byCode.id > 0) return { ...byCode, by: 'code' };
  const byName = idx.names.get(d.normalizedName);
  if (byName) return { ...byName, by: 'name' };
  const phone = normalizePhone(d.contact?.phone);
  const byPhone = phone ? idx.phones.get(phone) : undefined;
  if (byPhone) return { ...byPhone, by: 'phone' };
  const email = normalizeEmail(d.contact?.email);
  const byEmail = email ? idx.emails.get(email) : undefined;
  if (byEmail) return { ...byEmail, by: 'email' };
  return undefined;
}

const LIST_SPLIT = /[,;，；、|\n]/;
const PHONE_RE = /^\+?[\d\s\-().]{4,40}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(c: Cell | undefined): string {
  if (c === undefined) return '';
  return (c instanceof Date ? c.toISOString().slice(0, 10) : c).normalize('NFC').trim();
}

function planRow(team: Team, columns: Plan['columns'], row: number, cells: Cell[], users: Map<string, number>): PlannedRow {
  const problems: RowNote[] = [];
  const warnings: RowNote[] = [];
  const get = (field: ImportField): { value: string; cell?: Cell; column: string } => {
    const i = columns.findIndex((c) => c.field === field);
    return i < 0 ? { value: '', column: field } : { value: text(cells[i]), cell: cells[i], column: columns[i]!.header };
  };
  const refuse = (column: string, reason: string, value?: string) => problems.push({ column, reason, ...(value ? { value: value.slice(0, 100) } : {}) });

  const name = get('name');
  if (!name.value) refuse(name.column, 'missing_name');
  const d: RowData = { name: name.value.replace(/\s+/g, ' '), normalizedName: normalizeName(name.value) || name.value.toLowerCase() };
  for (const field of ['industry', 'size', 'mainBusiness', 'region', 'address', 'referrer', 'needs', 'decisionChain'] as const) {
    const v = get(field);
    if (!v.value) continue;
    if (v.value.length > (MAX[field] ?? 200)) refuse(v.column, 'too_long', v.value);
    else d[field] = v.value;
  }
  if (d.name.length > 200) refuse(name.column, 'too_long', d.name);

  const code = get('code');
  if (code.value) {
    if (/^CUS\d{11,}$/.test(code.value.toUpperCase())) d.code = code.value.toUpperCase();
    else warnings.push({ column: code.column, reason: 'bad_code', value: code.value });
  }
  const aliases = get('aliases');
  if (aliases.value) d.aliases = [...new Set(aliases.value.split(LIST_SPLIT).map((s) => s.trim()).filter(Boolean))].slice(0, 20);
  const tags = get('tags');
  if (tags.value) d.tags = [...new Set(tags.value.split(LIST_SPLIT).map((s) => s.trim()).filter(Boolean))].slice(0, 20);

  const tier = get('tier');
  if (tier.value) (d.tier = readTier(tier.value)) ?? refuse(tier.column, 'bad_tier', tier.value);
  const status = get('status');
  if (status.value) (d.status = readStatus(status.value)) ?? refuse(status.column, 'bad_status', status.value);
  const source = get('source');
  if (source.value) {
    const s = readSource(source.value);
    if (!s) refuse(source.column, 'bad_source', source.value);
    else if (!team.customerSources.includes(s)) refuse(source.column, 'source_not_offered', source.value);
    else d.source = s;
  }
  const founded = get('founded');
  if (founded.value) {
    const v = readPartialDate(founded.cell instanceof Date ? founded.cell : founded.value);
    if (v) d.founded = v;
    else refuse(founded.column, 'bad_founded', founded.value);
  }
  const first = get('firstContact');
  if (first.value) {
    const v = readDay(first.cell instanceof Date ? first.cell : first.value);
    if (v) d.firstContact = v.toISOString().slice(0, 10);
    else refuse(first.column, 'bad_first_contact', first.value);
  }
  const budget = get('budget');
  if (budget.value) {
    const b = readBudget(budget.value, teamCurrency(team));
    if (b) d.budget = { minMinor: b.minMinor.toString(), maxMinor: b.maxMinor.toString(), currency: b.currency };
    else refuse(budget.column, 'bad_budget', budget.value);
  }
  const owner = get('owner');
  if (owner.value) {
    const id = users.get(owner.value.normalize('NFKC').trim().toLowerCase());
    if (id) d.ownerId = id;
    else {
      d.ownerId = null;
      warnings.push({ column: owner.column, reason: 'unknown_owner', value: owner.value });
    }
  }

  const contact: NonNullable<RowData['contact']> = {};
  const cname = get('contactName');
  if (cname.value) {
    if (cname.value.length > 100) refuse(cname.column, 'too_long', cname.value);
    else contact.name = cname.value;
  }
  const title = get('title');
  if (title.value) {
    if (title.value.length > 100) refuse(title.column, 'too_long', title.value);
    else contact.title = title.value;
  }
  // 联系方式 holds a phone or an email: told apart by the @.
  const method = get('contactMethod');
  for (const part of method.value ? method.value.split(/[\s,;，；、/]+(?=\S*[@\d+])/).map((s) => s.trim()).filter(Boolean) : []) {
    const v = part.normalize('NFKC');
    if (v.includes('@')) EMAIL_RE.test(v) ? (contact.email ??= v.toLowerCase()) : refuse(method.column, 'bad_email', part);
    else if (PHONE_RE.test(v) && /\d{3}/.test(v)) contact.phone ??= v;
    else refuse(method.column, 'bad_contact_method', part);
  }
  const phone = get('phone');
  if (phone.value) {
    const v = phone.value.normalize('NFKC');
    if (PHONE_RE.test(v) && /\d{3}/.test(v)) contact.phone = v;
    else refuse(phone.column, 'bad_phone', phone.value);
  }
  const email = get('email');
  if (email.value) {
    const v = email.value.normalize('NFKC');
    if (EMAIL_RE.test(v)) contact.email = v.toLowerCase();
    else refuse(email.column, 'bad_email', email.value);
  }
  const prefers = get('prefers');
  if (prefers.value) {
    const ch = readChannel(prefers.value);
    if (ch) contact.preferredChannel = ch;
    else refuse(prefers.column, 'bad_prefers', prefers.value);
  }
  const birthday = get('birthday');
  if (birthday.value) {
    const v = readBirthday(birthday.cell instanceof Date ? birthday.cell : birthday.value);
    if (v) contact.birthday = v;
    else refuse(birthday.column, 'bad_birthday', birthday.value);
  }
  if (Object.keys(contact).length) d.contact = contact;

  if (problems.length) return { row, action: 'refuse', problems, warnings };
  return { row, action: 'create', data: d, problems, warnings };
}
