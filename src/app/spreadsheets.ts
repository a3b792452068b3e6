/**
 * Spreadsheets in and out, for the server and the CLI: a scenario table as CSV or XLSX bytes, and an
 * uploaded sheet (CSV or XLSX) as rows for the pledge import.
 */
import { readXlsx, writeXlsx } from '../adapters/files/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, toCsv } from '../core/shared/index.js';
import { csvSheet, type Sheet } from './pledge-import.js';
import { pledgedInPlace } from './plan.js';
import { scenarioTable, type TableName } from './tables.js';

export const sheetFormats = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

export const sheetContentType: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One table of `s` as a file: RFC 4180 CSV, or an XLSX workbook with one sheet named after the table. */
export async function exportTable(s: Scenario, table: TableName, format: SheetFormat): Promise<Buffer> {
  const t = scenarioTable(s, table, await pledgedInPlace(s));
  if (format === 'csv') return Buffer.from(toCsv(t.header, t.rows), 'utf8');
  return writeXlsx([{ name: t.name, header: t.header, rows: t.rows }]);
}

/** The format of a file by its name (`.csv`, `.xlsx`); `usage` for anything else. */
export function formatOf(file: string): SheetFormat {
  const m = /\.(csv|xlsx)$/i.exec(file);
  if (m?.[1] === undefined)
    throw new BulwarkError('usage', `${file}: a pledge sheet is a .csv or .xlsx file`);
  return m[1].toLowerCase() as SheetFormat;
}

/**
 * The sheet to import from a file's bytes: the CSV, or the workbook's sheet named "pledges" (any case),
 * else its first. `input-unreadable` when the bytes cannot be read as that format.
 */
export async function loadSheet(bytes: Buffer, name: string, format: SheetFormat): Promise<Sheet> {
  if (format === 'csv') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000'))
      throw new BulwarkError('input-unreadable', `${name}: not a text file (is it an .xlsx named .csv?)`);
    return csvSheet(text, name);
  }
  const sheets = await readXlsx(bytes, name);
  const pick = sheets.find((s) => s.name.toLowerCase() === 'pledges') ?? sheets[0];
  if (pick === undefined) throw new BulwarkError('input-unreadable', `${name}: the workbook has no sheet`);
  // Sheet rows are numbered as the spreadsheet shows them (empty rows skipped but counted).
  return { name: `${name}!${pick.name}`, rows: pick.rows.map((r) => ({ n: r.n, cells: r.cells })) };
}
