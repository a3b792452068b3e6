/**
 * Support enumeration for two-player normal-form games (Nisan, Roughgarden, Tardos & Vazirani 2007,
 * *Algorithmic Game Theory*, §3.3; von Stengel 2007). For every pair of equal-size supports it solves the
 * indifference equations of each player over the other's support, keeps solutions that are probability
 * vectors, and keeps those against which no pure strategy outside the support does better.
 *
 * Class: two players. Complete (finds every equilibrium) for nondegenerate games, whose equilibria all have
 * supports of equal size. For degenerate games (a pure strategy with several pure best responses, which the
 * result flags) it returns equilibria it finds, but may miss some, including continua. Other games are refused.
 */
import { fail, issue, ok, type Result } from '../shared/index.js';
import { payoffAt, type NormalForm } from './normal-form.js';

export interface MixedEquilibrium {
  /** Probabilities over the row player's strategies (player 0). */
  readonly row: readonly number[];
  /** Probabilities over the column player's strategies (player 1). */
  readonly col: readonly number[];
  readonly payoffs: readonly [number, number];
}

export interface SupportEnumeration {
  readonly equilibria: readonly MixedEquilibrium[];
  /** True when some pure strategy has several pure best responses: the list may then be incomplete. */
  readonly degenerate: boolean;
}

const TOL = 1e-9;

export interface SupportOptions {
  /** Most support pairs to try. Default 1,000,000. */
  readonly maxSupports?: number;
}

/** All Nash equilibria of a nondegenerate two-player game (see the module comment for degenerate ones). */
export function supportEnumeration(nf: NormalForm, options: SupportOptions = {}): Result<SupportEnumeration> {
  if (nf.players.length !== 2)
    return fail([
      issue(
        'game.solver-class',
        ['players'],
        `support enumeration solves two-player games; this one has ${nf.players.length}`,
      ),
    ]);
  const m = nf.strategies[0]?.length ?? 0;
  const n = nf.strategies[1]?.length ?? 0;
  const A = rows(m, n, (i, j) => payoffAt(nf, [i, j])[0] ?? 0);
  const B = rows(m, n, (i, j) => payoffAt(nf, [i, j])[1] ?? 0);
  let pairs = 0;
  for (let k = 1; k <= Math.min(m, n); k++) pairs += binomial(m, k) * binomial(n, k);
  const limit = options.maxSupports ?? 1_000_000;
  if (pairs > limit)
    return fail([issue('game.too-large', ['players'], `${pairs} support pairs to try (limit ${limit})`)]);

  const found: MixedEquilibrium[] = [];
  const keys = new Set<string>();
  for (let k = 1; k <= Math.min(m, n); k++)
    for (const I of subsets(m, k))
      for (const J of subsets(n, k)) {
        // y on J makes the row player indifferent over I; x on I makes the column player indifferent over J.
        const ys = indifference(
          I.map((i) => J.map((j) => A[i]?.[j] ?? 0)),
          k,
        );
        if (ys === undefined) continue;
        const xs = indifference(
          J.map((j) => I.map((i) => B[i]?.[j] ?? 0)),
          k,
        );
        if (xs === undefined) continue;
        if (ys.p.some((v) => v < -TOL) || xs.p.some((v) => v < -TOL)) continue;
        const y = spread(n, J, ys.p);
        const x = spread(m, I, xs.p);
        const rowValues = A.map((r) => r.reduce((s, a, j) => s + a * (y[j] ?? 0), 0));
        const colValues = Array.from({ length: n }, (_, j) =>
          x.reduce((s, xi, i) => s + xi * (B[i]?.[j] ?? 0), 0),
        );
        const tol = (v: number): number => TOL * Math.max(1, Math.abs(v)) * 1e3;
        if (rowValues.some((v) => v > ys.v + tol(ys.v)) || colValues.some((v) => v > xs.v + tol(xs.v)))
          continue;
        const key = [...x, ...y].map((v) => v.toFixed(6)).join(',');
        if (keys.has(key)) continue;
        keys.add(key);
        found.push({ row: x, col: y, payoffs: [ys.v, xs.v] });
      }
  return ok({ equilibria: found, degenerate: isDegenerate(A, B) });
}

function rows(m: number, n: number, f: (i: number, j: number) => number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
}

/**
 * Solves M p = v·1, Σp = 1 for p (length k) and v, where M is k×k (M[r][c]: payoff to the indifferent player
 * of its r-th support strategy against the opponent's c-th). Undefined when the system is singular.
 */
function indifference(M: readonly (readonly number[])[], k: number): { p: number[]; v: number } | undefined {
  // Unknowns: p_0..p_{k-1}, v. Rows: k indifference equations, then the sum.
  const a: number[][] = [];
  for (let r = 0; r < k; r++) a.push([...(M[r] ?? []), -1, 0]);
  a.push([...Array.from({ length: k }, () => 1), 0, 1]);
  const x = gaussianSolve(a, k + 1);
  if (x === undefined) return undefined;
  return { p: x.slice(0, k).map((v) => (Math.abs(v) < TOL ? 0 : v)), v: x[k] ?? 0 };
}

/** Gaussian elimination with partial pivoting on an augmented size×(size+1) matrix (modified in place). */
export function gaussianSolve(a: number[][], size: number): number[] | undefined {
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[pivot]?.[c] ?? 0)) pivot = r;
    const pr = a[pivot];
    if (pr === undefined || Math.abs(pr[c] ?? 0) < 1e-12) return undefined;
    [a[c], a[pivot]] = [pr, a[c] ?? []];
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const row = a[r] ?? [];
      const f = (row[c] ?? 0) / (pr[c] ?? 1);
      if (f !== 0) for (let j = c; j <= size; j++) row[j] = (row[j] ?? 0) - f * (pr[j] ?? 0);
    }
  }
  return a.map((row, r) => (row[size] ?? 0) / (row[r] ?? 1));
}

function spread(len: number, support: readonly number[], p: readonly number[]): number[] {
  const out = Array.from({ length: len }, () => 0);
  support.forEach((s, i) => (out[s] = p[i] ?? 0));
  return out;
}

function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && (idx[i] ?? 0) === n - k + i) i--;
    if (i < 0) return;
    idx[i] = (idx[i] ?? 0) + 1;
    for (let j = i + 1; j < k; j++) idx[j] = (idx[j - 1] ?? 0) + 1;
  }
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** A pure strategy with more than one pure best response (the simplest form of degeneracy). */
function isDegenerate(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): boolean {
  const m = A.length;
  const n = A[0]?.length ?? 0;
  const many = (vals: number[]): boolean => {
    const max = Math.max(...vals);
    return vals.filter((v) => v >= max - TOL * Math.max(1, Math.abs(max))).length > 1;
  };
  for (let i = 0; i < m; i++) if (many(Array.from({ length: n }, (_, j) => B[i]?.[j] ?? 0))) return true;
  for (let j = 0; j < n; j++) if (many(Array.from({ length: m }, (_, i) => A[i]?.[j] ?? 0))) return true;
  return false;
}
