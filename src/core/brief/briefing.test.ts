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

describe('buildBriefing on builder inputs (no solver, no workers)', () => {
  const b = buildBriefing(briefInputOf(plan));

  it('has the plan findings in order and no assurance part without assurance', () => {
    expect(b.findings.map((f) => f.id)).toEqual(['force', 'gaps', 'cost']);
    expect(b.charts.map((c) => c.id)).toEqual(['coverage', 'fairness', 'calendar']);
    expect(b.tables.map((t) => t.id)).toEqual(['locations', 'gaps', 'fairness-table', 'pledges', 'sourcing']);
  });

  it('quotes the peak and the gaps the plan has', () => {
    expect(b.findings[0]?.headline).toBe('The pledged force: about 1,900 personnel from 2 nations');
    expect(b.findings[1]?.headline).toBe('2 capability requirements not fully met');
    expect(b.findings[1]?.text).toContain('In P1 no requirement is met at all');
  });

  it('puts each mission’s peak contributors on its locations', () => {
    expect(b.map.points.map((p) => [p.id, p.nations.map((n) => n.id)])).toEqual([
      ['base-a', ['GBR', 'FRA']],
      ['city-b', ['GBR']],
    ]);
  });
});
