import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFixtureData } from '../../../test/fixtures/games/index.js';
import { solveOneSidedBayesian, solvePerfectInformation } from './backward-induction.js';
import { loadGame } from './game-file.js';
import { profitableDeviation } from './normal-form.js';
import { chance, game, leaf, node, randomOneSided, randomPerfectInformation } from './test-helpers.js';
import type { Game } from './tree.js';

const fixture = (name: string): Game => {
  const r = loadGame(gameFixtureData(name));
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; '));
  return r.value;
};

/** Selten (1978), "The chain store paradox": the stage game. Out (1, 5); In then Fight (0, 0) or Share (2, 2). */
const chainStore = game(
  ['Entrant', 'ChainStore'],
  node(0, 'k', { Out: leaf(1, 5), In: node(1, 'm', { Fight: leaf(0, 0), Share: leaf(2, 2) }) }),
);

describe('solvePerfectInformation', () => {
  it("solves Selten's chain-store stage game: the entrant enters, the monopolist shares", () => {
    const r = solvePerfectInformation(chainStore);
    if (!r.ok) throw new Error('expected an equilibrium');
    expect(r.value.choices.map((c) => [c.player, c.action])).toEqual([
      ['Entrant', 'In'],
      ['ChainStore', 'Share'],
    ]);
    expect(r.value.payoffs).toEqual([2, 2]);
    expect(r.value.ties).toEqual([]);
  });

  it('discards the non-credible threat in entry deterrence', () => {
    const r = solvePerfectInformation(fixture('entry-deterrence.yaml'));
    if (!r.ok) throw new Error('expected an equilibrium');
    expect(r.value.path).toEqual([
      {
        steps: [
          { player: 'Entrant', action: 'In' },
          { player: 'Incumbent', action: 'Accommodate' },
        ],
        probability: 1,
        label: '',
        payoffs: [1, 1],
      },
    ]);
    // (Out, Fight) is a Nash equilibrium of the normal form but not subgame perfect.
    expect(
      profitableDeviation(
        fixture('entry-deterrence.yaml'),
        new Map([
          ['#1', 0],
          ['#2', 0],
        ]),
      ),
    ).toBeUndefined();
  });

  it('averages over chance and reports ties with the rule used', () => {
    const g = game(
      ['A', 'B'],
      node(0, 'a', {
        Safe: leaf(1, 0),
        Gamble: chance([
          ['Good', 0.5, node(1, 'b', { x: leaf(3, 1), y: leaf(0, 1) })],
          ['Bad', 0.5, leaf(0, 0)],
        ]),
      }),
    );
    const first = solvePerfectInformation(g);
    const last = solvePerfectInformation(g, { tieBreak: 'last' });
    if (!first.ok || !last.ok) throw new Error('expected equilibria');
    expect(first.value.ties).toEqual([
      { infoSet: 'b', player: 'B', history: ['Gamble', 'Good'], optimal: ['x', 'y'], chosen: 'x' },
    ]);
    expect(first.value.payoffs).toEqual([1.5, 0.5]);
    expect(first.value.path.map((p) => p.probability)).toEqual([0.5, 0.5]);
    expect(last.value.choices.map((c) => c.action)).toEqual(['Safe', 'y']);
    expect(last.value.payoffs).toEqual([1, 0]);
  });

  it('refuses a game with imperfect information, with an issue not an exception', () => {
    const r = solvePerfectInformation(fixture('matching-pennies.yaml'));
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.solver-class']);
  });

  it('refuses an ill-formed game with its check issues', () => {
    const r = solvePerfectInformation(game(['A'], node(0, 'a', { x: leaf(1, 2) })));
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.payoff-count']);
  });

  it('property: the SPE is a Nash equilibrium of the normal form (random trees, 2–3 players)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 3 }),
        fc.constantFrom<'first' | 'last'>('first', 'last'),
        (xs, n, tieBreak) => {
          const g = randomPerfectInformation(xs, n);
          const r = solvePerfectInformation(g, { tieBreak });
          if (!r.ok) return false;
          return profitableDeviation(g, r.value.profile) === undefined;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('solveOneSidedBayesian', () => {
  it('solves the Bayesian entry game: enter below p* = 2/3, stay out above', () => {
    const g = fixture('bayesian-entry.yaml');
    const r = solveOneSidedBayesian(g);
    if (!r.ok) throw new Error('expected an equilibrium');
    expect(r.value.choices.find((c) => c.infoSet === 'entrant')?.action).toBe('Enter');
    expect(r.value.uninformed[0]?.values.map((v) => v.value)).toEqual([0, expect.closeTo(0.8, 12)]);
    const at = (p: number): string | undefined => {
      const root = g.root;
      if (root.kind !== 'chance') throw new Error('chance root');
      const moved: Game = {
        ...g,
        root: {
          ...root,
          branches: root.branches.map((b, i) => ({ ...b, probability: i === 0 ? p : 1 - p })),
        },
      };
      const s = solveOneSidedBayesian(moved);
      return s.ok ? s.value.choices.find((c) => c.infoSet === 'entrant')?.action : undefined;
    };
    expect(at(2 / 3 - 1e-6)).toBe('Enter');
    expect(at(2 / 3 + 1e-6)).toBe('Out');
  });

  it('also solves perfect-information games, identically', () => {
    const a = solveOneSidedBayesian(chainStore);
    const b = solvePerfectInformation(chainStore);
    expect(a.ok && b.ok && a.value.choices).toEqual(b.ok && b.value.choices);
  });

  it('refuses information sets that are not the children of one chance node', () => {
    const r = solveOneSidedBayesian(fixture('matching-pennies.yaml'));
    expect(!r.ok && r.error.map((i) => i.code)).toEqual(['game.solver-class']);
  });

  it('property: the equilibrium is a Nash equilibrium (random one-sided games)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 3 }),
        (xs, n) => {
          const g = randomOneSided(xs, n);
          const r = solveOneSidedBayesian(g);
          if (!r.ok) return false;
          return profitableDeviation(g, r.value.profile) === undefined;
        },
      ),
      { numRuns: 300 },
    );
  });
});
