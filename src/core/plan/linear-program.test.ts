import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  checkSolution,
  LpBuilder,
  objectiveOf,
  relax,
  rowActivities,
  rowsOf,
  variablesOf,
} from './linear-program.js';
import { lpNames, writeLp, writeMps } from './lp-format.js';

/** min x + 2y  s.t.  x + y ≥ 2,  2x + 2y ≤ 6,  x ≤ 1.5,  y integer in [0, 3]. Optimum x = 1.5, y = 1 → 3.5. */
function small() {
  const b = new LpBuilder('small');
  const x = b.variable('x', 0, 1.5, 1);
  const y = b.variable('y[a-b,1]', 0, 3, 2, true);
  b.row('c1', 2, Infinity, [
    [x, 1],
    [y, 1],
  ]);
  b.row('c2', -Infinity, 6, [
    [x, 1],
    [y, 2],
    [x, 1],
  ]);
  return b.build();
}

describe('LpBuilder', () => {
  it('merges repeated terms and rejects duplicate or blank names', () => {
    const m = small();
    expect(rowsOf(m)[1]?.columns).toEqual([0, 1]);
    expect(rowsOf(m)[1]?.coefficients).toEqual([2, 2]);
    const b = new LpBuilder('t');
    b.variable('x', 0, 1, 0);
    expect(() => b.variable('x', 0, 1, 0)).toThrow(/duplicate/);
    expect(() => b.variable('a b', 0, 1, 0)).toThrow(/bad LP name/);
  });
});

describe('LpBuilder growth', () => {
  it('keeps every value through many growths and builds exact-size arrays on buffers of their own', () => {
    const b = new LpBuilder('grow');
    const n = 5000;
    for (let j = 0; j < n; j++) b.variable(`x${j}`, -j, j + 0.5, j / 7, j % 3 === 0);
    for (let i = 0; i < n - 2; i++)
      b.row(`r${i}`, i, Infinity, [
        [i, 1 + i],
        [i + 1, -0.5],
        [i + 2, i / 3],
      ]);
    const lp = b.build(2);
    const v = lp.variables;
    const r = lp.rows;
    expect([v.count, r.count, r.columns.length]).toEqual([n, n - 2, 3 * (n - 2) - 1]); // r0's i/3 term is 0
    for (const j of [0, 1, 15, 16, 17, 1023, 1024, 4999]) {
      expect([v.lower[j], v.upper[j], v.cost[j], v.integer[j]]).toEqual([
        -j,
        j + 0.5,
        j / 7,
        j % 3 === 0 ? 1 : 0,
      ]);
    }
    expect([...r.columns.subarray(r.starts[4000], r.starts[4001])]).toEqual([4000, 4001, 4002]);
    expect([...r.coefficients.subarray(r.starts[4000], r.starts[4001])]).toEqual([4001, -0.5, 4000 / 3]);
    expect(r.starts[r.count]).toBe(r.columns.length);
    // The model does not keep the builder's growing buffers (and their address-space reservation).
    for (const a of [
      v.lower,
      v.upper,
      v.cost,
      v.integer,
      r.lower,
      r.upper,
      r.starts,
      r.columns,
      r.coefficients,
    ]) {
      expect((a.buffer as ArrayBuffer & { resizable?: boolean }).resizable ?? false).toBe(false);
      expect(a.buffer.byteLength).toBe(a.byteLength);
    }
  });
});

describe('checkSolution', () => {
  const m = small();
  it('accepts a feasible point and reports its objective', () => {
    expect(checkSolution(m, [1.5, 1]).ok).toBe(true);
    expect(objectiveOf(m, [1.5, 1])).toBe(3.5);
    expect([...rowActivities(m, [1.5, 1])]).toEqual([2.5, 5]);
  });
  it('finds row, bound and integrality violations', () => {
    const c = checkSolution(m, [1.5, 0.4]);
    expect(c.ok).toBe(false);
    expect(c.violations.map((v) => `${v.kind}:${v.name}`).sort()).toEqual(['integrality:y[a-b,1]', 'row:c1']);
    expect(checkSolution(m, [2, 1]).violations.map((v) => v.name)).toContain('x');
    expect(checkSolution(m, [1.5, 2]).violations.map((v) => v.name)).toEqual(['c2']);
    expect(checkSolution(m, [1]).ok).toBe(false);
    expect(checkSolution(m, [NaN, 1]).ok).toBe(false);
  });
  it('tolerates violations below tolerance × max(1, |bound|)', () => {
    expect(checkSolution(m, [1.5, 1 - 1e-9]).ok).toBe(true);
    expect(checkSolution(m, [1.5 + 1e-7, 1], 1e-6).ok).toBe(true);
    expect(checkSolution(m, [1.5 + 1e-5, 1], 1e-6).ok).toBe(false);
  });
});

describe('applyEdits', () => {
  it('changes bounds and coefficients in a copy', () => {
    const m = small();
    const e = applyEdits(m, [
      { kind: 'column-bounds', column: 0, lower: 0, upper: 0 },
      { kind: 'row-bounds', row: 0, lower: 3, upper: Infinity },
      { kind: 'coefficient', row: 0, column: 1, value: 5 },
      { kind: 'coefficient', row: 1, column: 1, value: 7 },
    ]);
    expect(variablesOf(e)[0]?.upper).toBe(0);
    expect(rowsOf(e)[0]?.lower).toBe(3);
    expect(rowsOf(e)[0]?.coefficients).toEqual([1, 5]);
    expect(rowsOf(e)[1]?.coefficients).toEqual([2, 7]);
    expect(variablesOf(m)[0]?.upper).toBe(1.5);
    expect(rowsOf(m)[0]?.coefficients).toEqual([1, 1]);
    expect(variablesOf(relax(m)).some((v) => v.integer)).toBe(false);
  });
});

describe('writers', () => {
  const m = small();
  it('writes free MPS with integer markers, explicit integer bounds and every row', () => {
    const mps = writeMps(m);
    expect(mps.split('\n').slice(0, 5)).toEqual(['NAME small', 'ROWS', ' N obj', ' G c1', ' L c2']);
    expect(mps).toContain("MARKER0 'MARKER' 'INTORG'");
    expect(mps).toContain("MARKER1 'MARKER' 'INTEND'");
    expect(mps).toContain('    y[a-b,1] c1 1');
    expect(mps).toContain(' UP BND x 1.5');
    expect(mps).toContain(' LO BND y[a-b,1] 0');
    expect(mps).toContain('    RHS c1 2');
    expect(mps.trimEnd().endsWith('ENDATA')).toBe(true);
  });
  it('writes CPLEX LP with names rewritten to the allowed characters', () => {
    const lp = writeLp(m);
    expect(lp).toContain(' obj: + 1 x + 2 y(a_b,1)');
    expect(lp).toContain(' c1: + 1 x + 1 y(a_b,1) >= 2');
    expect(lp).toContain(' c2: + 2 x + 2 y(a_b,1) <= 6');
    expect(lp).toContain('Generals');
    expect(lp).toContain(' 0 <= x <= 1.5');
  });
  it('keeps rewritten names unique', () => {
    expect(lpNames(['a-b', 'a_b', 'a+b', '1x', 'e5'])).toEqual(['a_b', 'a_b~2', 'a_b~3', '_1x', '_e5']);
  });
});
