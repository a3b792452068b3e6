/**
 * The game file format (YAML or JSON): players by name, a tree whose children carry the action (and, under a
 * chance node, the probability) that leads to them, payoffs by player name. Shape by zod, then meaning
 * (`checkGame`), with issue codes and field paths like the scenario's.
 *
 * ```yaml
 * title: Entry deterrence
 * players: [Entrant, Incumbent]
 * root:
 *   player: Entrant
 *   moves:
 *     - { action: Out, payoffs: { Entrant: 0, Incumbent: 2 } }
 *     - action: In
 *       player: Incumbent
 *       moves:
 *         - { action: Fight, payoffs: { Entrant: -1, Incumbent: -1 } }
 *         - { action: Accommodate, payoffs: { Entrant: 1, Incumbent: 1 } }
 * ```
 *
 * A node is exactly one of: a decision (`player` + `moves`, optional `infoSet`), a chance node (`chance`),
 * a leaf (`payoffs`). Decision nodes without `infoSet` are singletons (perfect information there).
 */
import { z } from 'zod';
import type { FieldPath, Issue } from '../shared/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import { zodIssues } from '../scenario/index.js';
import { checkGame, type Game, type GameNode } from './tree.js';

export interface GameFileNode {
  action?: string | undefined;
  probability?: number | undefined;
  label?: string | undefined;
  player?: string | undefined;
  infoSet?: string | undefined;
  moves?: GameFileNode[] | undefined;
  chance?: GameFileNode[] | undefined;
  payoffs?: Record<string, number> | undefined;
}

export const GameFileNode: z.ZodType<GameFileNode> = z.lazy(() =>
  z.strictObject({
    /** The action that leads here from the parent (required below the root). */
    action: z.string().min(1).optional(),
    /** Probability of this outcome, for children of a chance node. */
    probability: z.number().min(0).max(1).optional(),
    label: z.string().optional(),
    player: z.string().min(1).optional(),
    infoSet: z.string().min(1).optional(),
    moves: z.array(GameFileNode).min(1).optional(),
    chance: z.array(GameFileNode).min(1).optional(),
    payoffs: z.record(z.string(), z.number().finite()).optional(),
  }),
);

export const GameFile = z.strictObject({
  title: z.string().min(1),
  description: z.string().default(''),
  players: z.array(z.string().min(1)).min(1),
  root: GameFileNode,
});
export type GameFile = z.infer<typeof GameFile>;

/** Unknown data (parsed YAML or JSON) → a checked game, or every issue found. Never throws on bad input. */
export function loadGame(data: unknown): Result<Game> {
  const parsed = GameFile.safeParse(data);
  if (!parsed.success) return fail(zodIssues(parsed.error, data));
  const out: Issue[] = [];
  const file = parsed.data;
  const index = new Map(file.players.map((p, i) => [p, i]));
  let auto = 0;
  const build = (n: GameFileNode, path: FieldPath, parent: 'root' | 'moves' | 'chance'): GameNode => {
    if (parent !== 'root' && n.action === undefined)
      out.push(issue('game.missing-action', path, 'a child node needs the `action` that leads to it'));
    if (parent === 'chance' && n.probability === undefined)
      out.push(issue('game.missing-probability', path, 'an outcome of a chance node needs a `probability`'));
    if (parent !== 'chance' && n.probability !== undefined)
      out.push(
        issue('game.stray-probability', [...path, 'probability'], 'only chance outcomes have a probability'),
      );
    const kinds = [n.moves, n.chance, n.payoffs].filter((x) => x !== undefined).length;
    if (kinds !== 1) {
      out.push(
        issue(
          'game.node-kind',
          path,
          'a node has exactly one of `moves` (with `player`), `chance` or `payoffs`',
        ),
      );
      return { kind: 'terminal', label: '', payoffs: file.players.map(() => 0) };
    }
    const label = n.label ?? '';
    if (n.payoffs !== undefined) {
      if (n.player !== undefined || n.infoSet !== undefined)
        out.push(issue('game.node-kind', path, 'a leaf has no `player` or `infoSet`'));
      for (const name of Object.keys(n.payoffs))
        if (!index.has(name))
          out.push(
            issue('game.unknown-player', [...path, 'payoffs', name], `no player "${name}" in \`players\``),
          );
      const payoffs = file.players.map((p) => {
        const v = n.payoffs !== undefined && Object.hasOwn(n.payoffs, p) ? n.payoffs[p] : undefined;
        if (v === undefined)
          out.push(issue('game.missing-payoff', [...path, 'payoffs'], `no payoff for "${p}"`));
        return v ?? 0;
      });
      return { kind: 'terminal', label, payoffs };
    }
    if (n.chance !== undefined) {
      if (n.player !== undefined || n.infoSet !== undefined)
        out.push(issue('game.node-kind', path, 'a chance node has no `player` or `infoSet`'));
      return {
        kind: 'chance',
        label,
        branches: n.chance.map((c, i) => ({
          action: c.action ?? '',
          probability: c.probability ?? 0,
          node: build(c, [...path, 'chance', i], 'chance'),
        })),
      };
    }
    const moves = n.moves ?? [];
    const player = n.player === undefined ? undefined : index.get(n.player);
    if (n.player === undefined)
      out.push(issue('game.missing-player', path, 'a node with `moves` needs a `player`'));
    else if (player === undefined)
      out.push(issue('game.unknown-player', [...path, 'player'], `no player "${n.player}" in \`players\``));
    auto += 1;
    return {
      kind: 'decision',
      label,
      player: player ?? 0,
      infoSet: n.infoSet ?? `#${auto}`,
      moves: moves.map((m, i) => ({
        action: m.action ?? '',
        node: build(m, [...path, 'moves', i], 'moves'),
      })),
    };
  };
  const root = build(file.root, ['root'], 'root');
  const game: Game = { title: file.title, description: file.description, players: file.players, root };
  const found = checkGame(game);
  // With build errors the tree holds placeholders: keep only the checks placeholders cannot trigger.
  const independent = new Set([
    'game.probability-sum',
    'game.probability-range',
    'game.duplicate-action',
    'game.duplicate-player',
  ]);
  const all = out.length > 0 ? [...out, ...found.filter((i) => independent.has(i.code))] : found;
  return all.length > 0 ? fail(all) : ok(game);
}

/** A game as file data (the inverse of `loadGame` up to automatic information-set ids). */
export function gameToFile(game: Game): GameFile {
  const singletons = new Map<string, number>();
  const count = (node: GameNode): void => {
    if (node.kind === 'decision') {
      singletons.set(node.infoSet, (singletons.get(node.infoSet) ?? 0) + 1);
      node.moves.forEach((m) => count(m.node));
    } else if (node.kind === 'chance') node.branches.forEach((b) => count(b.node));
  };
  count(game.root);
  const toFile = (node: GameNode, head: Pick<GameFileNode, 'action' | 'probability'>): GameFileNode => {
    const label = node.label === '' ? {} : { label: node.label };
    switch (node.kind) {
      case 'terminal':
        return {
          ...head,
          ...label,
          payoffs: Object.fromEntries(game.players.map((p, i) => [p, node.payoffs[i] ?? 0])),
        };
      case 'chance':
        return {
          ...head,
          ...label,
          chance: node.branches.map((b) => toFile(b.node, { action: b.action, probability: b.probability })),
        };
      case 'decision':
        return {
          ...head,
          ...label,
          player: game.players[node.player] ?? String(node.player),
          ...((singletons.get(node.infoSet) ?? 0) > 1 ? { infoSet: node.infoSet } : {}),
          moves: node.moves.map((m) => toFile(m.node, { action: m.action })),
        };
    }
  };
  return {
    title: game.title,
    description: game.description,
    players: [...game.players],
    root: toFile(game.root, {}),
  };
}
