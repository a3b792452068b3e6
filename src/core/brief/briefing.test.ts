import { describe, expect, it } from 'vitest';
import { briefInputOf, covered, planOf, sourced } from '../../../test/brief-builders.js';
import { buildBriefing } from './briefing.js';

const plan = planOf(
  [
    sourced('GBR', 'fighter-sqn', 'skies', 2, 1),
    sourced('GBR', 'infantry-bn', 'presence', 2, 2),
    sourced('FRA', 'fighter-sqn', 'skies', 2, 1),
  ],
  [
    covered('skies', 'orbit', 1, 2, 0),
    covered('skies', 'orbit', 2, 2, 2),
    covered('presence', 'presence', 2, 3, 2),
  ],
);

/** The plan's peak period: the most personnel deployed (the first such period). */
function peakOf(p: { sourcing: readonly { period: number; personnel: number }[] }): number {
  const by = new Map<number, number>();
  for (const r of p.sourcing) by.set(r.period, (by.get(r.period) ?? 0) + r.personnel);
  return [...by].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? 1;
}

describe('buildBriefing on builder inputs (no solver, no workers)', () => {
  const b = buildBriefing(briefInputOf(plan));

  it('has the plan findings in order and no assurance part without assurance', () => {
    expect(b.findings.map((f) => f.id)).toEqual(['force', 'gaps', 'cost']);
    expect(b.charts.map((c) => c.id)).toEqual(['coverage', 'fairness', 'calendar']);
    expect(b.tables.map((t) => t.id)).toEqual([
      'mission-areas',
      'locations',
      'gaps',
      'fairness-table',
      'pledges',
      'sourcing',
    ]);
    expect(b.keyFigures.map((k) => k.id)).toEqual(['force', 'gap', 'cost']);
  });

  it('quotes the peak and the gaps the plan has, periods as dates', () => {
    // P2: 2 × 250 + 2 × 700 = 1,900 personnel.
    expect(b.findings[0]?.headline).toBe('The pledged force: 1,900 personnel from 2 nations');
    expect(b.findings[1]?.headline).toBe('2 capability requirements not fully met');
    // The minimal fixture starts on 1 January 2026 with 6-month periods: P1 is January to June 2026.
    expect(b.findings[1]?.text).toContain('In Jan\u2009–\u2009Jun 2026 no requirement is met at all');
    expect(b.keyFigures[0]?.value).toBe('1,900 personnel');
    expect(b.keyFigures[0]?.soWhat).toBe('It meets 1 of 3 requirement-periods in full.');
  });

  it('the largest gap of the bottom line is the first of the findings and a row of the gap table', () => {
    const gap = b.keyFigures.find((k) => k.id === 'gap');
    // Skies is short 2 of 2 orbits in P1 (weight 1), presence 1 of 3 in P2 (weight ⅓).
    expect(gap?.value).toBe('Skies: Air policing orbit');
    expect(gap?.detail).toBe('Short by 2 of 2 continuous orbits, Jan\u2009–\u2009Jun 2026.');
    const rows = b.tables.find((t) => t.id === 'gaps')?.rows ?? [];
    expect(rows[0]?.slice(0, 6)).toEqual([
      'Skies',
      'Air policing orbit',
      'Jan\u2009–\u2009Jun 2026',
      '2',
      '2',
      'continuous orbits',
    ]);
    expect(b.findings[1]?.text).toContain(
      'Skies: Air policing orbit short by 2 of 2 continuous orbits, Jan\u2009–\u2009Jun 2026',
    );
  });

  it('gives each mission its peak contributors and total, never a per-site split', () => {
    expect(b.map.points.some((p) => 'nations' in p || 'personnel' in p)).toBe(false);
    for (const m of b.map.missions) {
      expect(m.personnel).toBeCloseTo(
        plan.sourcing
          .filter((r) => r.mission === m.id && r.period === peakOf(plan))
          .reduce((a, r) => a + r.personnel, 0),
        6,
      );
      expect(m.personnel).toBeCloseTo(
        m.nations.reduce((a, n) => a + n.personnel, 0),
        6,
      );
    }
    expect(b.map.missions.flatMap((m) => m.nations.map((n) => n.id))).toEqual(
      expect.arrayContaining(['GBR', 'FRA']),
    );
    const areas = b.tables.find((t) => t.id === 'mission-areas');
    expect(areas?.rows.length).toBe(b.map.missions.length);
  });

  it('names nations in the briefing’s language', () => {
    const f = buildBriefing(briefInputOf(plan, { lang: 'fr' }));
    expect(f.lang).toBe('fr-FR');
    const nations = f.tables.find((t) => t.id === 'sourcing')?.rows.map((r) => r[0]);
    expect(new Set(nations)).toEqual(new Set(['Royaume-Uni', 'France']));
    expect(f.findings[0]?.headline).toBe(
      'La force promise\u00a0: 1\u202f900 personnels fournis par 2 nations',
    );
    expect(f.findings[1]?.text).toContain('En janv.–juin 2026, aucun besoin n’est satisfait');
  });

  it('every chart has a title, a description and a titled axis; no axis says “capability units”', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const c of buildBriefing(briefInputOf(plan, { lang })).charts) {
        expect(c.title.length).toBeGreaterThan(10);
        expect(c.description.length).toBeGreaterThan(20);
        const spec = JSON.stringify(c.spec);
        expect(spec).not.toContain('capability units');
        expect(spec).toMatch(/"title":"[^"]{3,}/);
      }
    }
  });

  it('marks what is short in the coverage chart and gives each panel its unit', () => {
    const spec = JSON.stringify(b.charts.find((c) => c.id === 'coverage')?.spec);
    expect(spec).toContain('"title":"continuous orbits"');
    expect(spec).toContain('"title":"battalion-equivalents"');
    // Skies in P1: nothing sourced, 2 short.
    expect(spec).toContain(
      '{"period":"Jan\u2009–\u2009Jun 2026","order":1,"series":"short","amount":2,"stack":1}',
    );
  });
});
