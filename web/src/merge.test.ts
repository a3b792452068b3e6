import { describe, expect, it } from 'vitest';
import { combine, conflicts, leaves } from './merge.js';

const base = {
  id: 'gbr-fighters',
  units: 2,
  status: 'announced',
  missions: ['skies'],
  source: { '*': 'a', units: 'b' },
};

describe('three-way merge of a pledge', () => {
  it('lists each field where mine and theirs differ, with who changed it', () => {
    const mine = { ...base, units: 3, status: 'offered' };
    const theirs = { ...base, units: 4, note: 'HQ in Kyiv', missions: ['skies', 'seas'] };
    const byPath = Object.fromEntries(conflicts(base, mine, theirs).map((c) => [c.path.join('.'), c]));
    expect(Object.keys(byPath).sort()).toEqual(['missions', 'note', 'status', 'units']);
    expect(byPath['units']).toMatchObject({ mine: '3', theirs: '4', base: '2', changedBy: 'both' });
    expect(byPath['status']?.changedBy).toBe('mine');
    expect(byPath['note']).toMatchObject({ mine: undefined, theirs: '"HQ in Kyiv"', changedBy: 'theirs' });
    expect(byPath['missions']?.changedBy).toBe('theirs');
  });

  it('ignores key order and unchanged nested fields', () => {
    const reordered = {
      source: { units: 'b', '*': 'a' },
      missions: ['skies'],
      status: 'announced',
      units: 2,
      id: 'gbr-fighters',
    };
    expect(conflicts(base, reordered, base)).toEqual([]);
    expect(leaves(base).get(JSON.stringify(['source', 'units']))).toBe('b');
  });

  it('combines: theirs everywhere, mine where chosen, a field absent in mine removed', () => {
    const mine = { ...base, units: 3, status: 'offered' } as Record<string, unknown>;
    delete mine['missions'];
    const theirs = { ...base, units: 4, note: 'HQ in Kyiv' };
    const merged = combine(mine, theirs, [['units'], ['missions']]);
    expect(merged).toEqual({ ...base, units: 3, note: 'HQ in Kyiv', missions: undefined });
    expect('missions' in merged).toBe(false);
    // Nothing is lost: every value typed or saved is in one of the sides offered.
    expect(combine(mine, theirs, [])).toEqual(theirs);
  });

  it('merges lists of objects element by element, closing holes', () => {
    const rows = [
      { capability: 'capOrbit', amount: 4 },
      { capability: 'adBattery', amount: 8 },
    ];
    const mine = [{ capability: 'capOrbit', amount: 5 }];
    const theirs = [rows[0], { capability: 'adBattery', amount: 9 }];
    const diff = conflicts(rows, mine, theirs);
    expect(diff.map((d) => d.path)).toEqual([
      [0, 'amount'],
      [1, 'capability'],
      [1, 'amount'],
    ]);
    expect(combine(mine, theirs, [[0, 'amount']])).toEqual([
      { capability: 'capOrbit', amount: 5 },
      theirs[1],
    ]);
    expect(
      combine(
        mine,
        theirs,
        diff.map((d) => d.path),
      ),
    ).toEqual([{ capability: 'capOrbit', amount: 5 }]);
  });
});
