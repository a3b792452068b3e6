/**
 * Builders shared by the game tests: small games by hand and random trees from a list of integers (so
 * fast-check can generate and shrink them). Not exported from the folder's index.
 */
import type { Game, GameNode } from './tree.js';

export const leaf = (...payoffs: number[]): GameNode => ({ kind: 'terminal', label: '', payoffs });

export const node = (player: number, infoSet: string, moves: Record<string, GameNode>): GameNode => ({
  kind: 'decision',
  label: '',
  player,
  infoSet,
  moves: Object.entries(moves).map(([action, n]) => ({ action, node: n })),
});

export const chance = (branches: [string, number, GameNode][]): GameNode => ({
  kind: 'chance',
  label: '',
  branches: branches.map(([action, probability, n]) => ({ action, probability, node: n })),
});

export const game = (players: string[], root: GameNode, title = 'test'): Game => ({
  title,
  description: '',
  players,
  root,
});

/** Reads integers in turn, cycling (the stream is never exhausted). */
class Draw {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  int(n: number): number {
    const x = this.xs.length === 0 ? 0 : (this.xs[this.i++ % this.xs.length] ?? 0);
    return Math.abs(x) % n;
  }
}

/**
 * A random perfect-information tree: depth ≤ `depth`, 2–3 actions per node, chance nodes sometimes,
 * integer payoffs in [-5, 5] (ties happen, on purpose).
 */
export function randomPerfectInformation(xs: readonly number[], players: number, depth = 3): Game {
  const d = new Draw(xs);
  let id = 0;
  const build = (level: number): GameNode => {
    if (level >= depth || (level > 0 && d.int(4) === 0))
      return leaf(...Array.from({ length: players }, () => d.int(11) - 5));
    const k = 2 + d.int(2);
    if (d.int(5) === 0) {
      const w = Array.from({ length: k }, () => 1 + d.int(4));
      const sum = w.reduce((a, b) => a + b, 0);
      return chance(w.map((x, i) => [`c${i}`, x / sum, build(level + 1)]));
    }
    const moves: Record<string, GameNode> = {};
    const player = d.int(players);
    const name = `n${id++}`;
    for (let i = 0; i < k; i++) moves[`a${i}`] = build(level + 1);
    return node(player, name, moves);
  };
  return game(
    Array.from({ length: players }, (_, i) => `P${i}`),
    build(0),
  );
}

/**
 * A random one-sided incomplete-information game: nature draws one of 2–3 types, player 0 (uninformed)
 * picks one of 2 actions at one information set, then a random perfect-information continuation per type.
 */
export function randomOneSided(xs: readonly number[], players: number, subDepth = 2): Game {
  const d = new Draw(xs);
  const types = 2 + d.int(2);
  const w = Array.from({ length: types }, () => 1 + d.int(5));
  const sum = w.reduce((a, b) => a + b, 0);
  const sub = (): GameNode =>
    randomPerfectInformation([d.int(1000), d.int(1000), ...xs.slice(d.int(7))], players, subDepth).root;
  let k = 0;
  const rename = (n: GameNode, prefix: string): GameNode =>
    n.kind === 'decision'
      ? {
          ...n,
          infoSet: `${prefix}${k++}`,
          moves: n.moves.map((m) => ({ ...m, node: rename(m.node, prefix) })),
        }
      : n.kind === 'chance'
        ? { ...n, branches: n.branches.map((b) => ({ ...b, node: rename(b.node, prefix) })) }
        : n;
  return game(
    Array.from({ length: players }, (_, i) => `P${i}`),
    chance(
      w.map((x, t) => [
        `t${t}`,
        x / sum,
        node(0, 'uninformed', { L: rename(sub(), `t${t}L`), R: rename(sub(), `t${t}R`) }),
      ]),
    ),
  );
}
