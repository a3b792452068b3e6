import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHighsSolver } from '../src/adapters/highs/index.js';
import {
  buildPlanProgram,
  planForce,
  planScaled,
  resolvePlanOptions,
  rowsOf,
  scalePlanProgram,
  variablesOf,
  type LpSolver,
  type MissionFactors,
} from '../src/core/plan/index.js';
import { scaleRequirements, type Scenario } from '../src/core/scenario/index.js';
import { loadBuiltin, loadFixture } from './helpers.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** The plan of the scaled scenario, built and solved afresh. */
const fresh = (s: Scenario, f: MissionFactors, mode: 'pledged' | 'potential') =>
  planForce(
    scaleRequirements(s, (m) => f[m] ?? 1),
    solver,
    { options: { mode } },
  ).plan;

describe('planScaled: warm re-solves of one model for scaled requirements', () => {
  it('equals planning each scaled scenario afresh (objective, coverage, cost), on the default scenario', () => {
    const s = loadBuiltin('ukraine-2025');
    const family: MissionFactors[] = [
      {},
      { skies: 2, seas: 2, presence: 2, regeneration: 2, enablers: 2 },
      { presence: 0.3 },
      { skies: 3.5 },
    ];
    for (const mode of ['pledged', 'potential'] as const) {
      const got = planScaled(s, solver, family, { options: { mode } });
      family.forEach((f, i) => {
        const a = got[i]!.run.plan;
        const b = fresh(s, f, mode);
        expect(a.status).toBe('optimal');
        expect(a.check?.ok).toBe(true);
        expect(a.objective!.total).toBeCloseTo(b.objective!.total, 6);
        expect(a.weightedShortfall).toBeCloseTo(b.weightedShortfall, 6);
        expect(a.totalCostUsd / b.totalCostUsd).toBeCloseTo(1, 6);
        const req = (p: typeof a) => p.coverage.reduce((x, c) => x + c.required, 0);
        expect(req(a)).toBeCloseTo(req(b), 6);
      });
    }
  });

  it('reports the scaled requirements, meets each with provided + shortfall, and matches a fresh solve (property, fixture)', () => {
    const s = loadFixture();
    const missions = s.missions.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 4, noNaN: true }), {
          minLength: missions.length,
          maxLength: missions.length,
        }),
        (xs) => {
          const f = Object.fromEntries(missions.map((m, i) => [m, xs[i]!]));
          const [r] = planScaled(s, solver, [f]);
          const p = r!.run.plan;
          expect(p.check?.ok).toBe(true);
          for (const c of p.coverage) {
            const r0 = s.missions
              .find((m) => m.id === c.mission)!
              .requirements.filter(
                (q) =>
                  q.capability === c.capability &&
                  c.period >= q.fromPeriod &&
                  c.period <= (q.toPeriod ?? s.horizon.periods),
              )
              .reduce((a, q) => a + q.amount, 0);
            expect(c.required).toBeCloseTo(r0 * f[c.mission]!, 9);
            expect(c.provided + c.shortfall).toBeGreaterThanOrEqual(c.required * (1 - 1e-9));
          }
          const b = fresh(s, f, 'pledged');
          expect(p.objective!.total).toBeCloseTo(b.objective!.total, 6);
        },
      ),
      { numRuns: 12, seed: 3 },
    );
  });

  it('refuses a factor that is not positive', () => {
    expect(() => planScaled(loadFixture(), solver, [{ skies: 0 }])).toThrow(/> 0/);
  });
});

describe('scalePlanProgram', () => {
  it('is the model buildPlanProgram gives for the scaled scenario (default scenario, both modes)', () => {
    const s = loadBuiltin('ukraine-2025');
    const f: MissionFactors = { skies: 1.7, presence: 0.4, regeneration: 2.5 };
    for (const mode of ['pledged', 'potential'] as const) {
      const o = resolvePlanOptions({ mode });
      const derived = scalePlanProgram(buildPlanProgram(s, o), f);
      const built = buildPlanProgram(
        scaleRequirements(s, (m) => f[m] ?? 1),
        o,
      );
      const builtVariables = variablesOf(built.lp);
      const builtRows = rowsOf(built.lp);
      expect(variablesOf(derived.lp).length).toBe(builtVariables.length);
      variablesOf(derived.lp).forEach((v, i) => {
        const w = builtVariables[i]!;
        expect(v.name).toBe(w.name);
        expect(v.upper).toBeCloseTo(w.upper, 9);
        expect(v.cost).toBeCloseTo(w.cost, 9);
      });
      rowsOf(derived.lp).forEach((r, i) => expect(r.lower).toBeCloseTo(builtRows[i]!.lower, 9));
      expect(derived.shortfall.map((c) => c.required)).toEqual(built.shortfall.map((c) => c.required));
    }
  });
});
