import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { semanticDiff } from './json-diff.js';

describe('semanticDiff', () => {
  it('sees no change when only key order differs (the audit showed whole blocks as changed)', () => {
    const a = { id: 'p', units: 2, periods: { from: 1, to: 4 }, missions: ['a', 'b'] };
    const b = { periods: { to: 4, from: 1 }, missions: ['a', 'b'], units: 2, id: 'p' };
    expect(semanticDiff(a, b)).toEqual([]);
  });

  it('names each changed field with its path, before and after', () => {
    const a = { id: 'p', units: 2, note: 'x', periods: { from: 1, to: 4 } };
    const b = { id: 'p', units: 3, periods: { from: 1, to: 6 }, source: 'letter' };
    expect(semanticDiff(a, b)).toEqual([
      { path: ['note'], kind: 'removed', before: 'x', after: null },
      { path: ['periods', 'to'], kind: 'changed', before: 4, after: 6 },
      { path: ['source'], kind: 'added', before: null, after: 'letter' },
      { path: ['units'], kind: 'changed', before: 2, after: 3 },
    ]);
  });

  it('compares id’d lists by id: a reorder is no change, an insert is one change', () => {
    const a = {
      pledges: [
        { id: 'a', u: 1 },
        { id: 'b', u: 2 },
      ],
    };
    const b = {
      pledges: [
        { id: 'c', u: 9 },
        { id: 'b', u: 2 },
        { id: 'a', u: 5 },
      ],
    };
    expect(semanticDiff(a, b)).toEqual([
      { path: ['pledges', 'a', 'u'], kind: 'changed', before: 1, after: 5 },
      { path: ['pledges', 'c'], kind: 'added', before: null, after: { id: 'c', u: 9 } },
    ]);
  });

  it('compares other lists whole', () => {
    expect(semanticDiff({ m: ['a', 'b'] }, { m: ['b', 'a'] })).toEqual([
      { path: ['m'], kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('property: a value has no diff with a key-shuffled copy, and x and y differ with no diff only through null (absent)', () => {
    const shuffle = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shuffle);
      if (v !== null && typeof v === 'object')
        return Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, shuffle(x)]),
        );
      return v;
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
        expect(semanticDiff(x, shuffle(x))).toEqual([]);
        if (canonicalJson(x) !== canonicalJson(y) && semanticDiff(x, y).length === 0)
          // Only null/absent equivalences may hide a difference.
          expect(JSON.stringify(x).includes('null') || JSON.stringify(y).includes('null')).toBe(true);
      }),
    );
  });
});
