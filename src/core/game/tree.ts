/**
 * Finite extensive-form games as data (DESIGN.md §7): a tree of decision, chance and terminal nodes,
 * players by index, information sets by id, payoffs per player at the leaves. Everything here is pure.
 *
 * Conventions: `players[i]` is player i; a decision node's `infoSet` groups the nodes its player cannot tell
 * apart (every node of an information set has the same player and the same actions, in the same order);
 * chance probabilities at a node sum to 1. `checkGame` verifies these and perfect recall.
 */
import type { FieldPath, Issue } from '../shared/index.js';
import { issue } from '../shared/index.js';

export interface TerminalNode {
  readonly kind: 'terminal';
  readonly label: string;
  /** One payoff per player, in `Game.players` order. */
  readonly payoffs: readonly number[];
}

export interface Branch {
  readonly action: string;
  /** In [0, 1]; the branches of a chance node sum to 1. */
  readonly probability: number;
  readonly node: GameNode;
}

export interface ChanceNode {
  readonly kind: 'chance';
  readonly label: string;
  readonly branches: readonly Branch[];
}

export interface Move {
  readonly action: string;
  readonly node: GameNode;
}

export interface DecisionNode {
  readonly kind: 'decision';
  readonly label: string;
  /** Index into `Game.players`. */
  readonly player: number;
  /** Information set id, unique across the game (not per player). */
  readonly infoSet: string;
  readonly moves: readonly Move[];
}

export type GameNode = TerminalNode | ChanceNode | DecisionNode;

export interface Game {
  readonly title: string;
  readonly description: string;
  readonly players: readonly string[];
  readonly root: GameNode;
}

/** A node with the actions that lead to it from the root (chance outcomes included) and its field path. */
export interface Located<N extends GameNode = GameNode> {
  readonly node: N;
  readonly history: readonly string[];
  readonly path: FieldPath;
}

/** Every node in depth-first preorder (the order Gambit writes them), with its history and field path. */
export function nodesOf(game: Game): Located[] {
  const out: Located[] = [];
  const visit = (node: GameNode, history: readonly string[], path: FieldPath): void => {
    out.push({ node, history, path });
    if (node.kind === 'decision')
      node.moves.forEach((m, i) => visit(m.node, [...history, m.action], [...path, 'moves', i]));
    else if (node.kind === 'chance')
      node.branches.forEach((b, i) => visit(b.node, [...history, b.action], [...path, 'chance', i]));
  };
  visit(game.root, [], ['root']);
  return out;
}

export const decisionNodesOf = (game: Game): Located<DecisionNode>[] =>
  nodesOf(game).filter((x): x is Located<DecisionNode> => x.node.kind === 'decision');

/** An information set: its id, player, action labels and member nodes in preorder. */
export interface InfoSet {
  readonly id: string;
  readonly player: number;
  readonly actions: readonly string[];
  readonly members: readonly Located<DecisionNode>[];
}

/** Information sets in order of first appearance (preorder). Assumes a checked game. */
export function infoSetsOf(game: Game): InfoSet[] {
  const byId = new Map<
    string,
    { id: string; player: number; actions: string[]; members: Located<DecisionNode>[] }
  >();
  for (const x of decisionNodesOf(game)) {
    const found = byId.get(x.node.infoSet);
    if (found === undefined)
      byId.set(x.node.infoSet, {
        id: x.node.infoSet,
        player: x.node.player,
        actions: x.node.moves.map((m) => m.action),
        members: [x],
      });
    else found.members.push(x);
  }
  return [...byId.values()];
}

/** Information set id → index of the chosen action. A pure strategy profile (or part of one). */
export type PureProfile = ReadonlyMap<string, number>;

/**
 * Expected payoffs (one per player) when every decision node plays the action its information set is mapped
 * to in `profile`. Chance nodes are averaged. Throws on an information set missing from the profile (a bug).
 */
export function expectedPayoffs(game: Game, profile: PureProfile): number[] {
  const value = (node: GameNode): number[] => {
    switch (node.kind) {
      case 'terminal':
        return [...node.payoffs];
      case 'chance': {
        const sum = game.players.map(() => 0);
        for (const b of node.branches) {
          const v = value(b.node);
          for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + b.probability * (v[i] ?? 0);
        }
        return sum;
      }
      case 'decision': {
        const choice = profile.get(node.infoSet);
        const move = choice === undefined ? undefined : node.moves[choice];
        if (move === undefined)
          throw new Error(`profile has no valid action for information set ${node.infoSet}`);
        return value(move.node);
      }
      default:
        return assertNever(node);
    }
  };
  return value(game.root);
}

/** Tolerance for comparing payoffs and probabilities (payoffs are expected values of floats). */
export const EPSILON = 1e-9;

/** Sum of chance probabilities at one node must be within this of 1. */
export const PROBABILITY_TOLERANCE = 1e-6;

/**
 * Structural checks on a game built in code or loaded from a file: player indices and payoff counts,
 * chance probabilities, distinct actions at a node, consistent information sets (one player, same actions),
 * no information set containing two nodes on one path, and perfect recall (Kuhn 1953: the nodes of an
 * information set share their player's own history of information sets and actions). Returns every issue.
 */
export function checkGame(game: Game): Issue[] {
  const out: Issue[] = [];
  const n = game.players.length;
  if (n < 1) out.push(issue('game.no-players', ['players'], 'a game needs at least one player'));
  if (new Set(game.players).size !== n)
    out.push(issue('game.duplicate-player', ['players'], 'player names must be distinct'));

  const first = new Map<string, { player: number; actions: string; path: FieldPath }>();
  /** Own history (information set and action) of the deciding player at each decision node. */
  const recall = new Map<string, string>();
  const visit = (
    node: GameNode,
    path: FieldPath,
    own: readonly string[][],
    open: ReadonlySet<string>,
  ): void => {
    switch (node.kind) {
      case 'terminal':
        if (node.payoffs.length !== n)
          out.push(
            issue(
              'game.payoff-count',
              [...path, 'payoffs'],
              `expected ${n} payoffs, found ${node.payoffs.length}`,
            ),
          );
        if (node.payoffs.some((x) => !Number.isFinite(x)))
          out.push(issue('game.payoff-not-finite', [...path, 'payoffs'], 'payoffs must be finite numbers'));
        return;
      case 'chance': {
        if (node.branches.length === 0)
          out.push(issue('game.no-actions', path, 'a chance node needs at least one outcome'));
        checkDistinct(
          node.branches.map((b) => b.action),
          path,
          out,
        );
        let sum = 0;
        node.branches.forEach((b, i) => {
          if (!(b.probability >= 0 && b.probability <= 1))
            out.push(
              issue(
                'game.probability-range',
                [...path, 'chance', i, 'probability'],
                'a probability lies in [0, 1]',
              ),
            );
          sum += b.probability;
        });
        if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE)
          out.push(
            issue('game.probability-sum', [...path, 'chance'], `chance probabilities sum to ${sum}, not 1`),
          );
        node.branches.forEach((b, i) => visit(b.node, [...path, 'chance', i], own, open));
        return;
      }
      case 'decision': {
        if (!Number.isInteger(node.player) || node.player < 0 || node.player >= n)
          out.push(issue('game.unknown-player', [...path, 'player'], `no player ${node.player}`));
        if (node.moves.length === 0) out.push(issue('game.no-actions', path, 'a decision node needs a move'));
        checkDistinct(
          node.moves.map((m) => m.action),
          path,
          out,
        );
        const actions = node.moves.map((m) => m.action).join('\u0000');
        const seen = first.get(node.infoSet);
        if (seen === undefined) first.set(node.infoSet, { player: node.player, actions, path });
        else if (seen.player !== node.player)
          out.push(
            issue(
              'game.infoset-player',
              [...path, 'infoSet'],
              `information set "${node.infoSet}" mixes players ${game.players[seen.player] ?? seen.player} and ${game.players[node.player] ?? node.player}`,
            ),
          );
        else if (seen.actions !== actions)
          out.push(
            issue(
              'game.infoset-actions',
              [...path, 'moves'],
              `nodes of information set "${node.infoSet}" must offer the same actions in the same order`,
            ),
          );
        if (open.has(node.infoSet))
          out.push(
            issue(
              'game.infoset-on-path',
              [...path, 'infoSet'],
              `information set "${node.infoSet}" contains a node and one of its descendants`,
            ),
          );
        const mine = own[node.player] ?? [];
        const key = mine.join('\u0001');
        const before = recall.get(node.infoSet);
        if (before === undefined) recall.set(node.infoSet, key);
        else if (before !== key && seen?.player === node.player)
          out.push(
            issue(
              'game.imperfect-recall',
              [...path, 'infoSet'],
              `information set "${node.infoSet}" joins nodes its player reached by different own moves (perfect recall fails)`,
            ),
          );
        const nextOpen = new Set(open).add(node.infoSet);
        node.moves.forEach((m, i) => {
          const nextOwn = own.map((h, p) =>
            p === node.player ? [...h, `${node.infoSet}\u0000${m.action}`] : h,
          );
          visit(m.node, [...path, 'moves', i], nextOwn, nextOpen);
        });
        return;
      }
      default:
        assertNever(node);
    }
  };
  visit(
    game.root,
    ['root'],
    game.players.map(() => []),
    new Set(),
  );
  return out;
}

function checkDistinct(actions: readonly string[], path: FieldPath, out: Issue[]): void {
  const seen = new Set<string>();
  for (const a of actions) {
    if (seen.has(a))
      out.push(issue('game.duplicate-action', path, `action "${a}" appears twice at this node`));
    seen.add(a);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}
