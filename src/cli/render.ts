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
    ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c))),
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

/** 12,345 / 1.5 / 0.25: thousands separators, at most two decimals, no trailing zeros. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 2 });
}

/** US$ amounts in readable units: $1.2bn, $350m, $75k. */
export function formatUsd(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e12) return `$${(x / 1e12).toFixed(2)}tn`;
  if (a >= 1e9) return `$${(x / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `$${(x / 1e6).toFixed(0)}m`;
  if (a >= 1e3) return `$${(x / 1e3).toFixed(0)}k`;
  return `$${x.toFixed(0)}`;
}

/** The CLI's figures: Bulwark's one number format (core/shared/format.ts), in English. */
export const figures = numberFormat('en');

export const heading = (text: string): string => `\n${text}\n${'═'.repeat(text.length)}`;

/** Shortens text for a table cell, ending in "…" when cut (`--json` has the full text). */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
