import { describe, expect, it } from 'vitest';
import { gameFixtureData } from '../../../test/fixtures/games/index.js';
import { gameToFile, loadGame } from './game-file.js';
import { chance, game, leaf, node } from './test-helpers.js';
import { checkGame, infoSetsOf } from './tree.js';

const fixture = (name: string): unknown => gameFixtureData(name);

describe('loadGame', () => {
  it('loads the textbook fixtures', () => {
    for (const f of ['entry-deterrence.yaml', 'matching-pennies.yaml', 'bayesian-entry.yaml']) {
      const r = loadGame(fixture(f));
      expect(r.ok, f).toBe(true);
    }
  });

  it('keeps actions, payoffs by player and named information sets', () => {
    const r = loadGame(fixture('matching-pennies.yaml'));
    if (!r.ok) throw new Error('expected a game');
    const sets = infoSetsOf(r.value);
    expect(sets.map((s) => [s.id, s.player, s.members.length])).toEqual([
      ['#1', 0, 1],
      ['odd', 1, 2],
    ]);
    const root = r.value.root;
    expect(
      root.kind === 'decision' &&
        root.moves[1]?.node.kind === 'decision' &&
        root.moves[1].node.moves[0]?.node,
    ).toEqual({ kind: 'terminal', label: '', payoffs: [-1, 1] });
  });

  it('a player named like an Object.prototype member still needs a payoff (issue 16, Medium 6)', () => {
    for (const name of ['constructor', 'toString', 'valueOf']) {
      const r = loadGame({
        title: 't',
        players: ['A', name],
        root: { player: 'A', moves: [{ action: 'x', payoffs: { A: 1 } }] },
      });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.map((i) => i.code)).toEqual(['game.missing-payoff']);
    }
  });

  it('reports every problem with a code and a path', () => {
    const r = loadGame(fixture('invalid.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['game.unknown-player', 'root.chance.0.player'],
      ['game.missing-payoff', 'root.chance.1.payoffs'],
      ['game.probability-sum', 'root.chance'],
    ]);
  });

  it('reports schema problems with zod codes and paths', () => {
    const r = loadGame({ title: 'x', players: ['A'], root: { payoffs: { A: 'one' }, colour: 'red' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.code, i.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['schema.unrecognized-keys', 'root.colour'],
        ['schema.invalid-type', 'root.payoffs.A'],
      ]),
    );
  });

  it('rejects nodes that are not exactly one kind, and children without an action', () => {
    const r = loadGame({
      title: 'x',
      players: ['A'],
      root: { player: 'A', moves: [{ payoffs: { A: 1 }, moves: [{ action: 'y', payoffs: { A: 0 } }] }] },
    });
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.missing-action', 'game.node-kind']);
  });

  it('round-trips through the file form', () => {
    const r = loadGame(fixture('bayesian-entry.yaml'));
    if (!r.ok) throw new Error('expected a game');
    const again = loadGame(gameToFile(r.value));
    expect(again.ok && gameToFile(again.value)).toEqual(gameToFile(r.value));
  });
});

describe('checkGame', () => {
  it('accepts a consistent game', () => {
    expect(
      checkGame(game(['A', 'B'], node(0, 'a', { l: leaf(1, 2), r: node(1, 'b', { x: leaf(0, 0) }) }))),
    ).toEqual([]);
  });

  it('finds inconsistent information sets', () => {
    const g = game(
      ['A', 'B'],
      node(0, 'a', {
        l: node(1, 'b', { x: leaf(0, 0), y: leaf(0, 0) }),
        r: node(1, 'b', { y: leaf(0, 0), x: leaf(0, 0) }),
      }),
    );
    expect(checkGame(g).map((i) => i.code)).toEqual(['game.infoset-actions']);
    const mixed = game(
      ['A', 'B'],
      node(0, 'a', { l: node(1, 'b', { x: leaf(0, 0) }), r: node(0, 'b', { x: leaf(0, 0) }) }),
    );
    expect(checkGame(mixed).map((i) => i.code)).toEqual(['game.infoset-player']);
  });

  it('finds imperfect recall: forgetting one’s own move', () => {
    // A moves, then (after B) A again at one information set joining nodes reached by different A moves.
    const g = game(
      ['A', 'B'],
      node(0, 'a1', {
        l: node(1, 'b1', { x: node(0, 'a2', { u: leaf(1, 0), d: leaf(0, 1) }) }),
        r: node(1, 'b2', { x: node(0, 'a2', { u: leaf(0, 1), d: leaf(1, 0) }) }),
      }),
    );
    expect(checkGame(g).map((i) => i.code)).toEqual(['game.imperfect-recall']);
  });

  it('finds bad payoffs and probabilities', () => {
    const g = game(
      ['A', 'B'],
      chance([
        ['h', 0.7, leaf(1)],
        ['t', 0.7, leaf(1, 2)],
      ]),
    );
    expect(checkGame(g).map((i) => i.code)).toEqual(['game.probability-sum', 'game.payoff-count']);
  });
});
