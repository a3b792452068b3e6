import { describe, expect, it } from 'vitest';
import { briefInputOf, covered, planOf, sourced } from '../../../test/brief-builders.js';
import { loadFixture } from '../../../test/helpers.js';
import { Scenario } from '../scenario/index.js';
import { buildBriefing } from './briefing.js';
import { labelIn, localPlan, localScenario } from './labels.js';

const plan = planOf(
  [sourced('GBR', 'fighter-sqn', 'skies', 2, 1)],
  [covered('skies', 'orbit', 1, 2, 0), covered('presence', 'presence', 2, 3, 2)],
);

describe('scenario names in the briefing’s language', () => {
  const base = loadFixture();
  const labelled = {
    ...base,
    missions: base.missions.map((m) => (m.id === 'skies' ? { ...m, labels: { fr: 'Ciel' } } : m)),
  };

  it('a French label where the scenario gives one, else the source name, never the id', () => {
    const fr = localScenario(labelled, 'fr');
    expect(fr.missions.find((m) => m.id === 'skies')?.name).toBe('Ciel');
    const presence = base.missions.find((m) => m.id === 'presence');
    expect(fr.missions.find((m) => m.id === 'presence')?.name).toBe(presence?.name);
    expect(localScenario(labelled, 'en')).toBe(labelled);
    expect(labelIn({ name: 'Skies', labels: {} }, 'fr')).toBe('Skies');
  });

  it('the French briefing names the mission by its label; the English one by its name', () => {
    const fr = buildBriefing(briefInputOf(plan, { lang: 'fr' }, labelled));
    const en = buildBriefing(briefInputOf(plan, {}, labelled));
    const cell = (b: typeof fr): string | number | undefined =>
      b.tables.find((t) => t.id === 'gaps')?.rows.find((r) => r[0] === 'Ciel' || r[0] === 'Skies')?.[0];
    expect(cell(fr)).toBe('Ciel');
    expect(cell(en)).toBe('Skies');
  });

  it('the schema takes labels and rejects an unknown language or an empty label', () => {
    const mission = base.missions[0]!;
    const with_ = (labels: unknown): boolean =>
      Scenario.safeParse({ ...base, missions: [{ ...mission, labels }, ...base.missions.slice(1)] }).success;
    expect(with_({ fr: 'Ciel' })).toBe(true);
    expect(with_({ de: 'Himmel' })).toBe(false);
    expect(with_({ fr: '' })).toBe(false);
  });

  it('the plan’s comparison with the options takes the options’ and components’ French names by id', () => {
    const s = {
      ...base,
      forceOptions: {
        components: [{ id: 'land', name: 'Land', labels: { fr: 'Terre' }, capabilities: ['presence'] }],
        options: [],
      },
    } as unknown as typeof base;
    const withOption = {
      ...plan,
      forceOptions: {
        period: 1,
        comparisons: [
          {
            option: 'small',
            name: 'Small',
            components: [
              { component: 'land', name: 'Land', capabilities: [{ capability: 'presence', name: 'x' }] },
            ],
          },
        ],
      },
    } as unknown as typeof plan;
    const fr = localPlan(withOption, localScenario(s, 'fr'));
    const c = fr.forceOptions.comparisons[0]!;
    expect(c.name).toBe('Small'); // no such option in the scenario: the plan's own name
    expect(c.components[0]?.name).toBe('Terre');
  });

  it('a count of one takes the unit’s singular by the language’s plural rule; without one, the plural', () => {
    const withOne = {
      ...base,
      capabilities: base.capabilities.map((c) =>
        c.id === 'orbit'
          ? {
              ...c,
              unitLabels: { fr: 'orbites permanentes' },
              unitOne: 'continuous orbit',
              unitOneLabels: { fr: 'orbite permanente' },
            }
          : c,
      ),
    };
    // Short by 1 of 1 orbit; short by 1.5 of 1.5 battalion-equivalents (presence has no singular).
    const gaps = planOf([], [covered('skies', 'orbit', 1, 1, 0), covered('presence', 'presence', 1, 1.5, 0)]);
    const units = (lang: 'en' | 'fr', s: typeof base): (string | number | undefined)[] =>
      buildBriefing(briefInputOf(gaps, lang === 'fr' ? { lang } : {}, s))
        .tables.find((t) => t.id === 'gaps')!
        .rows.map((r) => r[5]);
    expect(units('en', withOne)).toEqual(['continuous orbit', 'battalion-equivalents']);
    expect(units('fr', withOne)).toEqual(['orbite permanente', 'battalion-equivalents']);
    expect(units('en', base)).toEqual(['continuous orbits', 'battalion-equivalents']);
    // 1.5 is singular in French, plural in English.
    const half = planOf([], [covered('skies', 'orbit', 1, 1.5, 0)]);
    const unit = (lang: 'en' | 'fr'): string | number | undefined =>
      buildBriefing(briefInputOf(half, lang === 'fr' ? { lang } : {}, withOne)).tables.find(
        (t) => t.id === 'gaps',
      )!.rows[0]![5];
    expect(unit('fr')).toBe('orbite permanente');
    expect(unit('en')).toBe('continuous orbits');
    // A French plural without a French singular never borrows the English singular.
    const noFrOne = {
      ...withOne,
      capabilities: withOne.capabilities.map((c) =>
        c.id === 'orbit' ? { ...c, unitOneLabels: undefined } : c,
      ),
    };
    expect(localScenario(noFrOne, 'fr').capabilities.find((c) => c.id === 'orbit')?.unitOne).toBeUndefined();
  });
});
