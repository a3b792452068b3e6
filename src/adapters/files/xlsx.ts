/**
 * XLSX workbooks in and out (exceljs; docs/decisions/0007-spreadsheets.md). Writing passes every text
 * cell through the same spreadsheet-injection guard as the CSV writer; reading turns every cell into its
 * text (a formula cell into its cached result), so imports see the same strings a CSV would give.
 */
import type ExcelJS from 'exceljs';
import { BulwarkError, spreadsheetSafe, type CsvCell } from '../../core/shared/index.js';

export interface SheetData {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** exceljs, loaded on first use: importing it took 1.4 s on the shared development machine, which no other command should pay. */
const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** A workbook with one worksheet per sheet: a bold, frozen header row, numbers as numbers. */
export async function writeXlsx(sheets: readonly SheetData[], creator = 'Bulwark'): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = creator;
  // Fixed, so the same tables give the same workbook bytes apart from the zip's own timestamps.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.header.map((h) => spreadsheetSafe(h)));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows)
      ws.addRow(
        r.map((v) =>
          v === null || v === undefined
            ? null
            : typeof v === 'number' || typeof v === 'boolean'
              ? v
              : spreadsheetSafe(v),
        ),
      );
    ws.columns.forEach((c, i) => {
      const widest = Math.max(
        String(s.header[i] ?? '').length,
        ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      );
      c.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Largest number of rows read from one worksheet. */
export const maxSheetRows = 20_000;

/**
 * The worksheets of an XLSX file as rows of cell texts, each with its row number. `input-unreadable` when the bytes are not a
 * workbook (named `file`), `usage` when a sheet has more than `maxSheetRows` rows.
 */
export async function readXlsx(
  bytes: Buffer,
  file: string,
): Promise<{ name: string; rows: { n: number; cells: string[] }[] }[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new BulwarkError(
      'input-unreadable',
      `${file}: not a readable XLSX workbook (${(e as Error).message})`,
    );
  }
  return wb.worksheets.map((ws) => {
    if (ws.rowCount > maxSheetRows)
      throw new BulwarkError(
        'usage',
        `${file}, sheet "${ws.name}": ${ws.rowCount} rows; at most ${maxSheetRows} are read`,
      );
    const rows: { n: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (cells.length > 0) rows.push({ n: row.number, cells });
    });
    return { name: ws.name, rows };
  });
}

/** The text of a cell value: numbers and booleans as written, dates as YYYY-MM-DD, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result ?? null);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return '';
}
