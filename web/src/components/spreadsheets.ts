/**
 * Spreadsheets in and out: the export links of a table (CSV and XLSX, from the server, which guards every
 * cell against spreadsheet injection) and the reading of a chosen file for an import.
 */
import { h } from '../dom.js';
import { scenarioUrl } from '../session.js';

export type TableName = 'pledges' | 'nations' | 'requirements' | 'coverage';

const names: Record<TableName, string> = {
  pledges: 'pledges',
  nations: 'nations',
  requirements: 'requirements',
  coverage: 'coverage (results)',
};

/** "Download pledges: CSV · XLSX" (`version`: a stored version; default the current one). */
export function exportLinks(table: TableName, version?: number): HTMLElement {
  const q = `table=${table}${version === undefined ? '' : `&version=${version}`}`;
  return h(
    'p',
    { class: 'exports' },
    `Download ${names[table]}: `,
    h('a', { href: `${scenarioUrl()}/export.csv?${q}`, download: '' }, `${table} as CSV`),
    ' · ',
    h('a', { href: `${scenarioUrl()}/export.xlsx?${q}`, download: '' }, `${table} as XLSX`),
  );
}

/** What the import route takes as `file`: CSV as text, XLSX as base64. */
export interface SheetFile {
  readonly name: string;
  readonly format: 'csv' | 'xlsx';
  readonly content: string;
}

/** Reads a chosen file; the format comes from its name (`.csv`, `.xlsx`), anything else is refused. */
export async function readSheet(file: File): Promise<SheetFile> {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.csv')) return { name: file.name, format: 'csv', content: await file.text() };
  if (lower.endsWith('.xlsx')) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { name: file.name, format: 'xlsx', content: btoa(bin) };
  }
  throw new Error(`${file.name}: choose a .csv or .xlsx file (a pledge sheet).`);
}
