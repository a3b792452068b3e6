/**
 * How the briefing writes numbers: one function per kind of figure, so every finding, table and chart
 * caption rounds the same way.
 */

/** Rounds for prose: 13,765 → "13,800"; 412 → "410"; 7.4 → "7". */
export function roughly(x: number): string {
  const a = Math.abs(x);
  // Below 10, one decimal (0.33 → "0.3"), so a small gap never reads as zero.
  if (a < 10) return (Math.round(x * 10) / 10).toLocaleString('en-GB');
  const digits = a >= 1000 ? 100 : a >= 100 ? 10 : 1;
  return (Math.round(x / digits) * digits).toLocaleString('en-GB');
}

export const pct = (p: number, digits = 0): string => `${(p * 100).toFixed(digits)}%`;

export function usd(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `$${(x / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `$${(x / 1e6).toFixed(0)}m`;
  return `$${Math.round(x).toLocaleString('en-GB')}`;
}

export const listWords = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`;

export const periodSpan = (from: number, to: number): string =>
  from === to ? `P${from}` : `P${from}–P${to}`;
