import { describe, expect, it } from 'vitest';
import { miniScenario, miniScenarioInput, type MiniScenario } from '../plan/testing.js';
import { rotationFor, serviceOf } from './rotation.js';
import { validate } from './validate.js';

const base: MiniScenario = {
  units: [
    { id: 'bn', category: 'land', capabilities: { presence: 1 } },
    { id: 'gbad', category: 'land', capabilities: { air: 1 } },
    { id: 'jet', category: 'air', capabilities: { air: 1 } },
    { id: 'ship', category: 'maritime', capabilities: { sea: 1 } },
    { id: 'patriot', category: 'land', service: 'air', capabilities: { air: 1 } },
  ],
  missions: [{ id: 'm', requirements: [{ capability: 'presence', amount: 1 }] }],
  nations: [{ id: 'GBR' }, { id: 'DEU' }, { id: 'FRA' }],
};

describe('rotationFor', () => {
  it('maps categories to services unless the unit type names its own', () => {
    const s = miniScenario(base);
    const service = (id: string): string => serviceOf(s.catalog.find((u) => u.id === id) ?? s.catalog[0]!);
    expect(['bn', 'gbad', 'jet', 'ship', 'patriot'].map(service)).toEqual([
      'army',
      'army',
      'air',
      'navy',
      'air',
    ]);
  });

  it('takes the most specific rule: nation + unit type, nation + service, unit type, service, catalog', () => {
    const s = miniScenario({
      ...base,
      rotation: {
        rules: [
          { service: 'army', tourMonths: 6, dwellMonths: 18 },
          { unitType: 'gbad', tourMonths: 4, dwellMonths: 8 },
          { nation: 'GBR', service: 'army', tourMonths: 6, dwellMonths: 24 },
          { nation: 'GBR', unitType: 'gbad', tourMonths: 6, dwellMonths: 30 },
          { nation: 'DEU', service: 'air', tourMonths: 4, dwellMonths: 12 },
        ],
      },
    });
    const unit = (id: string) => s.catalog.find((u) => u.id === id) ?? s.catalog[0]!;
    const rule = (n: string, u: string): [number, number, number | 'catalog'] => {
      const r = rotationFor(s, n, unit(u));
      return [r.tourMonths, r.dwellMonths, r.origin];
    };
    expect(rule('GBR', 'gbad')).toEqual([6, 30, 3]); // nation + unit type
    expect(rule('GBR', 'bn')).toEqual([6, 24, 2]); // nation + service
    expect(rule('FRA', 'gbad')).toEqual([4, 8, 1]); // unit type for every nation
    expect(rule('FRA', 'bn')).toEqual([6, 18, 0]); // service for every nation
    expect(rule('FRA', 'jet')).toEqual([6, 12, 'catalog']); // no rule for air
    expect(rule('DEU', 'patriot')).toEqual([4, 12, 4]); // an air-force GBAD under the Luftwaffe's rule
    expect(rotationFor(s, 'GBR', unit('bn')).ratio).toBe(5);
    expect(rotationFor(s, 'DEU', unit('patriot')).ratio).toBe(4);
  });
});

describe('rotation rules are checked', () => {
  const codes = (spec: MiniScenario): string[] => {
    const r = validate(miniScenarioInput(spec));
    return r.ok ? r.value.warnings.map((i) => i.code) : r.error.map((i) => `${i.code}@${i.path.join('.')}`);
  };
  it('accepts a well-formed block', () => {
    expect(
      codes({
        ...base,
        rotation: {
          rules: [{ nation: 'GBR', service: 'army', tourMonths: 6, dwellMonths: 24 }],
          pools: [
            { nation: 'GBR', unitType: 'gbad', units: 4 },
            { nation: 'GBR', personnel: 30000 },
          ],
        },
      }),
    ).toEqual([]);
  });
  it('names the field of each problem', () => {
    expect(
      codes({
        ...base,
        rotation: {
          rules: [
            { nation: 'GBR', tourMonths: 6, dwellMonths: 24 },
            { nation: 'GBR', service: 'army', unitType: 'bn', tourMonths: 6, dwellMonths: 24 },
            { nation: 'XXX', service: 'army', tourMonths: 6, dwellMonths: 24 },
            { service: 'navy', tourMonths: 6, dwellMonths: 12 },
            { service: 'navy', tourMonths: 6, dwellMonths: 9 },
            { unitType: 'nope', tourMonths: 6, dwellMonths: 9 },
          ],
          pools: [
            { nation: 'GBR', unitType: 'gbad' },
            { nation: 'GBR', units: 3 },
            { nation: 'GBR', unitType: 'gbad', units: 3, personnel: 100 },
          ],
        },
      }),
    ).toEqual([
      'rotation.rule-scope@rotation.rules.0',
      'rotation.rule-scope@rotation.rules.1',
      'ref.unknown-nation@rotation.rules.2.nation',
      'rotation.rule-duplicate@rotation.rules.4',
      'ref.unknown-unit-type@rotation.rules.5.unitType',
      'rotation.pool-scope@rotation.pools.0',
      'rotation.pool-scope@rotation.pools.1',
      'rotation.pool-scope@rotation.pools.2',
    ]);
  });
});
