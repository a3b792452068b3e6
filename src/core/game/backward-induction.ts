/**
 * Backward induction, in two classes of games:
 *
 * - `solvePerfectInformation`: every information set is a single node (chance nodes allowed, averaged).
 *   The result is a subgame-perfect equilibrium in pure strategies (Kuhn 1953; Selten 1965). It exists
 *   and is unique when no player is ever indifferent; where one is, the tie-breaking rule picks an action
 *   and the tie is reported (other SPE then exist).
 * - `solveOneSidedBayesian`: as above, except that an information set may join all the children of one
 *   chance node (the types drawn by nature), each a decision node of the same player. That player is the
 *   uninformed one and moves right after nature; everything after it is perfect information. Beliefs at
 *   such an information set are the chance probabilities (Bayes' rule from the prior: the set is reached
 *   with the chance node's probability, so beliefs are consistent on and off the path), the uninformed
 *   player best-responds to type-contingent continuation play, and continuation play is sequentially
 *   rational in every subgame: a perfect Bayesian equilibrium of this class (Fudenberg & Tirole 1991,
 *   *Game Theory*, ch. 8). Signalling games (the informed player moves first) are outside the class.
 *
 * Games outside a solver's class are refused with an issue (`game.solver-class`), never an exception.
 */
import type { FieldPath, Issue } from '../shared/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import {
  assertNever,
  checkGame,
  EPSILON,
  infoSetsOf,
  type ChanceNode,
  type DecisionNode,
  type Game,
  type GameNode,
  type PureProfile,
} from './tree.js';

/** Which of several optimal actions to pick: the first or the last in the node's order. */
export type TieBreak = 'first' | 'last';

export interface SolveOptions {
  readonly tieBreak?: TieBreak;
}

/** A decision where more than one action was optimal (within `EPSILON`). */
export interface Tie {
  readonly infoSet: string;
  readonly player: string;
  /** Actions leading to the (first) node of the information set. */
  readonly history: readonly string[];
  readonly optimal: readonly string[];
  readonly chosen: string;
}

/** One step of a play: who chose what (player `chance` for nature). */
export interface Step {
  readonly player: string;
  readonly action: string;
  /** Set on chance steps. */
  readonly probability?: number;
}

/** A complete play from the root to a leaf, its probability under the equilibrium, and its payoffs. */
export interface Play {
  readonly steps: readonly Step[];
  readonly probability: number;
  readonly label: string;
  readonly payoffs: readonly number[];
}

export interface Equilibrium {
  readonly solver: 'perfect-information' | 'one-sided-bayesian';
  /** Information set id → chosen action index: a pure behaviour (= pure) strategy profile. */
  readonly profile: PureProfile;
  /** Information set id → chosen action label, in preorder (for reports). */
  readonly choices: readonly {
    readonly infoSet: string;
    readonly player: string;
    readonly history: readonly string[];
    readonly action: string;
  }[];
  /** Expected payoff per player at the root. */
  readonly payoffs: readonly number[];
  /** Plays with positive probability under the profile (chance branches expanded), in tree order. */
  readonly path: readonly Play[];
  readonly ties: readonly Tie[];
  /**
   * For each uninformed information set (one-sided class): the expected payoff of each action to the
   * uninformed player, against type-contingent continuation play. Empty for perfect information.
   */
  readonly uninformed: readonly {
    readonly infoSet: string;
    readonly player: string;
    /** Actions before nature drew the types. */
    readonly history: readonly string[];
    readonly beliefs: readonly { readonly type: string; readonly probability: number }[];
    readonly values: readonly { readonly action: string; readonly value: number }[];
  }[];
}

/** Subgame-perfect equilibrium of a perfect-information game (chance allowed). See the module comment. */
export function solvePerfectInformation(game: Game, options: SolveOptions = {}): Result<Equilibrium> {
  const checked = checkClass(game, 'perfect-information');
  if (!checked.ok) return checked;
  return ok(solve(game, 'perfect-information', new Set(), options.tieBreak ?? 'first'));
}

/** Perfect Bayesian equilibrium of a one-sided incomplete-information game. See the module comment. */
export function solveOneSidedBayesian(game: Game, options: SolveOptions = {}): Result<Equilibrium> {
  const checked = checkClass(game, 'one-sided-bayesian');
  if (!checked.ok) return checked;
  return ok(solve(game, 'one-sided-bayesian', checked.value, options.tieBreak ?? 'first'));
}

/**
 * Checks the game and the solver's class. For the one-sided class returns the chance nodes whose children
 * form an uninformed player's information set.
 */
function checkClass(game: Game, solver: Equilibrium['solver']): Result<Set<ChanceNode>> {
  const found = checkGame(game);
  if (found.length > 0) return fail(found);
  const typed = new Set<ChanceNode>();
  const out: Issue[] = [];
  const parentOf = new Map<GameNode, { node: GameNode; path: FieldPath }>();
  const pathOf = new Map<GameNode, FieldPath>();
  const walk = (node: GameNode, path: FieldPath): void => {
    pathOf.set(node, path);
    if (node.kind === 'decision')
      node.moves.forEach((m, i) => {
        parentOf.set(m.node, { node, path });
        walk(m.node, [...path, 'moves', i]);
      });
    else if (node.kind === 'chance')
      node.branches.forEach((b, i) => {
        parentOf.set(b.node, { node, path });
        walk(b.node, [...path, 'chance', i]);
      });
  };
  walk(game.root, ['root']);
  for (const set of infoSetsOf(game)) {
    if (set.members.length === 1) continue;
    const first = set.members[0];
    const path = first?.path ?? ['root'];
    if (solver === 'perfect-information') {
      out.push(
        issue(
          'game.solver-class',
          path,
          `backward induction needs perfect information, but information set "${set.id}" (${game.players[set.player]}) has ${set.members.length} nodes; use the one-sided Bayesian solver or support enumeration`,
        ),
      );
      continue;
    }
    const parent = first === undefined ? undefined : parentOf.get(first.node)?.node;
    const ok =
      parent !== undefined &&
      parent.kind === 'chance' &&
      parent.branches.length === set.members.length &&
      parent.branches.every((b) => set.members.some((m) => m.node === b.node));
    if (ok) typed.add(parent);
    else
      out.push(
        issue(
          'game.solver-class',
          path,
          `the one-sided Bayesian solver needs every non-singleton information set to be exactly the children of one chance node (the uninformed player moving right after nature); "${set.id}" is not`,
        ),
      );
  }
  return out.length > 0 ? fail(out) : ok(typed);
}

function solve(
  game: Game,
  solver: Equilibrium['solver'],
  typed: ReadonlySet<ChanceNode>,
  tieBreak: TieBreak,
): Equilibrium {
  const profile = new Map<string, number>();
  const ties: Tie[] = [];
  const uninformed: Equilibrium['uninformed'][number][] = [];
  const np = game.players.length;

  const pick = (values: readonly number[]): { best: number; optimal: number[] } => {
    const max = Math.max(...values);
    const optimal = values.flatMap((v, i) => (v >= max - EPSILON * Math.max(1, Math.abs(max)) ? [i] : []));
    const best = (tieBreak === 'first' ? optimal[0] : optimal[optimal.length - 1]) ?? 0;
    return { best, optimal };
  };
  const record = (node: DecisionNode, history: readonly string[], values: readonly number[]): number => {
    const { best, optimal } = pick(values);
    profile.set(node.infoSet, best);
    if (optimal.length > 1)
      ties.push({
        infoSet: node.infoSet,
        player: game.players[node.player] ?? '',
        history,
        optimal: optimal.map((i) => node.moves[i]?.action ?? ''),
        chosen: node.moves[best]?.action ?? '',
      });
    return best;
  };
  const average = (parts: readonly { p: number; v: readonly number[] }[]): number[] => {
    const sum: number[] = Array.from({ length: np }, () => 0);
    for (const { p, v } of parts) for (let i = 0; i < np; i++) sum[i] = (sum[i] ?? 0) + p * (v[i] ?? 0);
    return sum;
  };

  const value = (node: GameNode, history: readonly string[]): readonly number[] => {
    switch (node.kind) {
      case 'terminal':
        return node.payoffs;
      case 'decision': {
        const vs = node.moves.map((m) => value(m.node, [...history, m.action]));
        const best = record(
          node,
          history,
          vs.map((v) => v[node.player] ?? 0),
        );
        return vs[best] ?? [];
      }
      case 'chance': {
        if (!typed.has(node))
          return average(
            node.branches.map((b) => ({ p: b.probability, v: value(b.node, [...history, b.action]) })),
          );
        // Uninformed player: continuation values per type and action, then a best response to the prior.
        const types = node.branches.map((b) => b.node as DecisionNode);
        const head = types[0] as DecisionNode;
        const perAction = head.moves.map((m, j) =>
          average(
            node.branches.map((b, t) => {
              const child = types[t]?.moves[j]?.node ?? b.node;
              return { p: b.probability, v: value(child, [...history, b.action, m.action]) };
            }),
          ),
        );
        const own = perAction.map((v) => v[head.player] ?? 0);
        const best = record(head, history, own);
        uninformed.push({
          infoSet: head.infoSet,
          player: game.players[head.player] ?? '',
          history,
          beliefs: node.branches.map((b) => ({ type: b.action, probability: b.probability })),
          values: head.moves.map((m, j) => ({ action: m.action, value: own[j] ?? 0 })),
        });
        return perAction[best] ?? [];
      }
      default:
        return assertNever(node);
    }
  };
  const payoffs = [...value(game.root, [])];
  const choices = infoSetsOf(game).map((s) => ({
    infoSet: s.id,
    player: game.players[s.player] ?? '',
    history: s.members[0]?.history ?? [],
    action: s.actions[profile.get(s.id) ?? 0] ?? '',
  }));
  return { solver, profile, choices, payoffs, path: plays(game, profile), ties, uninformed };
}

/** Plays of positive probability when `profile` is followed, in tree order. */
export function plays(game: Game, profile: PureProfile): Play[] {
  const out: Play[] = [];
  const walk = (node: GameNode, steps: readonly Step[], probability: number): void => {
    switch (node.kind) {
      case 'terminal':
        out.push({ steps, probability, label: node.label, payoffs: node.payoffs });
        return;
      case 'chance':
        for (const b of node.branches)
          if (b.probability > 0)
            walk(
              b.node,
              [...steps, { player: 'chance', action: b.action, probability: b.probability }],
              probability * b.probability,
            );
        return;
      case 'decision': {
        const m = node.moves[profile.get(node.infoSet) ?? 0];
        if (m !== undefined)
          walk(
            m.node,
            [...steps, { player: game.players[node.player] ?? '', action: m.action }],
            probability,
          );
        return;
      }
      default:
        assertNever(node);
    }
  };
  walk(game.root, [], 1);
  return out;
}
