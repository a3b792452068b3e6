/**
 * Credibility thresholds: the least prior on the guarantor's resolute type at which testing stops paying
 * for the adversary (it holds, ties going to holding), in closed form for the templates and by bisection
 * on the solver's equilibria for any game family, and curves of the threshold against the force's size
 * and the adversary's stakes. Formulas are derived in docs/games.md.
 */
import type { Issue } from '../shared/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import { solveOneSidedBayesian } from './backward-induction.js';
import type { CredibilityParams, TemplateKind } from './templates.js';
import { templateGame } from './templates.js';
import { EPSILON, type Game } from './tree.js';

/** The adversary's payoff from testing against each guarantor type, and what the coalition does. */
export interface TestPayoffs {
  /** u_R: adversary's payoff from testing when the guarantor is resolute. */
  readonly resolute: number;
  /** u_I: adversary's payoff from testing when the guarantor is irresolute. */
  readonly irresolute: number;
  /** Whether the coalition's force fights, per type (undefined: no force in the game). */
  readonly fightsIfResolute: boolean | undefined;
  readonly fightsIfIrresolute: boolean | undefined;
}

/**
 * u_R and u_I for the tripwire game (or the backstop-only game, `force` false), by backward induction on
 * the continuation, in closed form. Requires r(resolute) > cG > r(irresolute) (see `checkParams`).
 */
export function testPayoffs(p: CredibilityParams, force: boolean): TestPayoffs {
  const V = p.stakes;
  const W = p.punishment;
  const f = p.denial + p.retaliation;
  if (!force)
    return { resolute: V - W, irresolute: V, fightsIfResolute: undefined, fightsIfIrresolute: undefined };
  // The coalition's payoffs exactly as the template's leaves hold them, compared as the solver does.
  const fightR = prefers(-p.casualtyCost, -p.audienceCost);
  const triggered = p.camp === 'trigger' && p.fatalitiesTrigger;
  const fightI = triggered
    ? prefers(-p.casualtyCost, -p.audienceCost - p.hostLoss)
    : prefers(-p.casualtyCost - p.aloneCost - p.hostLoss, -p.audienceCost - p.hostLoss);
  const resolute = fightR ? V - W - f : V - W;
  const irresolute = fightI ? (triggered ? V - W - f : V - f) : V;
  return { resolute, irresolute, fightsIfResolute: fightR, fightsIfIrresolute: fightI };
}

/** Whether a player picks the first of two actions: it is optimal within the solvers' tolerance (ties go first). */
function prefers(first: number, second: number): boolean {
  const max = Math.max(first, second);
  return first >= max - EPSILON * Math.max(1, Math.abs(max));
}

/**
 * The least prior π in [0, 1] with π·u_R + (1 − π)·u_I ≤ 0: 0 when u_I ≤ 0 (testing never pays), null
 * when u_R > 0 < u_I (testing pays at any credibility), else u_I / (u_I − u_R) (1 when u_R = 0: only
 * certainty deters, ties going to holding).
 */
export function thresholdFromPayoffs(u: Pick<TestPayoffs, 'resolute' | 'irresolute'>): number | null {
  if (u.irresolute <= 0) return 0;
  if (u.resolute > 0) return null;
  return u.irresolute / (u.irresolute - u.resolute);
}

/** Closed-form threshold of a template. For `commitment`, the threshold once the force is deployed. */
export function closedFormThreshold(kind: TemplateKind, p: CredibilityParams): number | null {
  return thresholdFromPayoffs(testPayoffs(p, kind !== 'backstop-only'));
}

/** Issues with template parameters the closed forms rely on (finite, prior in [0, 1], guarantor types ordered). */
export function checkParams(p: CredibilityParams): Issue[] {
  const out: Issue[] = [];
  for (const [k, v] of Object.entries(p))
    if (typeof v === 'number' && !Number.isFinite(v))
      out.push(issue('game.param-not-finite', [k], `${k} is not finite`));
  if (!(p.prior >= 0 && p.prior <= 1))
    out.push(issue('game.param-range', ['prior'], 'prior must lie in [0, 1]'));
  if (!(p.resoluteAbstainCost > p.interventionCost && p.interventionCost > p.irresoluteAbstainCost))
    out.push(
      issue(
        'game.param-order',
        ['interventionCost'],
        'guarantor costs must satisfy r(resolute) > intervention cost > r(irresolute), so types differ',
      ),
    );
  return out;
}

/**
 * Least π in [0, 1] at which `testPays(π)` turns false, assuming it is true below and false above
 * (monotone). 0 when it is already false at 0, null when still true at 1. Bisection to `tol`.
 */
export function thresholdByBisection(testPays: (prior: number) => boolean, tol = 1e-9): number | null {
  if (!testPays(0)) return 0;
  if (testPays(1)) return null;
  let lo = 0;
  let hi = 1;
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (testPays(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Whether the adversary tests in the one-sided Bayesian equilibrium of `game` (its uninformed
 * information set `infoSet` plays `Test`). Errors when the game is outside the solver's class.
 */
export function adversaryTests(game: Game, infoSet: string): Result<boolean> {
  const eq = solveOneSidedBayesian(game);
  if (!eq.ok) return eq;
  const choice = eq.value.choices.find((c) => c.infoSet === infoSet);
  if (choice === undefined) return fail([issue('game.no-infoset', [], `no information set "${infoSet}"`)]);
  return ok(choice.action === 'Test');
}

/** The threshold of a template found by bisection on solved games (cross-checks the closed form). */
export function solvedThreshold(
  kind: Exclude<TemplateKind, 'commitment'>,
  p: CredibilityParams,
  tol = 1e-9,
): number | null {
  return thresholdByBisection((prior) => {
    const r = adversaryTests(templateGame(kind, { ...p, prior }), 'Adversary@type?');
    if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; '));
    return r.value;
  }, tol);
}

/**
 * What a curve varies: the force's size (audience cost, denial and deployment cost scale with it), the
 * adversary's stakes, the audience cost alone, or the casualties at stake (a multiplier on the casualty
 * cost of an attack, with and without the guarantor).
 */
export type CurveAxis = 'force-size' | 'stakes' | 'audience-cost' | 'casualties';

export interface CurvePoint {
  readonly x: number;
  /** null: testing pays at any credibility. */
  readonly threshold: number | null;
}

/**
 * Threshold of a template against one parameter. `force-size`: a multiplier on the force (audience cost,
 * denial and deployment cost scale with personnel and combat power; the attack's casualties do not — the
 * adversary sets the size of an attack); `stakes`: V itself; `audience-cost`: a itself; `casualties`: a
 * multiplier on k and L. The threshold is non-increasing in force size and audience cost and
 * non-decreasing in stakes and casualties (docs/games.md).
 */
export function thresholdCurve(
  kind: TemplateKind,
  p: CredibilityParams,
  axis: CurveAxis,
  xs: readonly number[],
): CurvePoint[] {
  return xs.map((x) => ({ x, threshold: closedFormThreshold(kind, vary(p, axis, x)) }));
}

/** The parameters with one axis set to x. */
export function vary(p: CredibilityParams, axis: CurveAxis, x: number): CredibilityParams {
  switch (axis) {
    case 'force-size':
      // The coalition's retaliation comes from its nations' militaries, not the force's size: it stays.
      return { ...p, audienceCost: p.audienceCost * x, denial: p.denial * x, deployCost: p.deployCost * x };
    case 'stakes':
      return { ...p, stakes: x };
    case 'audience-cost':
      return { ...p, audienceCost: x };
    case 'casualties':
      return { ...p, casualtyCost: p.casualtyCost * x, aloneCost: p.aloneCost * x };
  }
}

/** Evenly spaced points from `from` to `to` inclusive (n ≥ 2). */
export function linspace(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** The threshold and the test decision for one adversary type (a quantile of ρ). */
export interface AdversaryType {
  /** Quantile of ρ this type sits at. */
  readonly quantile: number;
  /** Its stakes net of the host's denial, ρ − D_host. */
  readonly stakes: number;
  readonly threshold: number | null;
  /** Whether this type tests at the prior. */
  readonly tests: boolean;
}

/**
 * The credibility analysis over the adversary types the scenario draws: ρ is uncertain (the Monte Carlo
 * draws it per run), so the game is solved per type. The expected payoff of testing at the prior falls by
 * the same amount for every type (q_C·f + q_G·W do not depend on ρ), so the types that test are those with
 * ρ − D_host above that amount: `shareTesting` = P(ρ > D_host + q_C·f + q_G·W), by inverting the quantile.
 */
export function adversaryTypes(
  kind: TemplateKind,
  p: CredibilityParams,
  hostDenial: number,
  rhoQuantile: (u: number) => number,
  quantiles: readonly number[] = [0.1, 0.25, 0.5, 0.75, 0.9],
): { readonly shareTesting: number; readonly types: readonly AdversaryType[] } {
  const expected = (stakes: number): number => {
    const u = testPayoffs({ ...p, stakes }, kind !== 'backstop-only');
    return p.prior * u.resolute + (1 - p.prior) * u.irresolute;
  };
  const types = quantiles.map((q) => {
    const stakes = rhoQuantile(q) - hostDenial;
    const s = { ...p, stakes };
    return { quantile: q, stakes, threshold: closedFormThreshold(kind, s), tests: expected(stakes) > 0 };
  });
  // The least u with a testing type: bisection on the monotone E[u](ρ(u)).
  const tests = (u: number): boolean => expected(rhoQuantile(u) - hostDenial) > 0;
  let lo = 1e-6;
  let hi = 1 - 1e-6;
  let share: number;
  if (tests(lo)) share = 1;
  else if (!tests(hi)) share = 0;
  else {
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (tests(mid)) hi = mid;
      else lo = mid;
    }
    share = 1 - hi;
  }
  return { shareTesting: share, types };
}
