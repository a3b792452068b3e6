import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, betaQuantileTable } from './distribution.js';

describe('Beta quantile tables seeded from their neighbours', () => {
  it('agree with bisection on every entry (to 1e-12), for skewed, U-shaped and flat shapes', () => {
    const n = 512;
    for (const [a, b] of [
      [2, 6],
      [6, 2],
      [0.5, 0.5],
      [0.3, 4],
      [30, 1.2],
      [1, 1],
    ] as const) {
      const out = new Float64Array(n + 1);
      betaQuantileTable(a, b, n, out);
      for (let i = 0; i <= n; i++) expect(Math.abs(out[i]! - betaQuantile(i / n, a, b))).toBeLessThan(1e-12);
      // Increasing, and each entry inverts the CDF.
      for (let i = 1; i <= n; i++) expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]!);
      expect(betaCdf(out[n / 2]!, a, b)).toBeCloseTo(0.5, 10);
    }
  });

  it('Beta(1, 1) is the identity and Beta(2, 1) the square root (closed forms)', () => {
    const n = 64;
    const u = new Float64Array(n + 1);
    const r = new Float64Array(n + 1);
    betaQuantileTable(1, 1, n, u);
    betaQuantileTable(2, 1, n, r);
    for (let i = 0; i <= n; i++) {
      expect(u[i]).toBeCloseTo(i / n, 12);
      expect(r[i]).toBeCloseTo(Math.sqrt(i / n), 12);
    }
  });
});
