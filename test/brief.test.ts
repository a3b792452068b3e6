/**
 * The briefing from fixed inputs: the minimal fixture planned with HiGHS and simulated with a fixed seed.
 * Expected figures are worked out by hand from test/fixtures/minimal.yaml.
 */
import { describe, expect, it } from 'vitest';
import { runBrief, type BriefResult, loadInput } from '../src/app/index.js';
import { fixture } from './helpers.js';

const request = {
  loaded: loadInput(fixture('minimal.yaml')),
  runs: 2000,
  seed: 11,
  tornadoRuns: 400,
  bulwarkVersion: 'test',
  generatedAt: '2026-11-26T00:00:00Z',
};
let cached: Promise<BriefResult> | undefined;
const brief = (): Promise<BriefResult> => (cached ??= runBrief(request));

describe('briefing model', () => {
  it('states the force: 1,900 personnel from 2 nations at the peak', async () => {
    // P2–P4: GBR 1 fighter squadron (250) + 2 battalions (1,400), FRA 1 squadron (250) = 1,900.
    const f = (await brief()).briefing.findings.find((x) => x.id === 'force');
    expect(f?.headline).toBe('The pledged force: 1,900 personnel from 2 nations');
    // Skies P1–P4 and presence P2–P4 are 7 requirement-periods; only skies P2–P4 are met in full
    // (fighters need 30 days, so none are in place in P1; presence gets 2 of 3 battalions).
    expect(f?.text).toContain('They meet 3 of 7 requirement-periods in full');
    // Tied up by rotation: fighters 250 × 3 × 2 + battalions 1,400 × 3 = 5,700.
    expect(f?.text).toContain('ties up 5,700 personnel');
  });

  it('names the gaps, largest share first, with the cause', async () => {
    const f = (await brief()).briefing.findings.find((x) => x.id === 'gaps');
    expect(f?.headline).toBe('2 capability requirements not fully met');
    // Presence is short a third in three periods; skies 2 − 2 × 151/181 ≈ 0.3 orbits in P1 only, because
    // the squadrons arrive on day 30 of 181.
    expect(f?.text).toMatch(
      /^The biggest gaps: Presence: Presence short by 1 of 3 battalion-equivalents, Jul 2026\u2009–\u2009Dec 2027 \(pledges used up: United Kingdom.*\); Skies: Air policing orbit short by 0\.3 of 2 continuous orbits, Jan\u2009–\u2009Jun 2026 \(still within their lead time/,
    );
    expect(f?.text).not.toContain('no requirement is met at all');
  });

  it('reports cost and fair share: the UK carries most against half the GDP', async () => {
    const f = (await brief()).briefing.findings.find((x) => x.id === 'cost');
    // GBR and FRA have equal GDP, so each fair share is 50%; GBR carries 250 × (½ × 151/181 + 1.5) + 1,400 × 1.5
    // of 2 × 250 × (½ × 151/181 + 1.5) + 1,400 × 1.5 personnel-years, 84%.
    expect(f?.text).toContain(
      'United Kingdom carries 84% of the personnel against 50% of the contributors’ GDP',
    );
    expect(f?.headline).toMatch(/^Cost: US\$\d+m a year; fairness index 0\.\d\d$/);
  });

  it('compares the base with the no-backstop variant on the same runs', async () => {
    const r = await brief();
    expect(r.assurance?.cases.map((c) => c.id)).toEqual(['base', 'no-backstop']);
    expect(r.assurance?.runs).toBe(2000);
    const f = r.briefing.findings.find((x) => x.id === 'assurance');
    expect(f?.text).toContain('No backstop: ceasefire held in');
    expect(f?.link).toBe('#assurance');
  });

  it('links every finding to a section that exists in the HTML', async () => {
    const r = await brief();
    for (const f of r.briefing.findings) expect(r.html).toContain(`id="${f.link.slice(1)}"`);
  });

  it('maps every location of the scenario with its place number', async () => {
    const { map } = (await brief()).briefing;
    expect(map.points.map((p) => p.id)).toEqual(['base-a', 'city-b']);
    expect(map.hostIso3).toBe('UKR');
    // Air base A (50.0N 30.0E) and City B (49.5N 31.0E) are ~88 km apart: two places.
    expect(map.points.map((p) => p.place)).toEqual([1, 2]);
  });
});

describe('briefing HTML', () => {
  it('is self-contained: no external script, style, image or font', async () => {
    const { html } = await brief();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it('has the map, every chart as SVG with its title, and the provenance appendix', async () => {
    const r = await brief();
    for (const c of r.briefing.charts) {
      expect(r.html).toContain(`id="chart-${c.id}"`);
    }
    expect(r.briefing.charts.map((c) => c.id)).toEqual([
      'frontier',
      'credibility',
      'coverage',
      'fairness',
      'calendar',
      'resilience',
      'outcomes',
      'survival',
      'tornado',
    ]);
    expect((r.html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(9);
    // The frontier leads: its answer is the first finding and its section follows the findings.
    expect(r.briefing.findings[0]?.id).toBe('frontier');
    expect(r.briefing.findings[0]?.headline).toMatch(
      /cheapest force keeping the risk that the ceasefire fails at or below 10\.0%/i,
    );
    expect(r.html.indexOf('id="frontier"')).toBeLessThan(r.html.indexOf('id="map"'));
    expect(r.frontier?.cases.map((c) => c.id)).toEqual(['none', 'intelligence-logistics', 'full']);
    expect(r.html).toContain(r.scenarioHash);
    expect(r.html).toContain('2,000 runs per case, seed 11');
  });

  it('says under the tornado what the sensitivity analysis cost, and how its rows stopped', async () => {
    const r = await brief();
    const t = r.assurance!.tornado!;
    const tornado = r.briefing.charts.find((c) => c.id === 'tornado')!;
    const n = (x: number): string => x.toLocaleString('en-GB');
    const sentence = tornado.description.slice(tornado.description.indexOf('Sensitivity:'));
    expect(sentence).toMatch(
      new RegExp(`^Sensitivity: ${n(t.modelRuns)} model-runs \\(cap ${n(t.fixedModelRuns)}\\): .+\\.$`),
    );
    // Every reason a row stopped for is counted, and the counts add up to the rows.
    const said = [
      [/(\d+) rows? ranked/, t.stops.separated],
      [/(\d+) tied at 2% precision/, t.stops.precise],
      [/(\d+) with no effect on failure/, t.stops.exact],
      [/(\d+) at the cap of [\d,]+ runs/, t.stops.cap],
    ] as const;
    for (const [re, k] of said) expect(Number(re.exec(sentence)?.[1] ?? 0)).toBe(k);
    expect(t.stops.separated + t.stops.precise + t.stops.exact + t.stops.cap).toBe(t.rows.length);
    expect(r.html).toContain(sentence.slice(0, 40));
  });

  it('is reproducible: same scenario and seed give the same findings', async () => {
    // A second run in a fresh pool: nothing carried over from the first may change a byte.
    const again = await runBrief({ ...request, workers: 1 });
    expect(again.briefing.findings).toEqual((await brief()).briefing.findings);
    const first = (await brief()).html;
    const at = [...again.html].findIndex((c, i) => c !== first[i]);
    expect(
      at === -1 && again.html.length === first.length,
      `first difference at ${at}: ${again.html.slice(at - 80, at + 80)}`,
    ).toBe(true);
  });
});
