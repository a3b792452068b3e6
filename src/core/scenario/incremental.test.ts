import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltin, loadFixture } from '../../../test/helpers.js';
import { checkRules, nextRuleState, ruleState, type Pledge, type Scenario } from './index.js';

type Edit =
  | { kind: 'update'; at: number; patch: Partial<Pledge> }
  | { kind: 'create'; like: number; id: string; patch: Partial<Pledge> }
  | { kind: 'delete'; at: number }
  | { kind: 'nation'; at: number; ceiling: number | undefined; held: number }
  | { kind: 'none' };

/** Applies one edit the way the workspace does: a new object for what changed, the rest shared. */
function apply(s: Scenario, e: Edit): Scenario {
  const n = s.pledges.length;
  switch (e.kind) {
    case 'update': {
      if (n === 0) return s;
      const i = e.at % n;
      const pledges = [...s.pledges];
      pledges[i] = { ...(s.pledges[i] as Pledge), ...e.patch };
      return { ...s, pledges };
    }
    case 'create': {
      const base = s.pledges[e.like % Math.max(1, n)];
      if (base === undefined) return s;
      return { ...s, pledges: [...s.pledges, { ...base, ...e.patch, id: e.id }] };
    }
    case 'delete':
      return n === 0 ? s : { ...s, pledges: s.pledges.filter((_, i) => i !== e.at % n) };
    case 'nation': {
      const i = e.at % s.nations.length;
      const old = s.nations[i];
      if (old === undefined) return s;
      const nations = [...s.nations];
      const unit = Object.keys(old.inventory)[0];
      const { personnelCeiling: _drop, ...rest } = old;
      nations[i] = {
        ...rest,
        ...(e.ceiling === undefined ? {} : { personnelCeiling: e.ceiling }),
        inventory: unit === undefined ? old.inventory : { ...old.inventory, [unit]: e.held },
      };
      return { ...s, nations };
    }
    case 'none':
      return s;
  }
}

function editArb(s: Scenario): fc.Arbitrary<Edit> {
  const nations = [...s.nations.map((x) => x.id), 'ZZZ'];
  const units = [...s.catalog.map((u) => u.id), 'no-such-unit'];
  const missions = s.missions.map((m) => m.id);
  const T = s.horizon.periods;
  const patch: fc.Arbitrary<Partial<Pledge>> = fc.record(
    {
      nation: fc.constantFrom(...nations),
      unitType: fc.constantFrom(...units),
      units: fc.constantFrom(0.5, 1, 2, 2.5, 3, 6, 7, 40),
      fromPeriod: fc.integer({ min: 1, max: T + 1 }),
      toPeriod: fc.integer({ min: 1, max: T + 1 }),
      new: fc.boolean(),
      missions: fc.subarray(missions),
    },
    { requiredKeys: [] },
  );
  const ids = [...s.pledges.map((p) => p.id), 'fresh-1', 'fresh-2', 'fresh-3'];
  return fc.oneof(
    fc.record({ kind: fc.constant('update' as const), at: fc.nat(), patch }),
    fc.record({
      kind: fc.constant('create' as const),
      like: fc.nat(),
      id: fc.constantFrom(...ids),
      patch,
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('nation' as const),
      at: fc.nat(),
      ceiling: fc.option(fc.constantFrom(0, 300, 1500, 10_000), { nil: undefined }),
      held: fc.constantFrom(0, 1, 6, 100),
    }),
    fc.constant({ kind: 'none' as const }),
  );
}

describe('incremental rule checks', () => {
  for (const [name, base] of [
    ['minimal', loadFixture()],
    ['ukraine-2025', loadBuiltin('ukraine-2025')],
  ] as const) {
    it(`give exactly the issues of a full check after any sequence of edits (${name})`, () => {
      let partial = 0;
      fc.assert(
        fc.property(fc.array(editArb(base), { minLength: 1, maxLength: 8 }), (edits) => {
          let s = base;
          let state = ruleState(s);
          for (const e of edits) {
            s = apply(s, e);
            state = nextRuleState(state, s);
            expect(state.scenario).toBe(s);
            expect(state.issues).toEqual(checkRules(s));
            if (state.rechecked !== 'full') partial++;
          }
        }),
        { numRuns: name === 'minimal' ? 300 : 60 },
      );
      // The property is about the incremental path: most edits must have taken it.
      expect(partial).toBeGreaterThan(0);
    });
  }

  it('re-checks only the nation of an edited pledge, and both nations when a pledge moves', () => {
    const s = loadBuiltin('ukraine-2025');
    const state = ruleState(s);
    const i = s.pledges.findIndex((p) => p.id === 'gbr-fighters');
    const pledges = [...s.pledges];
    pledges[i] = { ...(s.pledges[i] as Pledge), units: 40 };
    const edited = nextRuleState(state, { ...s, pledges });
    expect(edited.rechecked).toEqual(['GBR']);
    expect(edited.issues.map((x) => x.code)).toContain('pledge.exceeds-inventory');
    const moved = [...s.pledges];
    moved[i] = { ...(s.pledges[i] as Pledge), nation: 'FRA' };
    expect(nextRuleState(state, { ...s, pledges: moved }).rechecked).toEqual(['FRA', 'GBR']);
    // A nation edit can change any pledge's verdict: everything is checked again.
    expect(nextRuleState(state, { ...s, nations: [...s.nations] }).rechecked).toBe('full');
  });
});
