/**
 * Solving a game with the solver whose class fits, and the credibility analysis of a scenario's template
 * game: thresholds (the closed form checked against bisection on solved games), their curves, the
 * adversary types and the findings in words. Pure: the use case (`app/game.ts`) loads the inputs.
 */
import { quantile } from '../assure/index.js';
import type { Scenario } from '../scenario/index.js';
import { BulwarkError, type Issue } from '../shared/index.js';
import { solveOneSidedBayesian, solvePerfectInformation, type Equilibrium } from './backward-induction.js';
import { describeCurve, explainThreshold, percent } from './narrative.js';
import { normalForm } from './normal-form.js';
import { supportEnumeration, type MixedEquilibrium } from './support-enumeration.js';
import {
  deriveParams,
  type CredibilityParams,
  type Derivation,
  type GameAssumptions,
  type TemplateKind,
} from './templates.js';
import {
  adversaryTypes,
  checkParams,
  closedFormThreshold,
  linspace,
  solvedThreshold,
  testPayoffs,
  thresholdCurve,
  type AdversaryType,
  type CurvePoint,
  type TestPayoffs,
} from './thresholds.js';
import type { Game } from './tree.js';

/** The equilibrium without its Map (for JSON). */
export type EquilibriumView = Omit<Equilibrium, 'profile'>;

export interface CredibilityAnalysis {
  readonly template: TemplateKind;
  readonly derivation: Derivation;
  /** Least prior on the resolute type at which testing stops paying (null: never). */
  readonly thresholds: {
    readonly tripwire: number | null;
    readonly backstopOnly: number | null;
    /** The tripwire read as an automatic trigger: casualties draw in any guarantor. */
    readonly automaticTrigger: number | null;
  };
  readonly testPayoffs: { readonly tripwire: TestPayoffs; readonly backstopOnly: TestPayoffs };
  /**
   * The game per adversary type: ρ is drawn per run in the Monte Carlo, so the mean type alone can mislead
   * (its stakes may sit exactly on the host's denial). Share of types that test at the prior, with and
   * without the force, and the threshold at quantiles of ρ.
   */
  readonly adversaryTypes: {
    readonly shareTesting: number;
    readonly shareTestingWithoutForce: number;
    readonly types: readonly AdversaryType[];
  };
  /** Bisection on solved games agrees with the closed form (|difference| below 1e-6). */
  readonly closedFormChecked: boolean;
  readonly findings: readonly string[];
  readonly curves: {
    /** Force multiplier (1 = the scenario's force), personnel, threshold. */
    readonly forceSize: readonly (CurvePoint & { readonly personnel: number })[];
    /** The adversary's stakes V, threshold. */
    readonly stakes: readonly CurvePoint[];
    /** The coalition's audience cost a of abandoning the force, threshold. */
    readonly audienceCost: readonly CurvePoint[];
    /** Multiplier on the casualties of an attack (1 = the scenario's), threshold. */
    readonly casualties: readonly CurvePoint[];
  };
  readonly curveFindings: readonly string[];
}

/** `scenario-invalid` with every problem of a game. */
export function gameInvalid(name: string, issues: readonly Issue[]): BulwarkError {
  const n = issues.filter((i) => i.severity === 'error').length;
  return new BulwarkError(
    'scenario-invalid',
    `${name}: ${n} problem${n === 1 ? '' : 's'} in the game`,
    issues,
  );
}

/** Which solver answered. */
export type GameSolver = Equilibrium['solver'] | 'support-enumeration';

/** Mixed equilibria of a two-player game's normal form. */
export interface MixedSolution {
  readonly equilibria: readonly MixedEquilibrium[];
  readonly degenerate: boolean;
  readonly strategies: readonly (readonly string[])[];
}

export interface Solved {
  solver: GameSolver;
  equilibrium?: Equilibrium;
  mixed?: MixedSolution;
}

/** Perfect information first, then the one-sided class, then support enumeration for two players. */
export function solveGame(game: Game): Solved {
  const perfect = solvePerfectInformation(game);
  const twoPlayers = game.players.length === 2 ? mixedOf(game) : undefined;
  if (perfect.ok)
    return {
      solver: 'perfect-information',
      equilibrium: perfect.value,
      ...(twoPlayers ? { mixed: twoPlayers } : {}),
    };
  const onlyClass = perfect.error.every((i) => i.code === 'game.solver-class');
  if (!onlyClass) throw gameInvalid(game.title, perfect.error);
  const bayes = solveOneSidedBayesian(game);
  if (bayes.ok)
    return {
      solver: 'one-sided-bayesian',
      equilibrium: bayes.value,
      ...(twoPlayers ? { mixed: twoPlayers } : {}),
    };
  if (twoPlayers !== undefined) return { solver: 'support-enumeration', mixed: twoPlayers };
  throw new BulwarkError(
    'usage',
    'no solver here covers this game: it is neither perfect information, nor one-sided with the uninformed player moving first, nor a two-player game small enough for support enumeration',
    bayes.error,
  );
}

function mixedOf(game: Game): MixedSolution | undefined {
  const nf = normalForm(game, { maxProfiles: 10_000 });
  if (!nf.ok) return undefined;
  const r = supportEnumeration(nf.value, { maxSupports: 200_000 });
  if (!r.ok) return undefined;
  return { equilibria: r.value.equilibria, degenerate: r.value.degenerate, strategies: nf.value.strategies };
}

/** The equilibrium without its Map (for JSON). */
export function withoutProfile(e: Equilibrium): EquilibriumView {
  const { profile: _profile, ...rest } = e;
  return rest;
}

/**
 * The credibility analysis of a validated scenario (the tripwire template unless told otherwise): the
 * briefing's entry point. Throws `usage` when the derived game assumptions are inconsistent.
 */
export function analyseScenarioCredibility(
  s: Scenario,
  template: TemplateKind = 'tripwire',
  assumptions: Partial<GameAssumptions> = {},
): CredibilityAnalysis {
  const derivation = deriveParams(s, assumptions);
  const problems = checkParams(derivation.params);
  if (problems.length > 0) throw new BulwarkError('usage', 'the game assumptions are inconsistent', problems);
  return analyseCredibility(derivation, template);
}

/** Thresholds, their check against the solver, findings in words and curves. */
export function analyseCredibility(d: Derivation, template: TemplateKind): CredibilityAnalysis {
  // The thresholds and curves are for a bold adversary type, ρ at its 90th percentile: the mean type's
  // stakes may sit on the host's denial, where nothing needs deterring (the per-type table covers the rest).
  const boldStakes =
    d.riskTolerance === undefined ? d.params.stakes : quantile(d.riskTolerance, 0.9) - d.hostDenial;
  const p = { ...d.params, stakes: boldStakes };
  const trigger: CredibilityParams = { ...p, camp: 'trigger', fatalitiesTrigger: true };
  const tripwire = closedFormThreshold('tripwire', p);
  const backstopOnly = closedFormThreshold('backstop-only', p);
  const agree = (a: number | null, b: number | null): boolean =>
    a === null || b === null ? a === b : Math.abs(a - b) < 1e-6;
  const closedFormChecked =
    agree(tripwire, solvedThreshold('tripwire', p)) &&
    agree(backstopOnly, solvedThreshold('backstop-only', p));
  const main: TemplateKind = template === 'backstop-only' ? 'backstop-only' : 'tripwire';
  const findings: string[] = explainThreshold(
    {
      kind: main,
      threshold: closedFormThreshold(main, p),
      prior: p.prior,
      payoffs: testPayoffs(p, main === 'tripwire'),
    },
    p,
  );
  if (main === 'tripwire') findings.push(compareWithBackstop(tripwire, backstopOnly));
  const sizes = linspace(0, 3, 13);
  const forceSize = thresholdCurve('tripwire', p, 'force-size', sizes).map((pt) => ({
    ...pt,
    personnel: Math.round(d.force.personnel * pt.x),
  }));
  const stakes = thresholdCurve('tripwire', p, 'stakes', linspace(p.stakes / 4, p.stakes * 3, 12));
  const audienceCost = thresholdCurve(
    'tripwire',
    p,
    'audience-cost',
    linspace(0, Math.max(1, p.audienceCost * 3), 13),
  );
  const casualties = thresholdCurve('tripwire', p, 'casualties', linspace(0, 4, 17));
  const rho = d.riskTolerance;
  const rhoQ = (u: number): number => (rho === undefined ? p.stakes + d.hostDenial : quantile(rho, u));
  const withForce = adversaryTypes('tripwire', p, d.hostDenial, rhoQ);
  const withoutForce = adversaryTypes('backstop-only', p, d.hostDenial, rhoQ);
  findings.unshift(
    `For a bold adversary type (risk tolerance at its 90th percentile: stakes ${Math.round(boldStakes * 1000) / 1000} above the host's denial):`,
  );
  findings.push(
    `Over the adversary types the scenario draws (risk tolerance ρ), ${percent(withForce.shareTesting)} would test the force at the prior belief; without the force, ${percent(withoutForce.shareTesting)} would test the backstop alone.`,
  );
  return {
    template,
    derivation: d,
    thresholds: { tripwire, backstopOnly, automaticTrigger: closedFormThreshold('tripwire', trigger) },
    testPayoffs: { tripwire: testPayoffs(p, true), backstopOnly: testPayoffs(p, false) },
    adversaryTypes: {
      shareTesting: withForce.shareTesting,
      shareTestingWithoutForce: withoutForce.shareTesting,
      types: withForce.types,
    },
    closedFormChecked,
    findings,
    curves: { forceSize, stakes, audienceCost, casualties },
    curveFindings: [
      describeCurve(forceSize, "a force multiplier (1 = the scenario's force)"),
      describeCurve(stakes, "the adversary's stakes V"),
      describeCurve(audienceCost, 'the audience cost of abandoning the force'),
      describeCurve(casualties, "a multiplier on the casualties of an attack (1 = the scenario's)"),
    ],
  };
}

/** One sentence on what the force adds to the backstop. */
function compareWithBackstop(withForce: number | null, alone: number | null): string {
  const pct = (x: number | null): string => percent(x);
  if (withForce === alone)
    return `Without the force the threshold would be the same (${pct(alone)}): the force adds no deterrence here.`;
  if (alone === null) return `Without the force no credibility would deter; with it, ${pct(withForce)} does.`;
  if (withForce === null)
    return `Without the force ${pct(alone)} would deter; with it, no credibility does (the force invites testing).`;
  const points = Math.round((alone - withForce) * 1000) / 10;
  return points > 0
    ? `Without the force the threshold would be ${pct(alone)}: the force lowers it by ${points} percentage points.`
    : `Without the force the threshold would be ${pct(alone)}: the force raises it by ${-points} percentage points.`;
}
