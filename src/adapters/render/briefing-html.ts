/**
 * The briefing as one self-contained HTML file: styles, the map and every chart inline as SVG, no script
 * and no external request, so it opens offline and prints to PDF as it looks on screen.
 */
import type { Briefing, ChartModel, Table } from '../../core/brief/index.js';
import { chartCsv, renderChart, type ChartSvg } from './charts.js';
import { renderMapSvg } from './map-svg.js';

const esc = (s: string | number): string =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Tables printed in the compact appendix style (small type, every column kept). */
const LONG_TABLES = new Set(['pledges', 'sourcing', 'locations', 'gaps', 'resilience-table']);

function tableHtml(t: Table): string {
  const numeric = new Set(t.numeric);
  const cell = (v: string | number, j: number, tag: 'td' | 'th'): string =>
    `<${tag}${numeric.has(j) ? ' class="num"' : ''}>${esc(typeof v === 'number' ? v.toLocaleString('en-GB') : v)}</${tag}>`;
  return [
    // A wide table scrolls inside its own box (focusable, so keyboards can scroll it), never the page.
    `<div class="table-wrap${LONG_TABLES.has(t.id) ? ' long' : ''}" role="region" tabindex="0" aria-label="${esc(t.caption)}"><table id="table-${esc(t.id)}">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${t.header.map((h, j) => cell(h, j, 'th')).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((v, j) => cell(v, j, 'td')).join('')}</tr>`).join('\n')}</tbody>`,
    `</table></div>`,
  ].join('\n');
}

/** Main column padding in CSS px: the wide drawing shows only where it fits at its own size. */
const PAD = 32;
const NARROW_PAD = 14;

/** A `data:` link that downloads `csv` (percent-encoded, so the page stays one self-contained file). */
const csvLink = (csv: string, file: string, label: string): string =>
  `<a class="csv" download="${esc(file)}" href="data:text/csv;charset=utf-8,${encodeURIComponent(csv)}">${esc(label)}</a>`;

interface Figure {
  readonly html: string;
  /** Per-chart rules: which drawing shows at which width. */
  readonly css: string;
}

async function figure(chart: ChartModel): Promise<Figure> {
  const id = `chart-${chart.id}`;
  const wide: ChartSvg = await renderChart(chart.spec, `${id}-w`, 'wide');
  const narrow: ChartSvg = await renderChart(chart.spec, `${id}-n`, 'narrow');
  // The wide drawing needs its own width plus the page padding; below that the narrow one shows.
  const breakpoint = Math.ceil(wide.width + 2 * PAD);
  const css =
    `@media screen and (max-width:${breakpoint - 1}px){#${id} .wide{display:none}}` +
    `@media screen and (min-width:${breakpoint}px){#${id} .narrow{display:none}}` +
    `#${id} .narrow svg{max-width:${Math.round(narrow.width * 1.5)}px}`;
  const csv = chartCsv(chart.spec);
  const data =
    csv === null
      ? ''
      : ` ${csvLink(csv, `${chart.id}.csv`, `Data behind this chart (CSV, ${csvRows(csv)} rows)`)}`;
  return {
    html: `<figure class="chart" id="${esc(id)}" data-title="${esc(chart.title)}"><div class="wide">${wide.svg}</div><div class="narrow">${narrow.svg}</div><figcaption>${esc(chart.description)}${data}</figcaption></figure>`,
    css,
  };
}

const csvRows = (csv: string): number => csv.split('\r\n').length - 2;

const STYLE = `
:root{--ink:#1b1f24;--muted:#56606b;--rule:#d9dee4;--accent:#0b4f8a;--bg:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:break-word}
main{max-width:1080px;margin:0 auto;padding:28px ${PAD}px 60px}
header{border-bottom:3px solid var(--accent);margin-bottom:18px;padding-bottom:10px}
h1{font-size:26px;margin:0 0 4px;line-height:1.25} .subtitle{color:var(--muted);margin:0}
h2{font-size:19px;margin:34px 0 10px;padding-top:8px;border-top:1px solid var(--rule)}
h3{font-size:16px}
.findings{list-style:none;padding:0;margin:0;display:grid;gap:10px}
.findings li{border-left:4px solid var(--accent);background:#f4f7fa;padding:10px 14px;border-radius:2px}
.findings strong{display:block;font-size:16px;margin-bottom:2px}
.findings a{color:var(--accent);font-size:13px;white-space:nowrap}
figure{margin:14px 0;max-width:100%} figcaption{color:var(--muted);font-size:13px;margin-top:4px}
figure .wide,figure .narrow{overflow-x:auto}
figure .wide svg{display:block;max-width:none;height:auto}
figure .narrow svg{display:block;width:100%;height:auto}
.map-figure svg{display:block;width:100%;height:auto;max-width:960px}
a.csv{color:var(--accent);white-space:nowrap}
.table-wrap{overflow-x:auto;margin:10px 0 18px;max-width:100%}
.table-wrap:focus{outline:2px solid var(--accent)}
table{border-collapse:collapse;font-size:12.5px;width:100%}
caption{text-align:left;color:var(--muted);padding:4px 0;font-size:13px}
th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600} .num{text-align:right;font-variant-numeric:tabular-nums}
.appendix dt{font-weight:600} .appendix dd{margin:0 0 6px 0;color:var(--muted)}
.sources li{margin-bottom:4px;font-size:13px} .kind{display:inline-block;min-width:82px;font-size:11px;text-transform:uppercase;color:var(--muted)}
.note{color:var(--muted);font-size:13px}
code,.url{overflow-wrap:anywhere;word-break:break-all}
@media screen and (max-width:600px){
 main{padding:18px ${NARROW_PAD}px 40px} h1{font-size:22px} h2{font-size:18px}
 .findings li{padding:8px 10px}
}
@media print{
 @page{size:A4}
 body{font-size:9pt;line-height:1.3}
 main{max-width:none;padding:0}
 header{margin-bottom:8px}
 h1{font-size:18pt} h2{font-size:13pt;margin:14px 0 6px;padding-top:4px}
 h2,h3,caption{break-after:avoid} h2+*,h3+*{break-before:avoid}
 section>h2{break-after:avoid-page}
 figure,.findings li,tr,dt,dd,.sources li{break-inside:avoid}
 .findings{gap:4px} .findings li{padding:5px 9px}
 figure{margin:6px 0} figure .narrow{display:none} figure .wide{overflow:visible}
 figure .wide svg,.map-figure svg{width:100%;max-width:100%;height:auto}
 .chart{break-inside:avoid}
 a{color:inherit;text-decoration:none} a.csv{display:none}
 .table-wrap{overflow:visible;margin:6px 0 10px}
 table{font-size:8pt} th,td{padding:2px 4px}
 .long table{font-size:6.5pt;line-height:1.2} .long th,.long td{padding:1px 3px}
 .sources li{font-size:6.5pt;line-height:1.25;margin-bottom:1px} .kind{min-width:0;font-size:6pt}
 .sources{columns:3;column-gap:5mm;padding-left:0;list-style:none} .appendix dd{font-size:8pt} .appendix ul.sources li{font-size:6pt;line-height:1.2} .sources .note{font-size:inherit}
}
`;

/** Below this viewport width the phone drawing of the map shows (its wide drawing is 960 px). */
const MAP_BREAKPOINT = 960 + 2 * PAD;

function mapSection(b: Briefing, tables: ReadonlyMap<string, string>): string {
  const m = b.map;
  const wide = renderMapSvg(m, { idPrefix: 'map-w', width: 960, height: 560, fontSize: 12 });
  const narrow = renderMapSvg(m, { idPrefix: 'map-n', width: 360, height: 330, fontSize: 12 });
  // Each citation once, however many layers rest on it.
  const sources = [
    ...new Set([
      ...m.bordersSource,
      ...m.occupied.flatMap((a) => a.source),
      ...(m.contactLine?.source ?? []),
    ]),
  ];
  return [
    `<section id="map"><h2>Where the force deploys</h2>`,
    `<figure class="map-figure" data-title="${esc(m.title)}"><div class="wide">${wide}</div><div class="narrow">${narrow}</div>`,
    `<figcaption>Boundaries: Natural Earth 1:50m via world-atlas (public domain), with Crimea drawn in Ukraine as its internationally recognised border puts it. Locations from the scenario; what each mission receives from the plan (the plan sources missions, not sites).${sources.length === 0 ? '' : ` Borders, occupied territory and line of contact:<ul class="map-sources">${sources.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`}</figcaption></figure>`,
    tables.get('mission-areas') ?? '',
    tables.get('locations') ?? '',
    `</section>`,
  ].join('');
}

/** Title, as-of date and scenario hash: the PDF's running header (src/adapters/render/pdf.ts). */
export function runningHeaderText(b: Briefing): string {
  const hash = b.appendix.scenarioHash.replace(/^sha256:/, '').slice(0, 12);
  return `${b.title} · as of ${b.appendix.asOf} · scenario ${b.appendix.scenarioId} sha256:${hash}`;
}

const MAP_CSS = `@media screen and (max-width:${MAP_BREAKPOINT - 1}px){.map-figure .wide{display:none}}@media screen and (min-width:${MAP_BREAKPOINT}px){.map-figure .narrow{display:none}}.map-figure .narrow svg{max-width:540px}.map-sources{margin:4px 0 0;padding-left:1.2em}`;

/** Renders the briefing to HTML. Chart rendering is asynchronous (vega's headless view). */
export async function renderBriefingHtml(b: Briefing): Promise<string> {
  const charts = new Map<string, string[]>();
  const chartCss: string[] = [];
  for (const c of b.charts) {
    const f = await figure(c);
    charts.set(c.section, [...(charts.get(c.section) ?? []), f.html]);
    chartCss.push(f.css);
  }
  const tables = new Map(b.tables.map((t) => [t.id, tableHtml(t)]));
  const section = (id: string, title: string, intro: string, tableIds: readonly string[]): string => {
    const figs = charts.get(id) ?? [];
    const tbls = tableIds.map((t) => tables.get(t) ?? '').filter((x) => x !== '');
    if (figs.length === 0 && tbls.length === 0) return '';
    return `<section id="${id}"><h2>${esc(title)}</h2>${intro === '' ? '' : `<p class="note">${esc(intro)}</p>`}${figs.join('\n')}${tbls.join('\n')}</section>`;
  };
  const a = b.appendix;
  const findings = b.findings
    .map(
      (f) =>
        `<li id="finding-${esc(f.id)}"><strong>${esc(f.headline)}</strong>${esc(f.text)} <a href="${esc(f.link)}">details ↓</a></li>`,
    )
    .join('\n');
  const body = [
    `<header><h1>${esc(b.title)}</h1><p class="subtitle">${esc(b.subtitle)}</p></header>`,
    `<section id="findings"><h2>Findings</h2><ol class="findings">${findings}</ol>`,
    `<p class="note">Generated from the scenario and seed in the appendix: the plan is an optimisation over the pledges and the stated assumptions, and the probabilities come from a Monte Carlo model that makes its assumptions explicit. They are not predictions.</p></section>`,
    b.frontierNotes.length === 0
      ? ''
      : `<section id="frontier"><h2>What force buys: cost against the risk that the ceasefire fails</h2>${(charts.get('frontier') ?? []).join('\n')}<ul class="note">${b.frontierNotes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>${tables.get('frontier-table') ?? ''}<p class="note">Method and limits: docs/frontier.md (forces sourced at least cost for scaled requirements, simulated on the same runs; intervals are Monte Carlo error only).</p></section>`,
    mapSection(b, tables),
    section(
      'coverage',
      'Required vs sourced capability',
      'Bars: capability the plan sources from pledges; line: the requirement.',
      [],
    ),
    section('gaps', 'Gaps and why', '', ['gaps']),
    section('options', 'Against the force options', '', ['options']),
    section('fairness', 'Personnel, cost and fair share', '', ['fairness-table']),
    section(
      'calendar',
      'Rotation calendar',
      'Every unit in theatre needs others preparing and recovering: rotation ratio = (tour + dwell) / tour.',
      [],
    ),
    section('resilience', 'Resilience: what breaks if a nation leaves', '', ['resilience-table']),
    section('assurance', 'How likely is the ceasefire to hold?', '', ['assurance-table']),
    section('tornado', 'Which assumptions matter', '', []),
    section('credibility', 'When does the backstop deter?', b.credibilityNotes.join(' '), []),
    section('pledges', 'Pledges', '', ['pledges', 'status-table']),
    section('sourcing', 'Sourcing table', '', ['sourcing']),
    `<section id="appendix" class="appendix"><h2>Appendix: provenance and assumptions</h2><dl>`,
    `<dt>Scenario</dt><dd>${esc(a.scenarioId)} (as of ${esc(a.asOf)})${a.variants.length > 0 ? `, variants ${esc(a.variants.join(', '))}` : ''}</dd>`,
    `<dt>Scenario hash</dt><dd><code>${esc(a.scenarioHash)}</code></dd>`,
    `<dt>Monte Carlo</dt><dd>${a.runs === null ? 'not run' : `${a.runs.toLocaleString('en-GB')} runs per case, seed ${a.seed ?? ''}`}</dd>`,
    `<dt>Planner</dt><dd>${esc(a.planSolver)}</dd>`,
    `<dt>Bulwark</dt><dd>version ${esc(a.bulwarkVersion)}, generated ${esc(a.generatedAt)}</dd>`,
    `<dt>Reproduce</dt><dd><code>npx bulwark brief ${esc(a.scenarioId)}${a.variants.map((v) => ` --variant ${esc(v)}`).join('')}${a.seed === null ? '' : ` --seed ${a.seed}`}${a.runs === null ? '' : ` --runs ${a.runs}`}</code></dd></dl>`,
    `<h3>Sources and assumptions of the scenario</h3><ul class="sources">${a.sources
      .map(
        (s) =>
          `<li id="source-${esc(s.id)}"><span class="kind">${esc(s.kind)}</span> <strong>${esc(s.id)}</strong>: ${esc(s.citation)}${s.url === '' ? '' : ` — <span class="url">${esc(s.url)}</span>`}${s.method === '' ? '' : `<br><span class="note">Method: ${esc(s.method)}</span>`}</li>`,
      )
      .join('\n')}</ul>`,
    a.assumptions.length > 0
      ? `<h3>Notes on assumptions</h3><ul>${a.assumptions.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
      : '',
    `</section>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(b.title)} — Bulwark briefing</title>
<meta name="running-header" content="${esc(runningHeaderText(b))}">
<style>${STYLE}${MAP_CSS}${chartCss.join('\n')}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}
