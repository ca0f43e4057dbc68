// A customer file's bytes to a header row and data rows, with maintained parsers: csv-parse for CSV
// (quoted fields, BOM, `,` `;` or tab separators, Excel's pasted TSV; UTF-8, else GB18030 as Chinese
// Excel saves it) and exceljs for XLSX (the first worksheet; dates stay dates, formulas give results).
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { invalid } from '../../errors.ts';

export type Cell = string | Date;
export interface Table {
  /** The non-blank rows with their 1-based row number in the file; the header is among the first few. */
  rows: Array<{ row: number; cells: Cell[] }>;
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const MAX_ROWS = 20_000;
export const MAX_BYTES = 20 * 1024 * 1024;

export function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b);
}

export async function readTable(bytes: Uint8Array, fileName = ''): Promise<Table> {
  if (bytes.length > MAX_BYTES) throw invalid('import.too_large', { max: `${MAX_BYTES / 1024 / 1024} MB` });
  if (isXlsx(bytes)) return readXlsx(bytes);
  if (/\.xlsx?$/i.test(fileName)) throw invalid('import.bad_file', { file: fileName });
  return readCsv(decode(bytes));
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The separator the header line uses most, outside quotes: `,`, `;` or tab. */
function delimiterOf(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

function readCsv(text: string): Table {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (err) {
    throw invalid('import.bad_csv', { problem: (err as Error).message.slice(0, 200) });
  }
  return tableOf(records.map((cells, i) => ({ row: i + 1, cells })));
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // Loaded on first use: exceljs is large, and most processes never read a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw invalid('import.bad_xlsx', { problem: (err as Error).message.slice(0, 200) });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { rows: [] };
  const rows: Array<{ row: number; cells: Cell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    const values = r.values as ExcelJS.CellValue[];
    rows.push({ row: n, cells: values.slice(1).map(cellValue) });
  });
  return tableOf(rows);
}

function tableOf(all: Array<{ row: number; cells: Cell[] }>): Table {
  const blank = (c: Cell) => (typeof c === 'string' ? c.trim() === '' : false);
  const rows = all.filter((r) => !r.cells.every(blank));
  if (rows.length > MAX_ROWS + 1) throw invalid('import.too_many_rows', { max: MAX_ROWS, rows: rows.length - 1 });
  return { rows };
}
