import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFixtureData } from '../../../test/fixtures/games/index.js';
import { loadGame } from './game-file.js';
import {
  bestResponse,
  normalForm,
  payoffAt,
  profitableDeviation,
  reducedPlans,
  type NormalForm,
} from './normal-form.js';
import { supportEnumeration } from './support-enumeration.js';
import { game, leaf, node, randomOneSided, randomPerfectInformation } from './test-helpers.js';
import { expectedPayoffs, type Game } from './tree.js';

const fixture = (name: string): Game => {
  const r = loadGame(gameFixtureData(name));
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; '));
  return r.value;
};

/** A two-player normal form from a bimatrix, for the solver tests. */
const bimatrix = (rows: number[][][]): NormalForm => ({
  players: ['Row', 'Col'],
  strategies: [rows.map((_, i) => `r${i}`), (rows[0] ?? []).map((_, j) => `c${j}`)],
  plans: [[], []],
  payoffs: rows.flat(),
});

describe('normalForm', () => {
  it('reduces the entry game to 2 × 2 and keeps the payoffs', () => {
    const r = normalForm(fixture('entry-deterrence.yaml'));
    if (!r.ok) throw new Error('expected a normal form');
    expect(r.value.strategies).toEqual([
      ['Out', 'In'],
      ['Fight', 'Accommodate'],
    ]);
    expect(payoffAt(r.value, [0, 0])).toEqual([0, 2]);
    expect(payoffAt(r.value, [1, 0])).toEqual([-1, -1]);
    expect(payoffAt(r.value, [1, 1])).toEqual([1, 1]);
  });

  it('identifies strategies that differ only where the player’s own move rules play out', () => {
    // A: Stop or Go; after Go and B's move, A chooses again. Full: 2 × 2 = 4 strategies; reduced: 3.
    const g = game(
      ['A', 'B'],
      node(0, 'a1', {
        Stop: leaf(1, 1),
        Go: node(1, 'b', { x: node(0, 'a2', { l: leaf(2, 0), r: leaf(0, 2) }) }),
      }),
    );
    const reduced = normalForm(g);
    const full = normalForm(g, { reduced: false });
    expect(reduced.ok && reduced.value.strategies[0]).toEqual(['Stop,*', 'Go,l', 'Go,r']);
    expect(full.ok && full.value.strategies[0]?.length).toBe(4);
  });

  it('refuses to build a normal form over the limit', () => {
    const r = normalForm(fixture('entry-deterrence.yaml'), { maxProfiles: 3 });
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.too-large']);
  });
});

describe('bestResponse and profitableDeviation', () => {
  it('finds the deviation from a non-equilibrium profile', () => {
    const g = fixture('entry-deterrence.yaml');
    // (In, Fight): the incumbent gains 2 by accommodating (the entrant 1 by staying out).
    expect(
      profitableDeviation(
        g,
        new Map([
          ['#1', 1],
          ['#2', 0],
        ]),
      ),
    ).toEqual({ player: 1, strategy: 'Accommodate', gain: 2 });
    // (Out, Fight) is Nash (the non-credible threat); (In, Accommodate) too.
    expect(
      profitableDeviation(
        g,
        new Map([
          ['#1', 0],
          ['#2', 0],
        ]),
      ),
    ).toBeUndefined();
    expect(
      profitableDeviation(
        g,
        new Map([
          ['#1', 1],
          ['#2', 1],
        ]),
      ),
    ).toBeUndefined();
  });

  it('property: the best response equals the best of all reduced strategies (random games)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (xs, oneSided) => {
          const g = oneSided ? randomOneSided(xs, 2, 1) : randomPerfectInformation(xs, 2, 2);
          const profile = new Map(reducedPlans(g, 0)[0]);
          for (const [k, v] of reducedPlans(g, 1)[0] ?? []) profile.set(k, v);
          for (let p = 0; p < 2; p++) {
            const brute = Math.max(
              ...reducedPlans(g, p).map((plan) => expectedPayoffs(g, new Map([...profile, ...plan]))[p] ?? 0),
            );
            const br = bestResponse(g, profile, p);
            if (Math.abs(br.value - brute) > 1e-9) return false;
            if (Math.abs((expectedPayoffs(g, new Map([...profile, ...br.plan]))[p] ?? 0) - brute) > 1e-9)
              return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('supportEnumeration', () => {
  it('finds the unique mixed equilibrium of matching pennies (from the game file)', () => {
    const nf = normalForm(fixture('matching-pennies.yaml'));
    if (!nf.ok) throw new Error('expected a normal form');
    const r = supportEnumeration(nf.value);
    if (!r.ok) throw new Error('expected equilibria');
    expect(r.value.equilibria).toHaveLength(1);
    const [e] = r.value.equilibria;
    expect(e?.row.map((x) => x.toFixed(9))).toEqual(['0.500000000', '0.500000000']);
    expect(e?.col.map((x) => x.toFixed(9))).toEqual(['0.500000000', '0.500000000']);
    expect(e?.payoffs.map((x) => Math.abs(x) < 1e-12)).toEqual([true, true]);
    expect(r.value.degenerate).toBe(false);
  });

  it('finds all three equilibria of the battle of the sexes', () => {
    const r = supportEnumeration(
      bimatrix([
        [
          [2, 1],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 2],
        ],
      ]),
    );
    if (!r.ok) throw new Error('expected equilibria');
    expect(r.value.equilibria.map((e) => [...e.row, ...e.col].map((x) => Math.round(x * 1e6) / 1e6))).toEqual(
      [
        [1, 0, 1, 0],
        [0, 1, 0, 1],
        [0.666667, 0.333333, 0.333333, 0.666667],
      ],
    );
  });

  it('cross-checks the SPE of entry deterrence and flags the degenerate normal form', () => {
    const nf = normalForm(fixture('entry-deterrence.yaml'));
    if (!nf.ok) throw new Error('expected a normal form');
    const r = supportEnumeration(nf.value);
    if (!r.ok) throw new Error('expected equilibria');
    const pure = r.value.equilibria.map((e) => [e.row.indexOf(1), e.col.indexOf(1)]);
    expect(pure).toContainEqual([1, 1]); // (In, Accommodate): the SPE
    expect(pure).toContainEqual([0, 0]); // (Out, Fight): Nash, not subgame perfect
    expect(r.value.degenerate).toBe(true);
  });

  it('refuses games with other than two players', () => {
    const r = supportEnumeration({
      players: ['a', 'b', 'c'],
      strategies: [['x'], ['x'], ['x']],
      plans: [[], [], []],
      payoffs: [[0, 0, 0]],
    });
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.solver-class']);
  });

  it('property: every equilibrium found is one (no profitable pure deviation), and one is found', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 32, maxLength: 32 }),
        (m, n, xs) => {
          const rows = Array.from({ length: m }, (_, i) =>
            Array.from({ length: n }, (_, j) => [xs[2 * (i * n + j)] ?? 0, xs[2 * (i * n + j) + 1] ?? 0]),
          );
          const r = supportEnumeration(bimatrix(rows));
          if (!r.ok) return false;
          if (!r.value.degenerate && r.value.equilibria.length === 0) return false;
          return r.value.equilibria.every((e) => {
            const u = (i: number, j: number, k: 0 | 1): number => rows[i]?.[j]?.[k] ?? 0;
            const rowVal = (i: number): number => e.col.reduce((s, y, j) => s + y * u(i, j, 0), 0);
            const colVal = (j: number): number => e.row.reduce((s, x, i) => s + x * u(i, j, 1), 0);
            const v1 = e.row.reduce((s, x, i) => s + x * rowVal(i), 0);
            const v2 = e.col.reduce((s, y, j) => s + y * colVal(j), 0);
            const sums =
              Math.abs(e.row.reduce((a, b) => a + b, 0) - 1) < 1e-9 &&
              Math.abs(e.col.reduce((a, b) => a + b, 0) - 1) < 1e-9;
            return (
              sums &&
              rows.every((_, i) => rowVal(i) <= v1 + 1e-6) &&
              (rows[0] ?? []).every((_, j) => colVal(j) <= v2 + 1e-6) &&
              Math.abs(v1 - e.payoffs[0]) < 1e-6 &&
              Math.abs(v2 - e.payoffs[1]) < 1e-6
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
