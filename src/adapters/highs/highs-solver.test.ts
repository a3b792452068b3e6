import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits,
  checkSolution,
  LpBuilder,
  writeLp,
  writeMps,
  type LpEdit,
  type LinearProgram,
  type LpSolver,
} from '../../core/plan/index.js';
import { createHighsSolver } from './highs-solver.js';
import { loadHighs } from './load.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** Diet-style LP with a known optimum: min 2x + 3y  s.t. x + y ≥ 4, x + 3y ≥ 6, x ≤ 3 → x = 3, y = 1, z = 9. */
function diet(): LinearProgram {
  const b = new LpBuilder('diet');
  const x = b.variable('x', 0, 3, 2);
  const y = b.variable('y', 0, Infinity, 3);
  b.row('a', 4, Infinity, [
    [x, 1],
    [y, 1],
  ]);
  b.row('b', 6, Infinity, [
    [x, 1],
    [y, 3],
  ]);
  return b.build();
}

/** Knapsack MIP: max 5a + 4b + 3c s.t. 2a + 3b + c ≤ 5, a, b, c ∈ {0, 1}: a = b = 1 → 9 (minimise −z;
 * the LP relaxation reaches 10⅔ with b = ⅔). */
function knapsack(): LinearProgram {
  const b = new LpBuilder('knap');
  const a = b.variable('a', 0, 1, -5, true);
  const bb = b.variable('b', 0, 1, -4, true);
  const c = b.variable('c', 0, 1, -3, true);
  b.row('w', -Infinity, 5, [
    [a, 2],
    [bb, 3],
    [c, 1],
  ]);
  return b.build();
}

describe('HiGHS adapter', () => {
  it('solves an LP to its known optimum and the point satisfies the model', () => {
    const o = solver.solve(diet());
    expect(o.status).toBe('optimal');
    if (o.status !== 'optimal') return;
    expect(o.objective).toBeCloseTo(9, 9);
    expect([...o.values]).toEqual([3, 1].map((v) => expect.closeTo(v, 9) as unknown as number));
    expect(checkSolution(diet(), o.values).ok).toBe(true);
    expect(o.rowDuals?.length).toBe(2);
  });
  it('solves a MIP to its known optimum', () => {
    const o = solver.solve(knapsack());
    expect(o.status).toBe('optimal');
    if (o.status !== 'optimal') return;
    expect(o.objective).toBeCloseTo(-9, 9);
    expect([...o.values].map(Math.round)).toEqual([1, 1, 0]);
    expect(checkSolution(knapsack(), o.values).ok).toBe(true);
    // Proven optimal: the bound meets the objective and the gap is (numerically) zero.
    expect(o.mip?.bound).toBeCloseTo(-9, 6);
    expect(o.mip?.gap).toBeLessThanOrEqual(1e-6);
    expect(o.rowDuals).toBeUndefined();
  });
  it('an LP carries no MIP bound', () => {
    const o = solver.solve(diet());
    expect(o.status === 'optimal' && o.mip).toBeUndefined();
  });
  it('returns infeasible and unbounded as values', () => {
    const inf = applyEdits(diet(), [{ kind: 'row-bounds', row: 0, lower: 100, upper: 1 }]);
    expect(solver.solve(inf).status).toBe('infeasible');
    const b = new LpBuilder('unb');
    const x = b.variable('x', 0, Infinity, -1);
    b.row('r', 0, Infinity, [[x, 1]]);
    expect(solver.solve(b.build()).status).toBe('unbounded');
  });
  it('stops at the time limit and says so as a value', () => {
    // A market-split instance (Cornuéjols & Dawande 1998): 4 equality rows over 40 binaries with
    // coefficients in [0, 99] and right-hand sides half the row sums; notoriously hard for branch and bound.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed >>> 16) % 100;
    };
    const b = new LpBuilder('market-split');
    const xs = Array.from({ length: 40 }, (_, j) => b.variable(`x${j}`, 0, 1, 0, true));
    for (let i = 0; i < 4; i++) {
      const a = xs.map(() => next());
      const rhs = Math.floor(a.reduce((p, q) => p + q, 0) / 2);
      b.row(
        `r${i}`,
        rhs,
        rhs,
        xs.map((x, j) => [x, a[j] ?? 0] as const),
      );
    }
    const o = solver.solve(b.build(), { timeLimitSeconds: 0.3 });
    expect(o.status).toBe('time-limit');
    // An incumbent, if found, is no better than the proven bound, and its gap is what they say.
    if (o.status === 'time-limit' && o.point?.mip !== undefined) {
      expect(o.point.mip.bound).toBeLessThanOrEqual(o.point.objective + 1e-9);
      expect(o.point.mip.gap).toBeGreaterThan(0);
    }
    // It ran until the limit (a lower bound: a loaded machine can only make it later, never flaky).
    expect(o.seconds).toBeGreaterThanOrEqual(0.29);
  });

  it('solveEach equals solving each edited model afresh, and restores the model between sets', () => {
    const m = diet();
    const sets: LpEdit[][] = [
      [],
      [{ kind: 'column-bounds', column: 0, lower: 0, upper: 0 }],
      [{ kind: 'row-bounds', row: 1, lower: 12, upper: Infinity }],
      [{ kind: 'coefficient', row: 0, column: 1, value: 2 }],
      [],
    ];
    const each = solver.solveEach(m, sets);
    sets.forEach((edits, i) => {
      const fresh = solver.solve(applyEdits(m, edits));
      const got = each[i];
      expect(got?.status).toBe('optimal');
      if (got?.status !== 'optimal' || fresh.status !== 'optimal') return;
      expect(got.objective).toBeCloseTo(fresh.objective, 9);
      expect(checkSolution(applyEdits(m, edits), got.values).ok).toBe(true);
    });
    expect(each[0]?.status === 'optimal' && each[0].objective).toBeCloseTo(9, 9);
    expect(each[4]?.status === 'optimal' && each[4].objective).toBeCloseTo(9, 9);
  });
  it('reads back the MPS and LP the core writes with the same optimum', async () => {
    const highs = await loadHighs();
    for (const m of [diet(), knapsack()]) {
      const direct = solver.solve(m);
      if (direct.status !== 'optimal') throw new Error('expected optimal');
      for (const [format, data] of [
        ['mps', new TextEncoder().encode(writeMps(m))],
        ['lp', writeLp(m)],
      ] as const) {
        const native = highs.createModel({ format, data });
        try {
          native.options.set({ output_flag: false });
          native.run();
          expect(native.getObjectiveValue()).toBeCloseTo(direct.objective, 9);
        } finally {
          native.dispose();
        }
      }
    }
  });
});

describe('a solver on a runtime of its own', () => {
  it('solves as the shared runtime does; with singleSolve, lets the runtime go after one solve', async () => {
    const own = await createHighsSolver({ ownRuntime: true });
    const once = await createHighsSolver({ ownRuntime: true, singleSolve: true });
    const shared = solver.solve(diet());
    for (const o of [own.solve(diet()), own.solve(knapsack()), once.solve(diet())])
      expect(o.status).toBe('optimal');
    const second = once.solve(diet());
    expect(second).toEqual({ status: 'error', message: 'this solver was made for one solve', seconds: 0 });
    const again = await createHighsSolver({ ownRuntime: true, singleSolve: true });
    const o = again.solve(diet());
    expect([o.status, shared.status]).toEqual(['optimal', 'optimal']);
    if (o.status === 'optimal' && shared.status === 'optimal')
      expect([...o.values]).toEqual([...shared.values]);
    expect(again.solveEach(diet(), [[]])[0]?.status).toBe('error');
    await expect(createHighsSolver({ singleSolve: true })).rejects.toThrow(/needs ownRuntime/);
  });
});
