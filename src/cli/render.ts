/**
 * Plain-text tables and number formats for terminal output. No colour codes: output is readable when
 * piped, and `--json` exists for tools.
 */

import { numberFormat } from '../core/shared/index.js';

export type Align = 'left' | 'right';

/** A table with a header row; numbers right-aligned by default. */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align?: readonly Align[],
): string {
  const cells = [
    header.map(String),
    ...rows.map((r) => r.map((c) => (typeof c === 'number' ? figures.quantity(c) : c))),
  ];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  const aligns = header.map(
    (_, j) =>
      align?.[j] ?? (rows.every((r) => typeof r[j] === 'number') && rows.length > 0 ? 'right' : 'left'),
  );
  const line = (r: readonly string[]): string =>
    r
      .map((c, j) => (aligns[j] === 'right' ? c.padStart(widths[j] ?? 0) : c.padEnd(widths[j] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}

/** The CLI's figures: Bulwark's one number format (core/shared/format.ts), in English. */
export const figures = numberFormat('en');

export const heading = (text: string): string => `\n${text}\n${'═'.repeat(text.length)}`;

/** Shortens text for a table cell, ending in "…" when cut (`--json` has the full text). */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
