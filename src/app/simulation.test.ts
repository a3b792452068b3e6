import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../adapters/files/index.js';
import { createHighsSolver } from '../adapters/highs/index.js';
import { forceFromPledges, inlineRunner } from '../core/assure/index.js';
import type { LpSolver } from '../core/plan/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { runAssure } from './assure.js';
import { runBrief } from './brief.js';
import { peakPersonnel, requirementsChanged, simulationCases, variantCases } from './simulation.js';
import { runSweep } from './sweep.js';
import { loadInput } from './scenario.js';

const ukraine = loadScenario('ukraine-2025').scenario;
const iiss = ['iiss-small', 'iiss-medium', 'iiss-large'];

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

/** Ukraine with one more variant that restates the `skies` requirements (reordered, annotated): same numbers. */
function withRestatedVariant(): Scenario {
  const skies = ukraine.missions.find((m) => m.id === 'skies')!;
  return {
    ...ukraine,
    variants: [
      ...ukraine.variants,
      {
        id: 'restated',
        name: 'Skies requirements restated',
        description: 'The same requirements, listed in another order with notes.',
        withdraw: [],
        patch: {
          missions: {
            skies: {
              requirements: [...skies.requirements].reverse().map((r) => ({ ...r, note: 'restated' })),
            },
          },
        },
      },
    ],
  };
}

const assure = (
  variants: readonly string[],
  extra: { forceSource?: 'pledges' | 'plan:pledges' | 'plan:potential'; scenario?: Scenario } = {},
) =>
  runAssure({
    loaded: loadInput('-', [], () => JSON.stringify(extra.scenario ?? ukraine)),
    variants,
    runs: 200,
    seed: 3,
    tornadoRuns: 0,
    runner: inlineRunner,
    solver,
    ...(extra.forceSource === undefined ? {} : { forceSource: extra.forceSource }),
  });

describe('the force each case simulates (auto)', () => {
  it('the IISS options get forces the planner sources from committable inventories, small < medium < large', async () => {
    const { result } = await assure([...iiss, 'no-backstop']);
    const [base, small, medium, large, noBackstop] = result.cases;
    expect(result.cases.map((c) => [c.id, c.forceSource])).toEqual([
      ['base', 'pledges'],
      ['iiss-small', 'plan:potential'],
      ['iiss-medium', 'plan:potential'],
      ['iiss-large', 'plan:potential'],
      ['no-backstop', 'pledges'],
    ]);
    const peaks = [small, medium, large].map((c) => c!.force.peakPersonnel);
    expect(peaks[0]).toBeLessThan(peaks[1]!);
    expect(peaks[1]).toBeLessThan(peaks[2]!);
    // The large option needs far more than is pledged: the force is not the pledges.
    expect(peaks[2]).toBeGreaterThan(2 * base!.force.peakPersonnel);
    for (const c of [small, medium, large]) {
      expect(c!.plan?.mode).toBe('potential');
      expect(c!.plan?.shortfallShare).toBeGreaterThanOrEqual(0);
      expect(c!.plan?.shortfallShare).toBeLessThanOrEqual(1);
      expect(c!.identicalTo).toBeUndefined();
    }
    // Inventories cover the large option less well than the small one.
    expect(large!.plan!.shortfallShare).toBeGreaterThan(small!.plan!.shortfallShare);
    // no-backstop changes no requirement: its own active pledges (the conditional ones drop out).
    const nb = variantCases(ukraine, ['no-backstop'])[0]!.scenario;
    expect(noBackstop!.plan).toBeUndefined();
    expect(noBackstop!.force.peakPersonnel).toBe(peakPersonnel(forceFromPledges(nb)));
    expect(noBackstop!.force.peakPersonnel).toBeLessThan(base!.force.peakPersonnel);
    expect(noBackstop!.identicalTo).toBeUndefined();
  });

  it('requirements are compared by what the planner reads, not by provenance or order', () => {
    const s = withRestatedVariant();
    const [restated, large, noBackstop] = variantCases(s, ['restated', 'iiss-large', 'no-backstop']);
    expect(requirementsChanged(s, restated!.scenario)).toBe(false);
    expect(requirementsChanged(s, large!.scenario)).toBe(true);
    expect(requirementsChanged(s, noBackstop!.scenario)).toBe(false);
  });
});

describe('cases the model cannot tell apart', () => {
  it('a variant that changes nothing the model reads is reported identical to the base, with its odds', async () => {
    const { result } = await assure(['restated', 'no-backstop'], { scenario: withRestatedVariant() });
    const [base, restated, noBackstop] = result.cases;
    expect(restated!.forceSource).toBe('pledges');
    expect(restated!.identicalTo).toBe('base');
    expect(restated!.outcomes).toEqual(base!.outcomes);
    expect(noBackstop!.identicalTo).toBeUndefined();
  });

  it('simulating the pledges for every case makes the IISS options identical to the base — and says so', async () => {
    const { result } = await assure(iiss, { forceSource: 'pledges' });
    expect(result.cases.map((c) => c.forceSource)).toEqual(['pledges', 'pledges', 'pledges', 'pledges']);
    expect(result.cases.slice(1).map((c) => c.identicalTo)).toEqual(['base', 'base', 'base']);
  });

  it('a forced source applies to the base too', async () => {
    const cases = await simulationCases(ukraine, variantCases(ukraine, ['no-backstop']), {
      forceSource: 'plan:potential',
      solver,
    });
    expect(cases.map((c) => c.forceSource)).toEqual(['plan:potential', 'plan:potential']);
    expect(peakPersonnel(cases[0]!.force)).toBeGreaterThan(peakPersonnel(forceFromPledges(ukraine)));
    const pledged = await simulationCases(ukraine, [], { forceSource: 'plan:pledges', solver });
    // A pledged plan never sources more than is pledged.
    expect(peakPersonnel(pledged[0]!.force)).toBeLessThanOrEqual(
      peakPersonnel(forceFromPledges(ukraine)) + 1e-6,
    );
    expect(pledged[0]!.plan?.mode).toBe('pledged');
  });
});

describe('the same cases in sweeps and the briefing', () => {
  it('a sweep plans the IISS option at every point', async () => {
    const report = await runSweep({
      ref: 'ukraine-2025',
      params: ['adversary.riskTolerance.mean=0.5,1.5'],
      variants: ['iiss-large', 'no-backstop'],
      runs: 100,
      runner: inlineRunner,
      solver,
    });
    expect(report.forces.map((f) => [f.point, f.case, f.forceSource])).toEqual([
      [0, 'base', 'pledges'],
      [0, 'iiss-large', 'plan:potential'],
      [0, 'no-backstop', 'pledges'],
      [1, 'base', 'pledges'],
      [1, 'iiss-large', 'plan:potential'],
      [1, 'no-backstop', 'pledges'],
    ]);
    const large = report.forces.filter((f) => f.case === 'iiss-large');
    const base = report.forces.find((f) => f.case === 'base')!;
    // The adversary's risk tolerance does not change what the planner sources.
    expect(large[0]!.peakPersonnel).toBe(large[1]!.peakPersonnel);
    expect(large[0]!.peakPersonnel).toBeGreaterThan(2 * base.peakPersonnel);
  });

  it('the briefing simulates the pledges as planned, and the IISS option as the planner sources it', async () => {
    const r = await runBrief({
      loaded: loadInput('ukraine-2025'),
      variants: ['iiss-large'],
      runs: 200,
      tornadoRuns: 0,
      bulwarkVersion: 'test',
      generatedAt: '2026-01-01T00:00:00Z',
      runner: inlineRunner,
      solver,
    });
    const cases = r.assurance!.cases;
    expect(cases.map((c) => c.forceSource)).toEqual(['plan:pledges', 'plan:potential']);
    expect(cases[1]!.label).toContain('committable inventories');
    expect(cases[1]!.force.peakPersonnel).toBeGreaterThan(2 * cases[0]!.force.peakPersonnel);
  });
});
