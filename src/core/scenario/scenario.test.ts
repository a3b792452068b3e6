import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import {
  activePledges,
  applyVariants,
  caveatForbids,
  coverageByMission,
  rotationRatio,
  summarizeScenario,
  validate,
  forbiddingCaveats,
  type InPlace,
  type Scenario,
} from './index.js';
import { conditionHolds, periodStart, caveatApplies } from './model.js';
import { mergePatch } from './merge-patch.js';
import { RESERVED_IDS } from '../shared/index.js';

describe('rotation ratio', () => {
  it('is 3 for six-month tours with a 1:2 deployed-to-dwell ratio (rule of thirds)', () => {
    expect(rotationRatio({ tourMonths: 6, dwellMonths: 12 })).toBe(3);
  });
  it('is 5 for the 1:4 reserve-component goal and 1 with no dwell', () => {
    expect(rotationRatio({ tourMonths: 6, dwellMonths: 24 })).toBe(5);
    expect(rotationRatio({ tourMonths: 6, dwellMonths: 0 })).toBe(1);
  });
});

describe('periods', () => {
  it('start dates advance by the period length across years', () => {
    const s = loadFixture();
    expect(periodStart(s, 1)).toBe('2026-01-01');
    expect(periodStart(s, 2)).toBe('2026-07-01');
    expect(periodStart(s, 4)).toBe('2027-07-01');
  });
});

describe('conditions and variants', () => {
  it('drops pledges conditional on the backstop when the variant removes it', () => {
    const s = loadFixture();
    expect(conditionHolds(s, 'backstop')).toBe(true);
    expect(activePledges(s).map((p) => p.id)).toEqual(['gbr-air', 'gbr-land', 'fra-air']);
    const r = applyVariants(s, ['no-backstop']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(conditionHolds(r.value.scenario, 'backstop')).toBe(false);
    expect(activePledges(r.value.scenario).map((p) => p.id)).toEqual(['gbr-air', 'gbr-land']);
  });

  it('withdraws a nation: its pledges go and nothing of it may be committed', () => {
    const r = applyVariants(loadFixture(), ['uk-withdraws']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const gbr = r.value.scenario.nations.find((n) => n.id === 'GBR');
    expect(gbr?.committableShare).toBe(0);
    expect(r.value.scenario.pledges.some((p) => p.nation === 'GBR')).toBe(false);
  });

  it('reports an unknown variant with the ones that exist', () => {
    const r = applyVariants(loadFixture(), ['nope']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]?.code).toBe('variant.unknown');
    expect(r.error[0]?.message).toContain('no-backstop');
  });
});

describe('mergePatch', () => {
  it('follows RFC 7396 for objects, nulls and arrays', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: 5 })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      f: 5,
    });
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(mergePatch({ a: 1 }, 'x')).toBe('x');
  });
  it('patches arrays of objects by id: merge, remove, append', () => {
    const target = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    expect(mergePatch(target, { a: { v: 9 }, b: null, c: { v: 3 } })).toEqual([
      { id: 'a', v: 9 },
      { id: 'c', v: 3 },
    ]);
  });
  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (t, p) => {
        const ts = JSON.stringify(t);
        const ps = JSON.stringify(p);
        mergePatch(t, p);
        return JSON.stringify(t) === ts && JSON.stringify(p) === ps;
      }),
    );
  });
});

describe('caveats', () => {
  it('a host-territory land caveat forbids land units on host missions only', () => {
    const s = loadFixture();
    const gbr = {
      ...s.nations[0]!,
      caveats: [{ categories: ['land' as const], hostTerritoryOnly: true, reason: 'no troops in host' }],
    };
    const presence = s.missions[1]!;
    const infantry = s.catalog[1]!;
    const fighters = s.catalog[0]!;
    expect(caveatForbids(s, gbr, presence, infantry)).toBe(true);
    expect(caveatForbids(s, gbr, presence, fighters)).toBe(false);
    expect(caveatForbids(s, gbr, { ...presence, inHost: false }, infantry)).toBe(false);
  });

  it('a conditional caveat is lifted while its conditions hold, and in force when one fails', () => {
    const s = loadFixture(); // backstop: intelligence-logistics, so condition `backstop` holds
    const presence = s.missions[1]!;
    const infantry = s.catalog[1]!;
    const caveat = { hostTerritoryOnly: true, unless: ['backstop'], reason: 'troops only with a US role' };
    const gbr = { ...s.nations[0]!, caveats: [caveat] };
    expect(caveatApplies(s, caveat)).toBe(false);
    expect(caveatForbids(s, gbr, presence, infantry)).toBe(false);
    const none = {
      ...s,
      guarantor: { ...s.guarantor!, backstop: { ...s.guarantor!.backstop, kind: 'none' as const } },
    };
    expect(caveatApplies(none, caveat)).toBe(true);
    expect(forbiddingCaveats(none, gbr, presence, infantry)).toEqual([caveat]);
  });

  it('a combat-zone caveat covers only missions flagged combatZone', () => {
    const s = loadFixture();
    const presence = s.missions[1]!;
    const infantry = s.catalog[1]!;
    const gbr = {
      ...s.nations[0]!,
      caveats: [{ hostTerritoryOnly: false, combatZoneOnly: true, reason: 'legal' }],
    };
    expect(caveatForbids(s, gbr, presence, infantry)).toBe(false);
    expect(caveatForbids(s, gbr, { ...presence, combatZone: true }, infantry)).toBe(true);
  });
});

describe('summary', () => {
  /** A plan's output by hand: capability per (mission|capability|period), personnel per period. */
  const placed = (cells: Record<string, number>, personnel: number[]): InPlace => ({
    provided: (m, k, t) => cells[`${m}|${k}|${t}`] ?? 0,
    personnel: (t) => personnel[t - 1] ?? 0,
    label: 'a test plan',
  });

  it('totals required, pledged, in place and short personnel per period', () => {
    // P1: 1.5 of 2 orbits in place (lead time); P2: 2 orbits, 2 of 3 battalions.
    const summary = summarizeScenario(
      loadFixture(),
      placed({ 'skies|orbit|1': 1.5, 'skies|orbit|2': 2, 'presence|presence|2': 2 }, [375, 1900]),
    );
    // P1: 2 orbits × 250 = 500 required; GBR 1 + FRA 1 squadrons = 500 pledged; 0.5 orbit × 250 short.
    expect(summary.totals[0]).toMatchObject({
      requiredPersonnel: 500,
      pledgedPersonnel: 500,
      inPlacePersonnel: 375,
      shortPersonnel: 125,
      requirements: 1,
      requirementsMet: 0,
    });
    // P2: + 3 battalions × 700 = 2,600 required; + 2 battalions = 1,900 pledged; 1 battalion × 700 short.
    expect(summary.totals[1]).toMatchObject({
      requiredPersonnel: 2600,
      pledgedPersonnel: 1900,
      inPlacePersonnel: 1900,
      shortPersonnel: 700,
      requirements: 2,
      requirementsMet: 1,
    });
    expect(summary.requirementPeriods).toEqual({ met: 1, total: 3 + 4 });
    expect(summary.inPlace).toBe('a test plan');
  });

  it("never nets one mission's surplus against another's gap", () => {
    // P2: 4 orbits against 2 (a 500-personnel surplus) and 2 of 3 battalions: still 700 short, not 200.
    const summary = summarizeScenario(
      loadFixture(),
      placed({ 'skies|orbit|2': 4, 'presence|presence|2': 2 }, [0, 2400]),
    );
    expect(summary.totals[1]?.inPlacePersonnel).toBe(2400);
    expect(summary.totals[1]?.shortPersonnel).toBe(700);
    const presence = coverageByMission(loadFixture(), placed({ 'presence|presence|2': 2 }, []))[1];
    expect(presence?.capabilities[0]?.byPeriod[1]).toEqual({ required: 3, available: 2, gap: 1 });
    expect(presence?.periodsWithGap).toBe(3);
  });
});

/** Sets, replaces or deletes the value at a random path of a JSON document. */
function mutate(doc: unknown, choices: readonly number[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(doc);
  let node: unknown = copy;
  for (let depth = 0; depth < choices.length; depth++) {
    if (node === null || typeof node !== 'object') return copy;
    const keys = Object.keys(node);
    if (keys.length === 0) return copy;
    const key = keys[(choices[depth] ?? 0) % keys.length] ?? '';
    const container = node as Record<string, unknown>;
    const child = container[key];
    const last = depth === choices.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (remove) delete container[key];
      else container[key] = replacement;
      return copy;
    }
    node = child;
  }
  return copy;
}

describe('validation never throws', () => {
  it('random mutations of a valid scenario either validate or return issues with paths', () => {
    const base = JSON.parse(JSON.stringify(loadFixture())) as unknown;
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1e308, '', 'GBR', 'skies', 'fighter-sqn', null)),
        fc.boolean(),
        (choices, replacement, remove) => {
          const r = validate(mutate(base, choices, replacement, remove));
          if (r.ok) {
            for (const v of r.value.scenario.variants) applyVariants(r.value.scenario, [v.id]);
            return true;
          }
          return (
            r.error.length > 0 &&
            r.error.every((i) => i.code.length > 0 && Array.isArray(i.path) && i.message.length > 0)
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});

// Regression (issue 16, Medium 6): ids named like Object.prototype members found inherited functions in
// id-keyed records (`inventory["constructor"]`), so a pledge of a unit type the nation does not hold passed,
// and variant patches by such ids broke.
describe('ids named like Object.prototype members', () => {
  const raw = (): Scenario => structuredClone(loadFixture());
  /** Puts `name` at one id position (and its references), returns the id's path. */
  const positions: Record<string, (d: Scenario, name: string) => (string | number)[]> = {
    unitType: (d, name) => {
      d.catalog[0]!.id = name;
      d.pledges[0]!.unitType = name;
      d.pledges[2]!.unitType = name;
      return ['catalog', 0, 'id'];
    },
    capability: (d, name) => {
      d.capabilities[0]!.id = name;
      d.catalog[0]!.capabilities = { [name]: 1 };
      d.missions[0]!.requirements[0]!.capability = name;
      return ['capabilities', 0, 'id'];
    },
    mission: (d, name) => {
      d.missions[0]!.id = name;
      d.pledges[0]!.missions = [name];
      return ['missions', 0, 'id'];
    },
    pledge: (d, name) => {
      d.pledges[0]!.id = name;
      return ['pledges', 0, 'id'];
    },
    variant: (d, name) => {
      d.variants[0]!.id = name;
      return ['variants', 0, 'id'];
    },
    ladderLevel: (d, name) => {
      d.adversary!.ladder[1]!.id = name;
      return ['adversary', 'ladder', 1, 'id'];
    },
    source: (d, name) => {
      d.meta.sources = { [name]: d.meta.sources['test']! };
      return ['meta', 'sources', name];
    },
    condition: (d, name) => {
      d.conditions[0]!.id = name;
      return ['conditions', 0, 'id'];
    },
    location: (d, name) => {
      d.missions[1]!.locations[0]!.id = name;
      return ['missions', 1, 'locations', 0, 'id'];
    },
    inventoryKey: (d, name) => {
      d.nations[0]!.inventory = { ...d.nations[0]!.inventory, [name]: 1 };
      return ['nations', 0, 'inventory', name];
    },
  };
  const names = [
    ...Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(n)),
  ];

  it('the reserved list covers every Object.prototype member the id pattern admits', () => {
    expect([...RESERVED_IDS].sort()).toEqual([...names].sort());
    expect(names).toContain('constructor');
  });

  it('are refused, located, at every id position; never accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...Object.keys(positions)), (name, where) => {
        const d = raw();
        const path = positions[where]!(d, name);
        const r = validate(d);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const keyed = where === 'source' || where === 'inventoryKey';
        const found = r.error.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
        expect(found).toMatchObject({
          code: keyed ? 'schema.invalid-key' : 'schema.invalid-format',
          severity: 'error',
        });
        expect(found?.message).toContain('not a JavaScript object member name');
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  it('patches by id leave elements with such ids alone unless the patch names them', () => {
    for (const name of names) {
      const list = [
        { id: name, n: 1 },
        { id: 'b', n: 2 },
      ];
      expect(mergePatch(list, { b: { n: 3 } })).toEqual([
        { id: name, n: 1 },
        { id: 'b', n: 3 },
      ]);
      expect(mergePatch(list, { [name]: { n: 4 } })).toEqual([
        { id: name, n: 4 },
        { id: 'b', n: 2 },
      ]);
      expect(mergePatch(list, { [name]: null })).toEqual([{ id: 'b', n: 2 }]);
    }
  });

  it('merge patches keep __proto__ and member names as own keys, never as the prototype', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', ...names),
        fc.jsonValue().filter((v) => v !== null),
        (key, value) => {
          const patch = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as unknown;
          const out = mergePatch({ a: 1 }, patch) as Record<string, unknown>;
          expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
          expect(Object.keys(out).sort()).toEqual(['a', key].sort());
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });
});
