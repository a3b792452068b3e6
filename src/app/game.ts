/**
 * The credibility-game use case, shared by the CLI and the server: from a scenario (a template game built
 * from its figures) or a game file (YAML/JSON tree, or Gambit `.efg`), solve the game with the solver whose
 * class fits, and for templates compute the credibility thresholds and their curves. Also returns the
 * game as `.efg` text for cross-checking in Gambit.
 *
 * Invalid input throws `BulwarkError` (`scenario-invalid` with every issue and its position, also for game
 * files); a game no solver here covers throws `usage`. Everything else is a value.
 */
import { loadScenario, locate, parseText, readScenarioText } from '../adapters/files/index.js';
import {
  checkParams,
  closedFormThreshold,
  deriveParams,
  describeCurve,
  describePlay,
  explainThreshold,
  linspace,
  loadGame,
  normalForm,
  parseEfg,
  percent,
  profitableDeviation,
  solvedThreshold,
  solveOneSidedBayesian,
  solvePerfectInformation,
  supportEnumeration,
  templateGame,
  testPayoffs,
  thresholdCurve,
  toEfg,
  verifyTextbookCases,
  type CredibilityParams,
  type CurvePoint,
  type Derivation,
  type Equilibrium,
  type Game,
  type GameAssumptions,
  type MixedEquilibrium,
  type TemplateKind,
  type TestPayoffs,
  type TextbookCheck,
  adversaryTypes,
  type AdversaryType,
} from '../core/game/index.js';
import { quantile } from '../core/assure/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, type Issue } from '../core/shared/index.js';

export interface GameInput {
  /** A scenario (file, built-in name, `-`) or a game file (`.yaml`/`.json` with `players` and `root`, or `.efg`). */
  readonly ref: string;
  /** Template built from a scenario; default `tripwire`. Ignored for game files. */
  readonly template?: TemplateKind;
  readonly variants?: readonly string[];
  /** Overrides of the template assumptions (camp, audience cost per 1,000, …). */
  readonly assumptions?: Partial<GameAssumptions>;
  readonly stdin?: () => string;
}

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

export interface GameReport {
  readonly source: {
    readonly kind: 'scenario' | 'game-file' | 'efg';
    readonly name: string;
    readonly scenarioHash?: string;
    readonly variants: readonly string[];
  };
  readonly title: string;
  readonly players: readonly string[];
  readonly solver: Equilibrium['solver'] | 'support-enumeration';
  readonly equilibrium?: EquilibriumView;
  /** Equilibria of the normal form, when solved (or cross-checked) by support enumeration. */
  readonly mixed?: {
    readonly equilibria: readonly MixedEquilibrium[];
    readonly degenerate: boolean;
    readonly strategies: readonly (readonly string[])[];
  };
  /** The equilibrium path in words, one line per play of positive probability. */
  readonly pathInWords: readonly string[];
  /** True when the pure equilibrium was checked to be a Nash equilibrium of the normal form. */
  readonly nashChecked?: boolean;
  readonly credibility?: CredibilityAnalysis;
  readonly textbook: readonly TextbookCheck[];
  readonly efg: string;
}

type Loaded =
  | { kind: 'scenario'; game: Game; name: string; hash: string; params: Derivation; template: TemplateKind }
  | { kind: 'game-file' | 'efg'; game: Game; name: string };

export function runGame(input: GameInput): GameReport {
  const variants = input.variants ?? [];
  const loaded = load(input, variants);
  const game = loaded.game;
  const solved = solve(game);
  const view = solved.equilibrium === undefined ? undefined : withoutProfile(solved.equilibrium);
  const credibility = loaded.kind === 'scenario' ? analyse(loaded.params, loaded.template) : undefined;
  return {
    source: {
      kind: loaded.kind,
      name: loaded.name,
      ...(loaded.kind === 'scenario' ? { scenarioHash: loaded.hash } : {}),
      variants: loaded.kind === 'scenario' ? variants : [],
    },
    title: game.title,
    players: game.players,
    solver: solved.solver,
    ...(view !== undefined ? { equilibrium: view } : {}),
    ...(solved.mixed !== undefined ? { mixed: solved.mixed } : {}),
    pathInWords: view?.path.map((p) => describePlay(p, game.players)) ?? [],
    ...(solved.equilibrium !== undefined
      ? { nashChecked: profitableDeviation(game, solved.equilibrium.profile) === undefined }
      : {}),
    ...(credibility !== undefined ? { credibility } : {}),
    textbook: verifyTextbookCases(),
    efg: toEfg(game),
  };
}

function load(input: GameInput, variants: readonly string[]): Loaded {
  if (input.ref.toLowerCase().endsWith('.efg')) {
    const { text, origin } = readScenarioText(input.ref, input.stdin);
    const r = parseEfg(text);
    if (!r.ok)
      throw invalid(
        origin.name,
        r.error.map((i) => ({ ...i, file: origin.name })),
      );
    return { kind: 'efg', game: r.value, name: origin.name };
  }
  const { text, origin } = readScenarioText(input.ref, input.stdin);
  const file = origin.kind === 'builtin' ? `scenarios/${input.ref}.yaml` : origin.name;
  const parsed = parseText(text, file);
  if (isGameFile(parsed.data)) {
    const r = loadGame(parsed.data);
    if (!r.ok) throw invalid(file, locate(r.error, file, parsed.doc, parsed.counter));
    return { kind: 'game-file', game: r.value, name: origin.name };
  }
  const scenario = loadScenario(input.ref, variants, () => text);
  const derivation = deriveParams(scenario.scenario, input.assumptions ?? {});
  const problems = checkParams(derivation.params);
  if (problems.length > 0) throw new BulwarkError('usage', 'the game assumptions are inconsistent', problems);
  const template = input.template ?? 'tripwire';
  return {
    kind: 'scenario',
    game: templateGame(template, derivation.params),
    name: origin.name,
    hash: scenario.hash,
    params: derivation,
    template,
  };
}

/** A game file has `players` and `root` at the top; a scenario has `meta`. */
function isGameFile(data: unknown): boolean {
  return (
    data !== null && typeof data === 'object' && 'root' in data && 'players' in data && !('meta' in data)
  );
}

function invalid(name: string, issues: readonly Issue[]): BulwarkError {
  const n = issues.filter((i) => i.severity === 'error').length;
  return new BulwarkError(
    'scenario-invalid',
    `${name}: ${n} problem${n === 1 ? '' : 's'} in the game`,
    issues,
  );
}

interface Solved {
  solver: GameReport['solver'];
  equilibrium?: Equilibrium;
  mixed?: NonNullable<GameReport['mixed']>;
}

/** Perfect information first, then the one-sided class, then support enumeration for two players. */
function solve(game: Game): Solved {
  const perfect = solvePerfectInformation(game);
  const twoPlayers = game.players.length === 2 ? mixedOf(game) : undefined;
  if (perfect.ok)
    return {
      solver: 'perfect-information',
      equilibrium: perfect.value,
      ...(twoPlayers ? { mixed: twoPlayers } : {}),
    };
  const onlyClass = perfect.error.every((i) => i.code === 'game.solver-class');
  if (!onlyClass) throw invalid(game.title, perfect.error);
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

function mixedOf(game: Game): NonNullable<GameReport['mixed']> | undefined {
  const nf = normalForm(game, { maxProfiles: 10_000 });
  if (!nf.ok) return undefined;
  const r = supportEnumeration(nf.value, { maxSupports: 200_000 });
  if (!r.ok) return undefined;
  return { equilibria: r.value.equilibria, degenerate: r.value.degenerate, strategies: nf.value.strategies };
}

function withoutProfile(e: Equilibrium): EquilibriumView {
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
  return analyse(derivation, template);
}

/** Thresholds, their check against the solver, findings in words and curves. */
function analyse(d: Derivation, template: TemplateKind): CredibilityAnalysis {
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
