// The team's customers as the sheet they came from: the import's own columns (Chinese headers for a
// zh-CN team, English otherwise), one row per customer with its primary contact, and one more row
// per further contact carrying the customer's code and name, so importing the file into an empty
// CRM gives back the same customers, contacts, tiers, owners and tags.
import { stringify } from 'csv-stringify/sync';
import type { DomainContext } from '../context.ts';
import { assertRole } from '../permissions.ts';
import { EXPORT_COLUMNS, type ImportField } from './import/columns.ts';
import { CHANNEL_OUT, SOURCE_OUT, STATUS_OUT } from './import/words.ts';
import { teamCurrency, writeBudget } from './values.ts';

export type ExportFormat = 'csv' | 'xlsx';

export async function exportRows(ctx: DomainContext): Promise<{ headers: string[]; rows: string[][]; locale: 'en' | 'zh-CN'; teamName: string }> {
  assertRole(ctx.actor, 'manager', 'export');
  const team = await ctx.prisma.team.findUniqueOrThrow({ where: { id: ctx.actor.teamId } });
  const locale = team.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const currency = teamCurrency(team);
  const customers = await ctx.prisma.customer.findMany({
    where: { teamId: team.id },
    orderBy: { id: 'asc' },
    include: { owner: { select: { displayName: true } }, contacts: { orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] } },
  });
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const rows: string[][] = [];
  for (const c of customers) {
    const [first, ...more] = c.contacts;
    const contactCells = (k: (typeof c.contacts)[number] | undefined): Partial<Record<ImportField, string>> =>
      k ? { contactName: k.name, title: k.title ?? '', phone: k.phone ?? '', email: k.email ?? '', prefers: k.preferredChannel ? CHANNEL_OUT[locale][k.preferredChannel] : '', birthday: k.birthday ?? '' } : {};
    const values: Partial<Record<ImportField, string>> = {
      code: c.code,
      name: c.name,
      aliases: c.aliases.join(sep),
      industry: c.industry ?? '',
      size: c.size ?? '',
      mainBusiness: c.mainBusiness ?? '',
      region: c.region ?? '',
      address: c.address ?? '',
      founded: c.founded ?? '',
      tier: c.tier,
      status: STATUS_OUT[locale][c.status],
      source: SOURCE_OUT[locale][c.source],
      referrer: c.referrer ?? '',
      firstContact: c.firstContactOn ? c.firstContactOn.toISOString().slice(0, 10) : '',
      needs: c.needs ?? '',
      budget:
        c.budgetMinMinor !== null && c.budgetMaxMinor !== null && c.budgetCurrency
          ? writeBudget({ minMinor: c.budgetMinMinor, maxMinor: c.budgetMaxMinor, currency: c.budgetCurrency }, locale, currency)
          : '',
      decisionChain: c.decisionChain ?? '',
      owner: c.owner?.displayName ?? '',
      tags: c.tags.join(sep),
      ...contactCells(first),
    };
    rows.push(EXPORT_COLUMNS.map((col) => values[col.field] ?? ''));
    for (const k of more) {
      const extra: Partial<Record<ImportField, string>> = { code: c.code, name: c.name, ...contactCells(k) };
      rows.push(EXPORT_COLUMNS.map((col) => extra[col.field] ?? ''));
    }
  }
  return { headers: EXPORT_COLUMNS.map((col) => (locale === 'zh-CN' ? col.zh : col.en)), rows, locale, teamName: team.name };
}

/** The file's bytes: CSV in UTF-8 with a byte-order mark (so Excel reads Chinese), or XLSX. */
export async function exportCustomers(ctx: DomainContext, format: ExportFormat): Promise<{ fileName: string; bytes: Uint8Array; customers: number; rows: number }> {
  const { headers, rows, locale, teamName } = await exportRows(ctx);
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const base = `${locale === 'zh-CN' ? '客户信息总表' : 'customers'}-${teamName.replace(/[^\p{L}\p{N}_-]+/gu, '_')}-${day}`;
  const customers = new Set(rows.map((r) => r[0])).size;
  if (format === 'csv') {
    const text = stringify([headers, ...rows], { bom: true, record_delimiter: 'windows' });
    return { fileName: `${base}.csv`, bytes: new TextEncoder().encode(text), customers, rows: rows.length };
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(locale === 'zh-CN' ? '客户信息' : 'Customers');
  sheet.addRow(headers).font = { bold: true };
  // Every cell is text, so codes, phones and partial dates come back exactly as written.
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((col) => (col.numFmt = '@'));
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `${base}.xlsx`, bytes: new Uint8Array(buf as ArrayBuffer), customers, rows: rows.length };
}
