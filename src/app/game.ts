/**
 * The credibility-game use case, shared by the CLI and the server: loads a scenario (a template game built
 * from its figures) or a game file (YAML/JSON tree, or Gambit `.efg`), solves it and, for templates, runs
 * the credibility analysis (both pure, in core/game/credibility.ts). Also returns the game as `.efg` text
 * for cross-checking in Gambit.
 *
 * Invalid input throws `BulwarkError` (`scenario-invalid` with every issue and its position, also for game
 * files); a game no solver here covers throws `usage`. Everything else is a value.
 */
import { loadScenario, locate, parseText, readScenarioText } from '../adapters/files/index.js';
import {
  analyseCredibility,
  checkParams,
  deriveParams,
  describePlay,
  gameInvalid,
  loadGame,
  parseEfg,
  profitableDeviation,
  solveGame,
  templateGame,
  toEfg,
  verifyTextbookCases,
  withoutProfile,
  type CredibilityAnalysis,
  type Derivation,
  type EquilibriumView,
  type Game,
  type GameAssumptions,
  type GameSolver,
  type MixedSolution,
  type TemplateKind,
  type TextbookCheck,
} from '../core/game/index.js';
import { BulwarkError } from '../core/shared/index.js';

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

export interface GameReport {
  readonly source: {
    readonly kind: 'scenario' | 'game-file' | 'efg';
    readonly name: string;
    readonly scenarioHash?: string;
    readonly variants: readonly string[];
  };
  readonly title: string;
  readonly players: readonly string[];
  readonly solver: GameSolver;
  readonly equilibrium?: EquilibriumView;
  /** Equilibria of the normal form, when solved (or cross-checked) by support enumeration. */
  readonly mixed?: MixedSolution;
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

/**
 * A credibility game solved: a scenario's template (tripwire, backstop-only, commitment), a game file or a
 * Gambit .efg, with equilibria, thresholds, curves and the textbook checks. Throws `scenario-invalid` or
 * `usage` with every issue of an invalid game, `game.solver-class` issues when no solver fits it.
 */
export function runGame(input: GameInput): GameReport {
  const variants = input.variants ?? [];
  const loaded = load(input, variants);
  const game = loaded.game;
  const solved = solveGame(game);
  const view = solved.equilibrium === undefined ? undefined : withoutProfile(solved.equilibrium);
  const credibility =
    loaded.kind === 'scenario' ? analyseCredibility(loaded.params, loaded.template) : undefined;
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
      throw gameInvalid(
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
    if (!r.ok) throw gameInvalid(file, locate(r.error, file, parsed.doc, parsed.counter));
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

/** The credibility analysis lives in the core; re-exported for the use case's callers. */
export {
  analyseScenarioCredibility,
  type CredibilityAnalysis,
  type EquilibriumView,
} from '../core/game/index.js';
