/** RFC 4180 CSV for spreadsheets: header first, CRLF line ends, cells safe from formula injection. */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell that a spreadsheet would evaluate — a leading `=`, `+`, `-`, `@`, tab or carriage return
 * followed by anything but a plain number — gets a leading `'` (OWASP, "CSV Injection"). Every writer of
 * cells (CSV and XLSX) goes through this guard; `unguardCell` undoes it on import.
 */
export function spreadsheetSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
}

/** The text of a cell as written by `spreadsheetSafe`, without the guard's `'`. */
export function unguardCell(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell): string => {
    const s = v === null || v === undefined ? '' : String(v);
    const safe = spreadsheetSafe(s);
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A CSV parse: the rows, or where it broke (1-based line). */
export type CsvParse =
  /** `lines[i]`: the line on which `rows[i]` starts (1-based), so messages can name it. */
  | { readonly ok: true; readonly rows: string[][]; readonly lines: number[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Parses RFC 4180 CSV (also LF line ends, a leading byte-order mark, and `;` when the header has no `,`
 * but has `;`, as spreadsheets in many European locales write). Quoted cells may hold commas, quotes
 * (doubled) and line breaks. Blank lines are dropped. An unterminated quote is an error with its line.
 */
export function parseCsv(text: string): CsvParse {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  const lines: number[] = [];
  let rowLine = 1;
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  const endRow = (): void => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    cell = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      endRow();
      rowLine = ++line;
      i++;
    } else if (c === '\n') {
      endRow();
      rowLine = ++line;
    } else cell += c;
    i++;
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted cell is never closed (missing ")' };
  if (cell !== '' || row.length > 0) endRow();
  return { ok: true, rows, lines };
}
