import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFixtureData } from '../../../test/fixtures/games/index.js';
import { loadFixture } from '../../../test/helpers.js';
import { solveOneSidedBayesian, solvePerfectInformation } from './backward-induction.js';
import { loadGame } from './game-file.js';
import {
  defaultAssumptions,
  deriveParams,
  templateGame,
  templateKinds,
  type CredibilityParams,
} from './templates.js';
import {
  adversaryTests,
  checkParams,
  closedFormThreshold,
  linspace,
  solvedThreshold,
  testPayoffs,
  thresholdFromPayoffs,
  thresholdByBisection,
  thresholdCurve,
} from './thresholds.js';
import { verifyTextbookCases } from './textbook.js';
import { checkGame, type Game } from './tree.js';

// The fixture's commitment (2 per 1,000) makes its force fight alone; the hand-worked cases below use the
// games' long-standing 0.1 per 1,000, passed as an override (as `bulwark game --audience-cost` does).
const minimal = deriveParams(loadFixture(), { audienceCostPerThousand: 0.1 });
/** The minimal scenario's parameters for an adversary type whose stakes exceed the host's denial by 1. */
const bold: CredibilityParams = { ...minimal.params, stakes: 1 };

/** A number on a grid of hundredths in [min, max] (exact ties happen, as in real parameter files). */
const grid = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((x) => x / 100);

/** Random template parameters satisfying the guarantor's type order. */
const params = fc.record({
  prior: grid(0, 1),
  stakes: grid(0.01, 10),
  punishment: grid(0, 10),
  denial: grid(0, 10),
  retaliation: grid(0, 5),
  audienceCost: grid(0, 2),
  casualtyCost: grid(0, 2),
  aloneCost: grid(0, 2),
  hostLoss: grid(0, 2),
  deployCost: grid(0, 1),
  interventionCost: fc.constant(1),
  resoluteAbstainCost: grid(1.1, 5),
  irresoluteAbstainCost: grid(0, 0.9),
  fatalitiesTrigger: fc.boolean(),
  camp: fc.constantFrom<'signal' | 'trigger'>('signal', 'trigger'),
}) satisfies fc.Arbitrary<CredibilityParams>;

/** null (testing pays at any credibility) ranks above every number. */
const rank = (t: number | null): number => t ?? Infinity;

describe('template parameters from the minimal scenario', () => {
  it('derives the force, the stakes and the costs from the deterrence model, naming their sources', () => {
    expect(minimal.force).toEqual({ period: 2, personnel: 1900, combatPower: 6 });
    expect(minimal.hostDenial).toBe(1);
    expect(minimal.params).toMatchObject({
      prior: 0.5, // Beta(2, 2) updated by 1 pseudo-observation at the mean credibility 0.5: Beta(2.5, 2.5)
      stakes: 0, // riskTolerance mean 1, net of the host's denial 1 (H0 / Href)
      punishment: 0.25, // weight 1 × power 1 × intelligence-logistics weight 0.25
      denial: 2, // weight 1 × combat power 6 / forceReference 3
      retaliation: 0.5, // assurance.retaliation 0.5 at full force
      audienceCost: 0.19, // 0.1 per 1,000 × 1,900
      fatalitiesTrigger: false, // mean lognormal(5, 0.8) ≈ 6.9 < threshold 10
      camp: 'signal',
    });
    // Fatalities: lognormal median 5, sigma 0.8 → mean 5·e^0.32; tolerance uniform(20, 80) → 50.
    expect(minimal.params.casualtyCost).toBeCloseTo((5 * Math.exp(0.32)) / 50, 12);
    expect(minimal.sources.stakes.kind).toBe('scenario');
    expect(minimal.sources.audienceCost.kind).toBe('assumption'); // overridden
    const asWritten = deriveParams(loadFixture());
    expect(asWritten.params.audienceCost).toBeCloseTo(3.8, 12); // assurance.commitment 2 per 1,000 × 1,900
    expect(asWritten.sources.audienceCost.kind).toBe('scenario');
    expect(minimal.sources.deployCost.kind).toBe('assumption');
    expect(minimal.guarantorCredibility).toBe(0.5);
    expect(checkParams(minimal.params)).toEqual([]);
  });

  it('builds well-formed templates in the one-sided class, which backward induction alone refuses', () => {
    for (const kind of templateKinds) {
      const g = templateGame(kind, minimal.params);
      expect(checkGame(g), kind).toEqual([]);
      expect(solveOneSidedBayesian(g).ok, kind).toBe(true);
      expect(solvePerfectInformation(g).ok, kind).toBe(false);
    }
  });
});

describe('thresholds', () => {
  it('minimal scenario with stakes 1: 4/11 with the force, never with the backstop alone', () => {
    // Resolute guarantor: the force fights (a = 0.19 ≥ k ≈ 0.138), testing earns V − W − f = 1 − 0.25 − 2.5.
    // Irresolute: the force withdraws (a < k + L ≈ 0.413), testing earns V = 1. p* = 1 / (1 + 1.75) = 4/11.
    // The backstop alone: W = 0.25 < V, so testing pays even against a resolute guarantor.
    expect(closedFormThreshold('tripwire', bold)).toBeCloseTo(4 / 11, 12);
    expect(closedFormThreshold('backstop-only', bold)).toBeNull();
    expect(solvedThreshold('tripwire', bold)).toBeCloseTo(4 / 11, 8);
    expect(solvedThreshold('backstop-only', bold)).toBeNull();
    // At the scenario's mean adversary the stakes net of the host's denial are 0: testing never pays.
    expect(closedFormThreshold('tripwire', minimal.params)).toBe(0);
  });

  it('the Bayesian entry game: threshold 2/3 by bisection on solved games', () => {
    const base = loadGame(gameFixtureData('bayesian-entry.yaml'));
    if (!base.ok) throw new Error('fixture');
    const withPrior = (p: number): Game => {
      const root = base.value.root;
      if (root.kind !== 'chance') throw new Error('chance root');
      const branches = root.branches.map((b, i) => ({ ...b, probability: i === 0 ? p : 1 - p }));
      return { ...base.value, root: { ...root, branches } };
    };
    const t = thresholdByBisection((p) => {
      const r = solveOneSidedBayesian(withPrior(p));
      return r.ok && r.value.choices.find((c) => c.infoSet === 'entrant')?.action === 'Enter';
    });
    expect(t).toBeCloseTo(2 / 3, 8);
  });

  it('no threshold when testing pays whatever the guarantor is; zero when it never pays', () => {
    // Punishment equal to the stakes: testing pays below certainty, a tie at certainty (ties go to holding).
    expect(closedFormThreshold('backstop-only', { ...bold, punishment: 1 })).toBe(1);
    expect(solvedThreshold('backstop-only', { ...bold, punishment: 1 })).toBeCloseTo(1, 8);
    expect(thresholdFromPayoffs({ resolute: 0.5, irresolute: 1 })).toBeNull();
    // A force that fights alone and whose denial exceeds the stakes deters at any credibility.
    const big = { ...bold, audienceCost: 1, denial: 5 };
    expect(closedFormThreshold('tripwire', big)).toBe(0);
    expect(solvedThreshold('tripwire', big)).toBe(0);
  });

  it('the trigger camp: an attack that reaches the fatality threshold draws in any guarantor', () => {
    const p: CredibilityParams = { ...bold, camp: 'trigger', fatalitiesTrigger: true };
    // The force now fights for either type (a + h ≥ k), and both types intervene: testing never pays.
    expect(closedFormThreshold('tripwire', p)).toBe(0);
    expect(solvedThreshold('tripwire', p)).toBe(0);
    expect(closedFormThreshold('tripwire', { ...p, fatalitiesTrigger: false })).toBeCloseTo(4 / 11, 12);
  });

  it('property: the closed form agrees with bisection on solved games', () => {
    fc.assert(
      fc.property(
        params,
        fc.constantFrom<'tripwire' | 'backstop-only'>('tripwire', 'backstop-only'),
        (p, kind) => {
          const closed = closedFormThreshold(kind, p);
          const solved = solvedThreshold(kind, p, 1e-10);
          if (closed === null || solved === null) return closed === solved;
          return Math.abs(closed - solved) < 1e-7;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: at the threshold the adversary holds, just below it tests', () => {
    fc.assert(
      fc.property(params, (p) => {
        const t = closedFormThreshold('tripwire', p);
        const u = testPayoffs(p, true);
        // Just below the threshold testing earns 1e-6·(u_I − u_R): keep it clear of the solver's tie tolerance.
        fc.pre(t !== null && t > 1e-6 && t < 1 && (u.irresolute - u.resolute) * 1e-6 > 1e-7);
        const at = adversaryTests(templateGame('tripwire', { ...p, prior: t ?? 0 }), 'Adversary@type?');
        const below = adversaryTests(
          templateGame('tripwire', { ...p, prior: (t ?? 0) - 1e-6 }),
          'Adversary@type?',
        );
        return at.ok && below.ok && !at.value && below.value;
      }),
      { numRuns: 200 },
    );
  });

  it('property: non-increasing in the force size and the audience cost, non-decreasing in the stakes and casualties (up to rounding)', () => {
    const sorted = fc
      .array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 2, maxLength: 8 })
      .map((xs) => [...xs].sort((a, b) => a - b));
    fc.assert(
      fc.property(params, sorted, fc.constantFrom(...templateKinds), (p, xs, kind) => {
        const down = (axis: 'force-size' | 'audience-cost'): boolean =>
          thresholdCurve(kind, p, axis, xs).every(
            (pt, i, all) => i === 0 || rank(pt.threshold) <= rank(all[i - 1]?.threshold ?? null) + 1e-12,
          );
        const up = (axis: 'stakes' | 'casualties'): boolean =>
          thresholdCurve(kind, p, axis, xs).every(
            (pt, i, all) => i === 0 || rank(pt.threshold) >= rank(all[i - 1]?.threshold ?? null) - 1e-12,
          );
        return down('force-size') && down('audience-cost') && up('stakes') && up('casualties');
      }),
      { numRuns: 300 },
    );
  });

  it('curve against the force size for the minimal scenario (stakes 1)', () => {
    expect(thresholdCurve('tripwire', bold, 'force-size', linspace(0, 3, 7)).map((p) => p.threshold)).toEqual(
      [
        null, // no force: the backstop alone (W < V) never deters
        null, // a = 0.095 < k: the force withdraws whatever the guarantor
        1 / 2.75, // a ≥ k: fights beside a resolute guarantor; u_R = 1 − 0.25 − 2.5
        1 / 3.75, // u_R = 1 − 0.25 − (3 + 0.5)
        1 / 4.75,
        0, // a = 0.475 ≥ k + L: the force fights alone, and f = 5 + 0.5 exceeds the stakes
        0,
      ],
    );
  });

  it('checkParams flags guarantor types that do not differ', () => {
    expect(checkParams({ ...minimal.params, irresoluteAbstainCost: 3 }).map((i) => i.code)).toEqual([
      'game.param-order',
    ]);
    expect(checkParams({ ...minimal.params, prior: 2 }).map((i) => i.code)).toEqual(['game.param-range']);
  });
});

describe('commitment game', () => {
  it('deploys when the backstop alone would not deter but the force does', () => {
    // prior 0.5: the backstop alone never deters (W < V); with the force the threshold is 4/11.
    const r = solveOneSidedBayesian(templateGame('commitment', { ...bold, prior: 0.5 }));
    if (!r.ok) throw new Error('expected an equilibrium');
    const choice = (id: string): string | undefined => r.value.choices.find((c) => c.infoSet === id)?.action;
    expect(choice('Coalition@')).toBe('Deploy');
    expect(choice('Adversary@Deploy/type?')).toBe('Hold');
    expect(choice('Adversary@No force/type?')).toBe('Test');
    expect(r.value.payoffs[1]).toBeCloseTo(-minimal.params.deployCost, 12);
  });

  it('stays out when the backstop alone deters', () => {
    // W = 2: the backstop alone deters from V / W = 1/2, so at 0.8 the deployment cost is saved.
    const r = solveOneSidedBayesian(templateGame('commitment', { ...bold, punishment: 2, prior: 0.8 }));
    expect(r.ok && r.value.choices[0]?.action).toBe('No force');
  });

  it('uses the documented defaults', () => {
    expect(defaultAssumptions.camp).toBe('signal');
  });
});

describe('textbook self-check', () => {
  it('passes every case (the CLI reports it)', () => {
    expect(verifyTextbookCases().map((c) => [c.name, c.ok])).toEqual([
      ["Selten's chain-store stage game", true],
      ['Entry deterrence', true],
      ['Matching pennies', true],
      ['Bayesian entry', true],
    ]);
  });
});
