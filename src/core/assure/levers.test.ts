/**
 * Assurance v2: outcomes move with the levers users pull, through mechanisms, on common random numbers.
 * Each comparison is paired (the same runs in lockstep) and allows 4 standard errors of the paired difference.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../test/helpers.js';
import { closedFormThreshold, deriveParams, testPayoffs } from '../game/index.js';
import type { Scenario } from '../scenario/index.js';
import { applyVariants } from '../scenario/index.js';
import { constantHazards } from './exact.js';
import { forceFromPledges, scaleForce } from './force-layout.js';
import { compileLadder } from './compile-ladder.js';
import { emptyDeterrence, fillDeterrence, type LadderParams } from './ladder-params.js';
import { runJobInline } from './assure.js';
import { pairedDifference } from './estimators.js';
import type { PartialStats } from './partial-stats.js';
import { CATEGORIES } from './partial-stats.js';

const ukraine = loadBuiltin('ukraine-2025');
const RUNS = 3000;

const variant = (s: Scenario, id: string): Scenario => {
  const r = applyVariants(s, [id]);
  if (!r.ok) throw new Error(id);
  return r.value.scenario;
};

const withBackstop = (
  s: Scenario,
  patch: Partial<NonNullable<Scenario['guarantor']>['backstop']>,
): Scenario => {
  const g = s.guarantor;
  if (g === undefined) throw new Error('no guarantor');
  return { ...s, guarantor: { ...g, backstop: { ...g.backstop, ...patch } } };
};

/** Paired difference of P(ceasefire fails) of case v against case 0 (joint table of case v). */
function failDiff(st: PartialStats): { d: number; se: number } {
  const C = CATEGORIES;
  let onlyV = 0;
  let onlyB = 0;
  for (let a = 0; a < C; a++)
    for (let b = 0; b < C; b++) {
      if (b % 2 === 1 && a % 2 === 0) onlyV += st.joint[a * C + b]!;
      if (a % 2 === 1 && b % 2 === 0) onlyB += st.joint[a * C + b]!;
    }
  const p = pairedDifference(onlyV, onlyB, st.runs);
  return { d: p.difference, se: (p.hi - p.lo) / (2 * 1.959963984540054) };
}

/** Runs the models in lockstep; each later model's P(fail) minus the first's, with its standard error. */
function againstFirst(models: readonly LadderParams[]): { d: number; se: number }[] {
  const st = runJobInline({ models }, 20260106, RUNS);
  return st.slice(1).map(failDiff);
}

describe('retaliation by stake', () => {
  it('each contributor brings R_k · n / (n + stake); nobody in theatre brings nothing; stake 0 brings all', () => {
    const f = forceFromPledges(ukraine);
    const m0 = compileLadder(ukraine, { force: f });
    const stake = 650;
    const m1 = compileLadder(
      { ...ukraine, assurance: { ...ukraine.assurance, retaliationStake: stake } },
      { force: f },
    );
    const p = 3; // period 4: every pledge in place
    const R = (m: LadderParams): number => {
      const st = emptyDeterrence();
      fillDeterrence(m, st, p, null, 800_000, 0.5, 1, null);
      return st.retaliation;
    };
    let whole = 0;
    let staked = 0;
    for (let k = 0; k < m0.nations; k++) {
      const n = m0.personnel[p * m0.nations + k]!;
      if (n > 0) {
        whole += m0.retaliationBy[k]!;
        staked += (m0.retaliationBy[k]! * n) / (n + stake);
      }
    }
    expect(R(m0)).toBeCloseTo(m0.wRetaliation * whole, 12);
    expect(R(m1)).toBeCloseTo(m1.wRetaliation * staked, 12);
    expect(R(m1)).toBeLessThan(R(m0));
    // Less retaliation, more failure: the what-if variant on the same runs.
    const [d] = againstFirst([m0, compileLadder(variant(ukraine, 'retaliation-by-stake'), { force: f })]);
    expect(d!.d).toBeGreaterThan(4 * d!.se);
  });
});

describe('assurance v2: the levers move P(ceasefire fails) in the right direction', () => {
  it('more force of the same composition never raises P(fail) beyond noise, and a company barely deters', () => {
    const f = forceFromPledges(ukraine);
    const sizes = [0.0125, 0.25, 1, 3];
    const models = sizes.map((x) => compileLadder(ukraine, { force: scaleForce(f, x) }));
    const st = runJobInline({ models }, 20260106, RUNS);
    for (let i = 1; i < sizes.length; i++) {
      // Each size against the next smaller one, paired: build the pair explicitly.
      const pair = runJobInline({ models: [models[i - 1]!, models[i]!] }, 20260106, RUNS)[1]!;
      const { d, se } = failDiff(pair);
      expect(d, `×${sizes[i]} against ×${sizes[i - 1]}`).toBeLessThanOrEqual(4 * se + 1e-12);
    }
    // The pledged force cuts P(fail) by far more than a company does (commitment: audience cost vs casualties).
    const fail = st.map((x) => x.reached[3]! / x.runs);
    expect(fail[0]! - fail[2]!).toBeGreaterThan(0.1);
  });

  it('a more credible guarantor never raises P(fail), and credibility moves it before any trigger', () => {
    const models = [
      { dist: 'beta', alpha: 2, beta: 6 },
      { dist: 'beta', alpha: 2, beta: 3 },
      { dist: 'beta', alpha: 6, beta: 2 },
    ].map((credibility) => compileLadder(withBackstop(ukraine, { credibility: credibility as never })));
    const diffs = againstFirst(models);
    for (const { d, se } of diffs) expect(d).toBeLessThanOrEqual(4 * se);
    expect(diffs[1]!.d).toBeLessThan(-4 * diffs[1]!.se);
  });

  it('a stronger guarantor never raises P(fail)', () => {
    const power = ukraine.guarantor?.backstop.power ?? 0;
    const models = [0.5, 1, 2].map((x) => compileLadder(withBackstop(ukraine, { power: power * x })));
    const diffs = againstFirst(models);
    for (const { d, se } of diffs) expect(d).toBeLessThanOrEqual(4 * se);
    expect(diffs[1]!.d).toBeLessThan(-4 * diffs[1]!.se);
  });

  it('removing the backstop never makes war with the guarantor more likely; without one it cannot happen', () => {
    for (const kind of ['intelligence-logistics', 'air-support', 'full'] as const) {
      const withB = compileLadder(withBackstop(ukraine, { kind }));
      const none = compileLadder(variant(withBackstop(ukraine, { kind }), 'no-backstop'));
      const [a, b] = runJobInline({ models: [withB, none] }, 20260106, RUNS);
      expect(b!.reached[6], kind).toBe(0);
      expect(b!.reached[6]!).toBeLessThanOrEqual(a!.reached[6]!);
    }
  });

  it('without forces in harm’s way, war with the guarantor needs a decision of the guarantor', () => {
    const m = compileLadder(withBackstop(ukraine, { kind: 'intelligence-logistics' }));
    const st = runJobInline({ models: [m] }, 20260106, RUNS)[0]!;
    // Every run that reached level 6 had a guarantor intervention that escalated.
    expect(st.reached[6]!).toBeLessThanOrEqual(st.guarantor[5]!);
    // The step from coalition combat to war with the guarantor is closed for this kind.
    expect(constantHazards(m, 3, 2).up[5]).toBe(0);
    expect(
      constantHazards(compileLadder(withBackstop(ukraine, { kind: 'full' })), 3, 2).up[5],
    ).toBeGreaterThan(0);
  });
});

describe('one deterrence model for the Monte Carlo and the games', () => {
  it('the game’s expected payoff of testing is the Monte Carlo’s net incentive at the same state', () => {
    for (const s of [ukraine, variant(ukraine, 'no-backstop'), variant(ukraine, 'full-backstop')]) {
      const d = deriveParams(s);
      const p = d.params;
      const m = compileLadder(s);
      const u = testPayoffs(p, true);
      const expected = p.prior * u.resolute + (1 - p.prior) * u.irresolute;
      const rho = p.stakes + d.hostDenial;
      const U = fillDeterrence(
        m,
        emptyDeterrence(),
        d.force.period - 1,
        null,
        m.hostBaseline,
        p.prior,
        rho,
        null,
      );
      expect(U).toBeCloseTo(expected, 12);
    }
  });

  it('the game’s threshold is where the Monte Carlo’s hazard multiplier crosses 1', () => {
    // A bold adversary type (ρ two units above the host's denial), feedback off, the pledged force's peak period.
    const s = ukraine;
    const d = deriveParams(s);
    const p = { ...d.params, stakes: 2 };
    const t = closedFormThreshold('tripwire', p);
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
    if (t === null) return;
    const rho = 2 + d.hostDenial;
    const hazardAt = (belief: number): number => {
      const k = 1000;
      const m = compileLadder({
        ...s,
        adversary: { ...s.adversary!, priorResolve: { alpha: belief * k, beta: (1 - belief) * k } },
      });
      return constantHazards(m, rho, d.force.period - 1).up[2]! / m.up[2]!;
    };
    expect(hazardAt(Math.max(0, t - 0.02))).toBeGreaterThan(1);
    expect(hazardAt(Math.min(1, t + 0.02))).toBeLessThan(1);
  });

  it('each lever moves the game’s expected payoff of testing the same way as the Monte Carlo’s P(fail)', () => {
    const power = ukraine.guarantor?.backstop.power ?? 0;
    const levers: [string, Scenario, Scenario][] = [
      [
        'guarantor power',
        withBackstop(ukraine, { power: power * 0.5 }),
        withBackstop(ukraine, { power: power * 2 }),
      ],
      [
        'credibility',
        withBackstop(ukraine, { credibility: { dist: 'beta', alpha: 2, beta: 6 } }),
        withBackstop(ukraine, { credibility: { dist: 'beta', alpha: 6, beta: 2 } }),
      ],
      [
        'backstop kind',
        withBackstop(ukraine, { kind: 'intelligence-logistics' }),
        withBackstop(ukraine, { kind: 'full' }),
      ],
    ];
    for (const [name, lo, hi] of levers) {
      const eu = (s: Scenario): number => {
        const p = deriveParams(s).params;
        const u = testPayoffs(p, true);
        return p.prior * u.resolute + (1 - p.prior) * u.irresolute;
      };
      const diff = againstFirst([compileLadder(lo), compileLadder(hi)])[0]!;
      expect(eu(hi), name).toBeLessThan(eu(lo));
      expect(diff.d, name).toBeLessThan(-4 * diff.se);
    }
  });
});

describe('the tornado covers the assumed constants and says what cannot move by construction', () => {
  it('rows for θ, the force size and the backstop weight; inert measures have exactly zero swing', async () => {
    const { runAssurance, inlineRunner } = await import('./assure.js');
    const r = await runAssurance(
      [{ id: 'base', label: 'base', scenario: ukraine }],
      // A fixed size (minimum = cap): every row on the base's runs, so inert measures equal the base's.
      { runs: 500, seed: 3, tornadoRuns: 1500, tornadoMinRuns: 1500 },
      inlineRunner,
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.tornado === null) return;
    const rows = r.value.tornado.rows;
    const keys = rows.map((x) => x.key);
    for (const k of ['const:theta', 'const:forceSize', 'const:kindWeight', 'const:up2', 'riskTolerance'])
      expect(keys).toContain(k);
    const base = r.value.tornado.base;
    const inert = rows.filter((x) => x.inert.includes('ceasefireFailed'));
    expect(inert.map((x) => x.key)).toEqual(
      expect.arrayContaining(['const:up3', 'const:up45', 'const:escalates', 'attackStrength']),
    );
    for (const x of inert) {
      expect(x.low.ceasefireFailed, x.key).toBe(base.ceasefireFailed);
      expect(x.high.ceasefireFailed, x.key).toBe(base.ceasefireFailed);
    }
    for (const x of rows.filter((y) => y.inert.includes('tripwireTested'))) {
      expect(x.low.tripwireTested, x.key).toBe(base.tripwireTested);
      expect(x.high.tripwireTested, x.key).toBe(base.tripwireTested);
    }
    // A constant that acts before failure does move it: the force size, on the same runs.
    const size = rows.find((x) => x.key === 'const:forceSize');
    expect(size!.low.ceasefireFailed).toBeGreaterThan(size!.high.ceasefireFailed);
  });
});
