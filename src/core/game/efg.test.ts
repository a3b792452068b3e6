import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFixtureData, gameFixtureText } from '../../../test/fixtures/games/index.js';
import { formatNumber, parseEfg, toEfg } from './efg.js';
import { loadGame } from './game-file.js';
import { deriveParams, templateGame, templateKinds } from './templates.js';
import { chance, game, leaf, node, randomOneSided, randomPerfectInformation } from './test-helpers.js';
import { infoSetsOf, type Game } from './tree.js';
import { loadFixture } from '../../../test/helpers.js';

const fixture = (name: string): Game => {
  const r = loadGame(gameFixtureData(name));
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; '));
  return r.value;
};

describe('toEfg', () => {
  it('writes the entry game exactly as the golden file', () => {
    expect(toEfg(fixture('entry-deterrence.yaml'))).toBe(gameFixtureText('entry-deterrence.efg'));
  });

  it('numbers information sets per player and chance nodes separately, and quotes labels', () => {
    const text = toEfg(
      game(
        ['A "the first"', 'B'],
        chance([
          ['x', 0.25, node(1, 'b', { l: leaf(1, 2), r: leaf(3, 4) })],
          ['y', 0.75, node(1, 'b', { l: leaf(0, 0), r: node(0, 'a', { u: leaf(1e-7, 2.5) }) })],
        ]),
      ),
    );
    expect(text.split('\n')).toEqual([
      'EFG 2 R "test" { "A \\"the first\\"" "B" }',
      '""',
      '',
      'c "" 1 "" { "x" 0.25 "y" 0.75 } 0',
      'p "" 2 1 "b" { "l" "r" } 0',
      't "" 1 "" { 1, 2 }',
      't "" 2 "" { 3, 4 }',
      'p "" 2 1 "b" { "l" "r" } 0',
      't "" 3 "" { 0, 0 }',
      'p "" 1 1 "a" { "u" } 0',
      't "" 4 "" { 0.0000001, 2.5 }',
      '',
    ]);
  });

  it('exports every template built from the minimal scenario', () => {
    const p = deriveParams(loadFixture()).params;
    for (const kind of templateKinds) {
      const parsed = parseEfg(toEfg(templateGame(kind, p)));
      expect(parsed.ok, kind).toBe(true);
    }
  });
});

describe('parseEfg', () => {
  it('reads a Gambit example with rational probabilities and reused outcomes', () => {
    const r = parseEfg(gameFixtureText('bagwell.efg'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.players).toEqual(['Player 1', 'Player 2']);
    const sets = infoSetsOf(r.value);
    expect(sets.map((s) => [s.id, s.player, s.members.length])).toEqual([
      ['1:1', 0, 1],
      ['2:1', 1, 2],
      ['2:2', 1, 2],
    ]);
    const root = r.value.root;
    const c = root.kind === 'decision' ? root.moves[1]?.node : undefined;
    expect(c?.kind === 'chance' && c.branches.map((b) => b.probability)).toEqual([0.01, 0.99]);
  });

  it('adds outcomes on inner nodes into the leaves below', () => {
    const r = parseEfg(
      'EFG 2 R "x" { "A" } "" p "" 1 1 "" { "l" "r" } 1 "bonus" { 10 } t "" 2 "" { 1 } t "" 3 "" { 2 }',
    );
    expect(r.ok && r.value.root.kind === 'decision' && r.value.root.moves.map((m) => m.node)).toEqual([
      { kind: 'terminal', label: '', payoffs: [11] },
      { kind: 'terminal', label: '', payoffs: [12] },
    ]);
  });

  it('reports syntax errors as issues', () => {
    expect(parseEfg('NFG 1 R "x"')).toMatchObject({ ok: false, error: [{ code: 'efg.syntax' }] });
    expect(parseEfg('EFG 2 R "x" { "A" } "" p "" 1 1 "" { "l" } 0 t "" 5 "" { 1 } t')).toMatchObject({
      ok: false,
      error: [{ code: 'efg.syntax' }],
    });
    expect(parseEfg('EFG 2 R "x" { "A" } "" t "" 1 "" { 1 2 }')).toMatchObject({ ok: false });
  });

  it('property: parseEfg inverts toEfg on random games (structure, payoffs, information sets)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 50 }),
        fc.boolean(),
        (xs, oneSided) => {
          const g = oneSided ? randomOneSided(xs, 2) : randomPerfectInformation(xs, 3);
          const r = parseEfg(toEfg(g));
          if (!r.ok) return false;
          expect(r.value).toEqual(g);
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('formats numbers without exponents', () => {
    expect([1e-7, 1e21, -2.5, 3].map(formatNumber)).toEqual([
      '0.0000001',
      '1000000000000000000000',
      '-2.5',
      '3',
    ]);
  });
});
