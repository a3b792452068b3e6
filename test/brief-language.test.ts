/**
 * The briefing in each language from the minimal fixture (HiGHS, fixed seed): every text of the page comes
 * from the message catalogue (checked with the pseudo-locale), the findings quote the tables' numbers,
 * and the same seed gives the same bytes in each language.
 */
import { describe, expect, it } from 'vitest';
import { renderBriefingHtml } from '../src/adapters/render/index.js';
import { runBrief, type BriefResult, loadInput } from '../src/app/index.js';
import { buildBriefing, formatter } from '../src/core/brief/index.js';
import { fixture } from './helpers.js';

const request = {
  loaded: loadInput(fixture('minimal.yaml')),
  runs: 2000,
  seed: 11,
  tornadoRuns: 400,
  bulwarkVersion: 'test',
  generatedAt: '2026-11-26T00:00:00Z',
  frontier: { points: 6, runs: 1000 },
};
let cached: Promise<BriefResult> | undefined;
const brief = (): Promise<BriefResult> => (cached ??= runBrief(request));

/** Every string of the scenario (names, citations, units, ids): data, not sentences of the briefing. */
function scenarioStrings(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof x === 'string') out.add(x);
  else if (Array.isArray(x)) for (const v of x) scenarioStrings(v, out);
  else if (x !== null && typeof x === 'object') for (const v of Object.values(x)) scenarioStrings(v, out);
  return out;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The text nodes of the page that no catalogue message or formatter wrote. The map's SVG is the
 * renderer's own drawing (legend symbols, place numbers) and code elements are commands, not prose.
 */
function strayText(html: string, data: ReadonlySet<string>): string[] {
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<figure class="map-figure"[\s\S]*?<\/figure>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    // A label wrapped onto lines (one <text>, a <tspan> per line) is one text.
    .replace(/<\/tspan><tspan[^>]*>/g, ' ');
  const nodes = [...body.matchAll(/>([^<]+)</g)]
    .map((m) => unescape(m[1] ?? '').trim())
    .filter((t) => t !== '');
  const longest = [...data].filter((d) => d.length > 1).sort((a, b) => b.length - a.length);
  return nodes.filter((node) => {
    let t = node;
    // Innermost first: a message may hold figures and other messages.
    for (let prev = ''; prev !== t;) {
      prev = t;
      t = t.replace(/⟨[^⟨⟩]*⟩/g, ' ').replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    // vega shortens long labels with an ellipsis, cutting the closing mark.
    t = t.replace(/[⟦⟨][^⟦⟨]*…$/, ' ');
    for (const d of longest) t = t.split(d).join(' ');
    // Axis ticks are vega's numbers; punctuation between data values is layout.
    t = t.replace(/[−-]?\d[\d.,\s]*%?/g, ' ');
    return !/^[\s,.;:()/·–—|#%+×↓-]*$/.test(t);
  });
}

describe('briefing languages', () => {
  it('every text of the page comes from the catalogue: the pseudo-locale marks them all', async () => {
    const r = await brief();
    const input = { ...r.briefInput, lang: 'pseudo' as const };
    const html = await renderBriefingHtml(buildBriefing(input));
    const data = scenarioStrings(input.scenario);
    for (const x of [r.scenarioHash, 'test', request.generatedAt, r.plan.solver, r.plan.status]) data.add(x);
    for (const c of r.assurance?.cases ?? []) data.add(c.label);
    for (const f of r.frontier?.cases.flatMap((c) => c.points) ?? [])
      data.add(f.label.replace(/ \(.*\)$/, ''));
    const stray = strayText(html, data);
    expect(stray, stray.slice(0, 10).join('\n')).toEqual([]);
    // The check can fail: English written outside the catalogue is found.
    expect(strayText(html.replace('<main>', '<main><p>Findings in detail</p>'), data)).toEqual([
      'Findings in detail',
    ]);
  });

  it('the findings quote the tables’ numbers', async () => {
    const b = (await brief()).briefing;
    const table = (id: string): (string | number)[][] =>
      (b.tables.find((t) => t.id === id)?.rows ?? []).map((row) => [...row]);
    const assurance = b.findings.find((f) => f.id === 'assurance')?.text ?? '';
    for (const row of table('assurance-table')) expect(assurance).toContain(String(row[1]));
    const ceasefire = b.keyFigures.find((k) => k.id === 'ceasefire');
    expect(table('assurance-table')[0]?.[1]).toBeDefined();
    expect(ceasefire?.detail).toContain(String(table('assurance-table')[1]?.[0]));
    // The gap the bottom line names is the first gap of the findings, with the table's amounts.
    const gap = b.keyFigures.find((k) => k.id === 'gap');
    const gaps = b.findings.find((f) => f.id === 'gaps')?.text ?? '';
    const row = table('gaps').find((r) => `${r[0]}: ${r[1]}` === gap?.value);
    expect(row).toBeDefined();
    expect(gaps).toContain(
      `${row?.[0]}: ${row?.[1]} short by ${row?.[3]} of ${row?.[4]} ${row?.[5]}, ${row?.[2]}`,
    );
    // The frontier's cheapest force: the finding's personnel is the table's.
    const frontier = b.findings.find((f) => f.id === 'frontier')?.headline ?? '';
    const own = table('frontier-table').find((r) => frontier.includes(`(${r[0]})`));
    expect(frontier).toContain(`${own?.[2]} personnel`);
    // The cost headline is the sum of the burden table's costs over the horizon, per year.
    const cost = b.findings.find((f) => f.id === 'cost')?.headline ?? '';
    expect(cost).toContain(b.keyFigures.find((k) => k.id === 'cost')?.value.replace(' a year', '') ?? '?');
  });

  it('the frontier’s sentence on the pledged force gives the plan’s personnel and the base case’s risk', async () => {
    // With as many frontier runs as assurance runs, the frontier's pledged point and the base case count
    // the same failures: the same force on the same draws (what lets the briefing quote one for the other).
    const same = await runBrief({ ...request, frontier: { points: 4, runs: request.runs }, workers: 1 });
    const base = same.assurance?.cases[0];
    expect(same.briefInput.pledgedCase).toBe(base?.id);
    const pledged = same.frontier?.cases.find((c) => c.own)?.points.find((p) => p.kind === 'pledged');
    expect(pledged?.ceasefireFailed.count).toBe(base?.ceasefireFailed.count);
    const b = (await brief()).briefing;
    const r = await brief();
    const text = b.findings.find((f) => f.id === 'frontier')?.text ?? '';
    const key = b.keyFigures.find((k) => k.id === 'force');
    expect(key?.value).toContain(`${r.plan.personnelTotals.peakDeployed.toLocaleString('en-GB')} personnel`);
    expect(text).toContain(
      `The pledged force, ${r.plan.personnelTotals.peakDeployed.toLocaleString('en-GB')} personnel`,
    );
    // The base case's risk, written by the briefing's formatter ("9.4% (8.2–10.7%)").
    const c = r.assurance?.cases[0];
    expect(c).toBeDefined();
    expect(text).toContain(`gives ${formatter('en').probRange(c!.ceasefireFailed)}`);
    expect(text).toContain(`on its ${request.runs.toLocaleString('en-GB')} runs`);
    // The cheapest-force card: a headcount, with the risk's interval beside the risk, not under the count.
    const card = b.keyFigures.find((k) => k.id === 'frontier');
    const best = r.frontier?.cases.find((x) => x.own)?.cheapest.point;
    expect(card?.interval).toBeUndefined();
    expect(card?.detail).toContain(formatter('en').probRange(best!.ceasefireFailed));
    // Without the case, the frontier's own point is quoted (as `bulwark frontier` does).
    const { pledgedCase: _, ...withoutCase } = r.briefInput;
    const alone = buildBriefing(withoutCase);
    expect(alone.findings.find((f) => f.id === 'frontier')?.text).not.toContain('on its');
  }, 120_000);

  it('the same seed gives byte-identical HTML in each language', async () => {
    const r = await brief();
    // Built again from the same results, in English: the same bytes as the run's.
    expect(await renderBriefingHtml(buildBriefing(r.briefInput))).toBe(r.html);
    // In French, from two runs in different pools.
    const fr1 = await renderBriefingHtml(buildBriefing({ ...r.briefInput, lang: 'fr' }));
    const fr2 = (await runBrief({ ...request, lang: 'fr', workers: 1 })).html;
    expect(fr2).toBe(fr1);
    expect(fr1).toContain('<html lang="fr-FR">');
    expect(fr1).toContain('L’essentiel');
    expect(fr1).not.toContain('The bottom line');
  });
});
