import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forceAgainstOptions,
  forceOptions,
  pledgedUnits,
  validate,
  weakestComponent,
  type Scenario,
  type ScenarioInput,
} from './index.js';
import { compareWithOption, componentOfUnit } from './force-options.js';

/**
 * A small fixture worked by hand. Land counts presence, air counts orbits and SAM batteries (so the SAM
 * battery, a land-category unit, counts in air). Pledges: A keeps 1 battlegroup (1,000) and 3 companies
 * (3 × 200) in P1–P2; B 4 SAM batteries (4 × 150) in P1–P2 and 1 fighter squadron (250) in P2 only.
 * P1 = 2,200 personnel, P2 = 2,450: the peak is P2.
 */
function fixture(): Scenario {
  const unit = (
    id: string,
    category: string,
    personnel: number,
    cost: number,
    caps: Record<string, number>,
  ) => ({
    id,
    name: id,
    category,
    personnel,
    costPerYearUsd: cost,
    tourMonths: 6,
    dwellMonths: 12,
    capabilities: caps,
    source: 't',
  });
  const input = {
    meta: {
      id: 'opts',
      title: 'Options fixture',
      asOf: '2026-01-01',
      sources: { t: { kind: 'assumption', citation: 'test', method: 'test data' } },
    },
    horizon: { start: '2026-01-01', periods: 2, periodMonths: 6 },
    capabilities: ['presence', 'orbit', 'sam', 'trainees'].map((id) => ({ id, name: id, unit: 'units' })),
    catalog: [
      unit('bg', 'land', 1000, 50e6, { presence: 1 }),
      unit('coy', 'land', 200, 12e6, { presence: 0.15 }),
      unit('fighter', 'air', 250, 60e6, { orbit: 1 }),
      unit('samb', 'land', 150, 30e6, { sam: 1 }),
      unit('trainer', 'training', 100, 5e6, { trainees: 1000 }),
    ],
    missions: [
      {
        id: 'all',
        name: 'all',
        requirements: ['presence', 'orbit', 'sam', 'trainees'].map((capability) => ({
          capability,
          amount: 1,
          source: 't',
        })),
      },
    ],
    nations: [
      { id: 'AAA', name: 'A', role: 'coalition', gdpUsd: 1e12, inventory: { bg: 3, coy: 9 }, source: 't' },
      {
        id: 'BBB',
        name: 'B',
        role: 'coalition',
        gdpUsd: 1e12,
        inventory: { fighter: 3, samb: 12 },
        source: 't',
      },
    ],
    pledges: [
      { id: 'a-bg', nation: 'AAA', unitType: 'bg', units: 1, status: 'confirmed', source: 't' },
      { id: 'a-coy', nation: 'AAA', unitType: 'coy', units: 3, status: 'confirmed', source: 't' },
      { id: 'b-sam', nation: 'BBB', unitType: 'samb', units: 4, status: 'confirmed', source: 't' },
      {
        id: 'b-air',
        nation: 'BBB',
        unitType: 'fighter',
        units: 1,
        fromPeriod: 2,
        status: 'confirmed',
        source: 't',
      },
    ],
    forceOptions: {
      components: [
        { id: 'land', name: 'Land', capabilities: ['presence'] },
        { id: 'air', name: 'Air', capabilities: ['orbit', 'sam'] },
        { id: 'training', name: 'Training', capabilities: ['trainees'] },
      ],
      options: [
        {
          id: 'small',
          name: 'Small',
          personnel: 5000,
          source: 't',
          components: {
            land: { personnel: 4000, capabilities: { presence: 4 } },
            air: { capabilities: { orbit: 2, sam: 2 } },
          },
        },
        { id: 'range', name: 'Range', personnel: { low: 6000, high: 12000 }, source: 't' },
        {
          id: 'parts',
          name: 'Parts',
          source: 't',
          components: { training: { capabilities: { trainees: 3000 } } },
        },
      ],
    },
  } as unknown as ScenarioInput;
  const r = validate(input);
  if (!r.ok) throw new Error(r.error.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '));
  return r.value.scenario;
}

describe('force options', () => {
  const s = fixture();

  it('resolve components in the order defined, with implied headcounts and cost', () => {
    const [small, range, parts] = forceOptions(s);
    expect(small?.components.map((c) => c.id)).toEqual(['land', 'air']);
    expect(small?.components[0]?.personnel).toEqual({ low: 4000, high: 4000 });
    expect(small?.components[0]?.personnelStated).toBe(true);
    // Air implied: 2 orbits × 250 + 2 SAM × 150 = 800.
    expect(small?.components[1]?.personnel).toEqual({ low: 800, high: 800 });
    expect(small?.components[1]?.personnelStated).toBe(false);
    // Cost at the cheapest unit per unit of capability: presence 4 × 50m (bg beats coy's 80m), orbit
    // 2 × 60m, SAM 2 × 30m = 380m a year.
    expect(small?.costUsdPerYear).toBeCloseTo(380e6, 0);
    expect(range?.personnel).toEqual({ low: 6000, high: 12000 });
    expect(range?.costUsdPerYear).toBeNull();
    // No headline: the sum of the components, 3 trainers × 100.
    expect(parts?.personnel).toEqual({ low: 300, high: 300 });
    expect(parts?.personnelStated).toBe(false);
  });

  it('count a unit in the component of the capability it provides, not of its category', () => {
    const samb = s.catalog.find((u) => u.id === 'samb');
    expect(samb && componentOfUnit(s, samb)).toBe('air');
    expect(componentOfUnit(s, { capabilities: { nothing: 1 } })).toBeUndefined();
  });

  it('compare the pledge at its peak with an option by component, as worked by hand', () => {
    const a = forceAgainstOptions(s, pledgedUnits(s), 'the pledge');
    expect(a.period).toBe(2);
    const [small, range] = a.comparisons;
    expect(small?.personnel).toBe(2450);
    expect(small?.personnelShare?.ofLow).toBeCloseTo(0.49, 12);
    const land = small?.components[0];
    expect(land?.personnel).toBe(1600);
    expect(land?.personnelShare?.ofLow).toBeCloseTo(0.4, 12);
    // Presence 1 + 3 × 0.15 = 1.45 of 4.
    expect(land?.capabilities[0]?.have).toBeCloseTo(1.45, 12);
    expect(land?.capabilityShare).toBeCloseTo(0.3625, 12);
    const air = small?.components[1];
    expect(air?.personnel).toBe(850); // 250 + 4 × 150
    expect(air?.personnelShare?.ofLow).toBeCloseTo(850 / 800, 12);
    // Orbit 1 of 2 (0.5), SAM 4 of 2 (capped at 1): mean 0.75.
    expect(air?.capabilityShare).toBeCloseTo(0.75, 12);
    expect(range?.personnelShare).toEqual({ ofLow: 2450 / 6000, ofHigh: 2450 / 12000 });
    expect(small && weakestComponent(small)?.component).toBe('land');
  });

  it('say it in words', () => {
    const [small, range] = forceAgainstOptions(s, pledgedUnits(s), 'the pledge').comparisons;
    expect(small?.sentences).toEqual([
      'The pledge (2,450 personnel) is 49% of Small (5,000).',
      'The pledge covers 40% of the land component of Small in personnel (1,600 of 4,000) and 36% in capability (presence 1.5 of 4).',
      'The pledge covers 106% of the air component of Small in personnel (850 of 800, implied) and 75% in capability (orbit 1 of 2, sam 4 of 2).',
    ]);
    expect(small?.summary).toEqual([small?.sentences[0], small?.sentences[1]]);
    expect(range?.sentences).toEqual(['The pledge (2,450 personnel) is 20–41% of Range (6,000–12,000).']);
  });

  it('shares are linear in the force and capability coverage stays in [0, 1] (property)', () => {
    const [small] = forceOptions(s);
    if (small === undefined) throw new Error('fixture');
    const units = ['bg', 'coy', 'fighter', 'samb', 'trainer'];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (counts, k) => {
          const force = units.map((unitType, i) => ({ unitType, units: counts[i] ?? 0 }));
          const c = compareWithOption(s, force, small);
          const scaled = compareWithOption(
            s,
            force.map((x) => ({ ...x, units: x.units * k })),
            small,
          );
          expect(scaled.personnel).toBeCloseTo(c.personnel * k, 6);
          for (const [i, comp] of c.components.entries()) {
            expect(scaled.components[i]?.personnel).toBeCloseTo(comp.personnel * k, 6);
            expect(comp.capabilityShare ?? 0).toBeGreaterThanOrEqual(0);
            expect(comp.capabilityShare ?? 0).toBeLessThanOrEqual(1);
          }
          // Every person counts once: components plus the trainers (not in Small's components).
          const inComponents = c.components.reduce((a, x) => a + x.personnel, 0);
          expect(inComponents + (counts[4] ?? 0) * 100).toBeCloseTo(c.personnel, 6);
        },
      ),
    );
  });

  it('a scenario without options compares with nothing', () => {
    const { forceOptions: _, ...bare } = s;
    expect(forceOptions(bare)).toEqual([]);
    expect(forceAgainstOptions(bare, pledgedUnits(bare), 'the pledge').comparisons).toEqual([]);
  });
});
