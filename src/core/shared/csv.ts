/** RFC 4180 CSV for spreadsheets: header first, CRLF line ends, cells safe from formula injection. */

export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell): string => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading =, +, - or @ would make a spreadsheet evaluate the cell (CSV injection, OWASP).
    const safe = /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
