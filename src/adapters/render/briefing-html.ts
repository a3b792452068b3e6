/**
 * The briefing as one self-contained HTML file: styles, the map and every chart inline as SVG, no script
 * and no external request, so it opens offline and prints to PDF as it looks on screen.
 */
import type { Briefing, BriefChart, Table } from '../../core/brief/index.js';
import { chartCsv, renderChart, type ChartSvg } from './charts.js';
import { renderMapSvg } from './map-svg.js';

const esc = (s: string | number): string =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Tables printed in the compact appendix style (small type, every column kept). */
const LONG_TABLES = new Set(['pledges', 'sourcing', 'locations', 'gaps', 'resilience-table']);

/**
 * Tables of sentences (a gap's causes) that a phone shows as one block per row, each value after its
 * column's name: squeezed into columns, their long cells wrapped a few words a line and made rows a
 * screen tall (the gaps table of the default scenario: 611 px wide in a 362 px box, 6,180 px tall).
 */
const STACKED_TABLES = new Set(['gaps']);

function tableHtml(t: Table): string {
  const numeric = new Set(t.numeric);
  const stacked = STACKED_TABLES.has(t.id);
  const cell = (v: string | number, j: number, tag: 'td' | 'th'): string =>
    `<${tag}${numeric.has(j) ? ' class="num"' : ''}${stacked && tag === 'td' ? ` data-label="${esc(t.header[j] ?? '')}"` : ''}>${esc(typeof v === 'number' ? v.toLocaleString('en-GB') : v)}</${tag}>`;
  return [
    // A wide table scrolls inside its own box (focusable, so keyboards can scroll it), never the page.
    `<div class="table-wrap${LONG_TABLES.has(t.id) ? ' long' : ''}${stacked ? ' stacked' : ''}" role="region" tabindex="0" aria-label="${esc(t.caption)}"><table id="table-${esc(t.id)}">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${t.header.map((h, j) => cell(h, j, 'th')).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((v, j) => cell(v, j, 'td')).join('')}</tr>`).join('\n')}</tbody>`,
    `</table></div>`,
  ].join('\n');
}

/** A heading with what follows it, kept on one printed page. */
const keep = (html: string): string => `<div class="keep">${html}</div>`;

/** Main column padding in CSS px: the wide drawing shows only where it fits at its own size. */
const PAD = 32;
/** The main column's largest width in CSS px (`main{max-width}`). */
const MAIN_WIDTH = 1080;
const NARROW_PAD = 14;

/** A `data:` link that downloads `csv` (percent-encoded, so the page stays one self-contained file). */
const csvLink = (csv: string, file: string, label: string): string =>
  `<a class="csv" download="${esc(file)}" href="data:text/csv;charset=utf-8,${encodeURIComponent(csv)}">${esc(label)}</a>`;

interface Figure {
  readonly html: string;
  /** Per-chart rules: which drawing shows at which width. */
  readonly css: string;
}

async function figure(chart: BriefChart, dataLabel: string): Promise<Figure> {
  const id = `chart-${chart.id}`;
  const wide: ChartSvg = await renderChart(chart.spec, `${id}-w`, 'wide');
  const narrow: ChartSvg = await renderChart(chart.spec, `${id}-n`, 'narrow');
  // The wide drawing needs its own width plus the page padding; below that the narrow one shows.
  // A wide drawing wider than the main column never shows on screen (it would scroll in its box).
  const breakpoint = Math.ceil(wide.width + 2 * PAD);
  const fits = wide.width <= MAIN_WIDTH - 2 * PAD;
  const css =
    (fits
      ? `@media screen and (max-width:${breakpoint - 1}px){#${id} .wide{display:none}}` +
        `@media screen and (min-width:${breakpoint}px){#${id} .narrow{display:none}}`
      : `@media screen{#${id} .wide{display:none}}`) +
    `#${id} .narrow svg{max-width:${Math.round(narrow.width * 1.5)}px}`;
  const csv = chartCsv(chart.spec);
  const data = csv === null ? '' : ` ${csvLink(csv, `${chart.id}.csv`, dataLabel)}`;
  return {
    html: `<figure class="chart" id="${esc(id)}" data-title="${esc(chart.title)}"><div class="wide">${wide.svg}</div><div class="narrow">${narrow.svg}</div><figcaption>${esc(chart.description)}${data}</figcaption></figure>`,
    css,
  };
}

const STYLE = `
:root{--ink:#1b1f24;--muted:#56606b;--rule:#d9dee4;--accent:#0b4f8a;--bg:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:break-word}
main{max-width:${MAIN_WIDTH}px;margin:0 auto;padding:28px ${PAD}px 60px}
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
.cite-short{display:none}
.keys{list-style:none;padding:0;margin:0 0 12px;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
.key{border:1px solid var(--rule);border-top:4px solid var(--accent);padding:10px 12px;display:flex;flex-direction:column;gap:2px}
.key-label{font-size:13px;color:var(--muted)} .key-value{font-size:24px;line-height:1.2}
.key-interval{font-size:13px;color:var(--muted)} .key-detail{font-size:14px} .key-so{font-size:14px;font-weight:600}
.key a{color:var(--accent);font-size:13px} .judgements li{margin-bottom:4px} .judgements a{color:inherit}
.glossary dt{font-weight:600} .glossary dd{margin:0 0 6px 0}
code,.url{overflow-wrap:anywhere;word-break:break-all}
@media screen and (max-width:600px){
 main{padding:18px ${NARROW_PAD}px 40px} h1{font-size:22px} h2{font-size:18px}
 .findings li{padding:8px 10px}
 .stacked thead{display:none}
 .stacked table,.stacked tbody,.stacked tr,.stacked td{display:block;width:auto}
 .stacked caption{display:block}
 .stacked tr{border-bottom:1px solid var(--rule);padding:6px 0}
 .stacked td{border:0;padding:1px 0;text-align:left}
 .stacked td::before{content:attr(data-label) ": ";color:var(--muted)}
}
@media print{
 @page{size:A4}
 body{font-size:9pt;line-height:1.3}
 main{max-width:none;padding:0}
 header{margin-bottom:8px}
 h1{font-size:18pt} h2{font-size:13pt;margin:14px 0 6px;padding-top:4px}
 h2,h3,caption{break-after:avoid} h2+*,h3+*{break-before:avoid}
 figure,.findings li,.key,tr,dt,.keep{break-inside:avoid}
 .findings{gap:4px} .findings li{padding:5px 9px}
 figure{margin:6px 0} figure .narrow{display:none} figure .wide{overflow:visible}
 figure .wide svg,.map-figure svg{width:100%;max-width:100%;height:auto}
 .chart{break-inside:avoid}
 a{color:inherit;text-decoration:none} a.csv{display:none}
 .table-wrap{overflow:visible;margin:6px 0 10px}
 table{font-size:8pt} th,td{padding:2px 4px}
 .long table{font-size:6.5pt;line-height:1.2} .long th,.long td{padding:1px 3px}
 .sources li{font-size:6.5pt;line-height:1.25;margin-bottom:1px} .kind{min-width:0;font-size:6pt}
 .keys{grid-template-columns:repeat(3,1fr);gap:4px} .key{padding:4px 6px} .key-value{font-size:13pt}
 .key-label,.key-interval,.key-detail,.key-so,.key a{font-size:7.5pt}
 .findings li{font-size:8pt} .findings strong{font-size:9pt}
 .glossary{columns:2;column-gap:6mm;font-size:7.5pt} .glossary dd{margin-bottom:3px}
 figure .wide svg{max-height:68mm;width:auto;max-width:100%} .map-figure .wide svg{max-height:100mm;width:auto}
 table{font-size:7.5pt}
 .judgements-block,.frontier-notes,.cite-long,.sources .method{display:none} .cite-short{display:inline}
 .sources{columns:3;column-gap:5mm;padding-left:0;list-style:none} .appendix dd{font-size:8pt} .appendix ul.sources li{font-size:6pt;line-height:1.2} .sources .note{font-size:inherit}
}
`;

/** Below this viewport width the phone drawing of the map shows (its wide drawing is 960 px). */
const MAP_BREAKPOINT = 960 + 2 * PAD;

function mapSection(b: Briefing, tables: ReadonlyMap<string, string>): string {
  const m = b.map;
  const lang = b.lang;
  const wide = renderMapSvg(m, { idPrefix: 'map-w', width: 960, height: 560, fontSize: 12, lang });
  const narrow = renderMapSvg(m, { idPrefix: 'map-n', width: 360, height: 330, fontSize: 12, lang });
  // Each citation once, however many layers rest on it.
  const sources = [
    ...new Set([
      ...m.bordersSource,
      ...m.occupied.flatMap((a) => a.source),
      ...(m.contactLine?.source ?? []),
    ]),
  ];
  return [
    `<section id="map"><div class="keep"><h2>${esc(b.ui.map)}</h2>`,
    `<figure class="map-figure" data-title="${esc(m.title)}"><div class="wide">${wide}</div><div class="narrow">${narrow}</div>`,
    `<figcaption>${esc(b.ui.mapCaption)}${sources.length === 0 ? '' : ` ${esc(b.ui.mapSources)}<ul class="map-sources">${sources.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`}</figcaption></figure></div>`,
    tables.get('mission-areas') ?? '',
    tables.get('locations') ?? '',
    `</section>`,
  ].join('');
}

/** Title, as-of date and scenario hash: the PDF's running header (src/adapters/render/pdf.ts). */
export function runningHeaderText(b: Briefing): string {
  const hash = b.appendix.scenarioHash.replace(/^sha256:/, '').slice(0, 12);
  return `${b.title} · ${b.appendix.scenarioLine} · sha256:${hash}`;
}

const MAP_CSS = `@media screen and (max-width:${MAP_BREAKPOINT - 1}px){.map-figure .wide{display:none}}@media screen and (min-width:${MAP_BREAKPOINT}px){.map-figure .narrow{display:none}}.map-figure .narrow svg{max-width:540px}.map-sources{margin:4px 0 0;padding-left:1.2em}`;

/** Renders the briefing to HTML. Chart rendering is asynchronous (vega's headless view). */
export async function renderBriefingHtml(b: Briefing): Promise<string> {
  const charts = new Map<string, string[]>();
  const chartCss: string[] = [];
  for (const c of b.charts) {
    const f = await figure(c, b.ui.chartData);
    charts.set(c.section, [...(charts.get(c.section) ?? []), f.html]);
    chartCss.push(f.css);
  }
  const tables = new Map(b.tables.map((t) => [t.id, tableHtml(t)]));
  const section = (id: string, title: string, intro: string, tableIds: readonly string[]): string => {
    const figs = charts.get(id) ?? [];
    const tbls = tableIds.map((t) => tables.get(t) ?? '').filter((x) => x !== '');
    if (figs.length === 0 && tbls.length === 0) return '';
    // The heading, its intro and the first figure print together: no heading alone at a page bottom.
    const head = `<h2>${esc(title)}</h2>${intro === '' ? '' : `<p class="note">${esc(intro)}</p>`}`;
    const [first, ...rest] = figs;
    return `<section id="${id}">${first === undefined ? head : keep(head + first)}${rest.join('\n')}${tbls.join('\n')}</section>`;
  };
  const a = b.appendix;
  const ui = b.ui;
  const keyFigures = b.keyFigures
    .map(
      (k) =>
        `<li class="key" id="key-${esc(k.id)}"><span class="key-label">${esc(k.label)}</span><strong class="key-value">${esc(k.value)}</strong>${k.interval === undefined ? '' : `<span class="key-interval">${esc(k.interval)}</span>`}<span class="key-detail">${esc(k.detail)}</span><span class="key-so">${esc(k.soWhat)}</span> <a href="${esc(k.link)}">${esc(ui.details)}</a></li>`,
    )
    .join('\n');
  const judgements = b.judgements
    .map((j) => `<li><a href="${esc(j.link)}">${esc(j.text)}</a></li>`)
    .join('\n');
  const findings = b.findings
    .map(
      (f) =>
        `<li id="finding-${esc(f.id)}"><strong>${esc(f.headline)}</strong>${esc(f.text)} <a href="${esc(f.link)}">${esc(ui.details)}</a></li>`,
    )
    .join('\n');
  const body = [
    `<header><h1>${esc(b.title)}</h1><p class="subtitle">${esc(b.subtitle)}</p></header>`,
    b.keyFigures.length === 0
      ? ''
      : `<section id="bottom-line"><h2>${esc(ui.keyFigures)}</h2><ul class="keys">${keyFigures}</ul><div class="judgements-block"><h3>${esc(ui.keyJudgements)}</h3><ol class="judgements">${judgements}</ol></div></section>`,
    `<section id="findings"><h2>${esc(ui.findings)}</h2><ol class="findings">${findings}</ol>`,
    `<p class="note">${esc(ui.disclaimer)}</p></section>`,
    b.frontierNotes.length === 0
      ? ''
      : // The answers' table before the chart: on paper it fills the end of the findings' page.
        `<section id="frontier">${keep(`<h2>${esc(ui.frontier)}</h2>${tables.get('frontier-table') ?? ''}`)}${(charts.get('frontier') ?? []).join('\n')}<ul class="note frontier-notes">${b.frontierNotes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul><p class="note">${esc(ui.frontierMethod)}</p></section>`,
    mapSection(b, tables),
    section('coverage', ui.coverage, ui.coverageIntro, []),
    section('gaps', ui.gaps, '', ['gaps']),
    section('options', ui.options, '', ['options']),
    section('fairness', ui.fairness, '', ['fairness-table']),
    section('calendar', ui.calendar, ui.calendarIntro, []),
    section('deployment', ui.deployment, '', []),
    section('resilience', ui.resilience, '', ['resilience-table']),
    section('assurance', ui.assurance, '', ['assurance-table']),
    section('tornado', ui.tornado, '', []),
    section('credibility', ui.credibility, b.credibilityNotes.join(' '), []),
    section('pledges', ui.pledges, '', ['pledges', 'status-table']),
    section('sourcing', ui.sourcing, '', ['sourcing']),
    b.glossary.length === 0
      ? ''
      : `<section id="glossary"><h2>${esc(ui.glossary)}</h2><dl class="glossary">${b.glossary.map((g) => `<dt>${esc(g.term)}</dt><dd>${esc(g.definition)}</dd>`).join('')}</dl></section>`,
    `<section id="appendix" class="appendix"><h2>${esc(ui.appendix)}</h2><dl>`,
    `<dt>${esc(ui.scenario)}</dt><dd>${esc(a.scenarioLine)}</dd>`,
    `<dt>${esc(ui.scenarioHash)}</dt><dd><code>${esc(a.scenarioHash)}</code></dd>`,
    `<dt>${esc(ui.monteCarlo)}</dt><dd>${esc(a.monteCarlo)}</dd>`,
    `<dt>${esc(ui.planner)}</dt><dd>${esc(a.planSolver)}</dd>`,
    `<dt>${esc(ui.bulwark)}</dt><dd>${esc(a.bulwarkLine)}</dd>`,
    `<dt>${esc(ui.reproduce)}</dt><dd>${a.reproduce.note === undefined ? '' : `${esc(a.reproduce.note)} `}<code>${esc(a.reproduce.command)}</code></dd></dl>`,
    `<h3>${esc(ui.sources)}</h3><ul class="sources">${a.sources
      .map(
        (s) =>
          `<li id="source-${esc(s.id)}"><span class="kind">${esc(s.kind)}</span> <strong>${esc(s.id)}</strong>: <span class="cite${s.short === s.citation ? '' : ' cite-long'}">${esc(s.citation)}</span>${s.short === s.citation ? '' : `<span class="cite-short">${esc(s.short)}</span>`}${s.url === '' ? '' : ` — <span class="url">${esc(s.url)}</span>`}${s.method === '' ? '' : `<span class="method"><br><span class="note">${esc(ui.method)} ${esc(s.method)}</span></span>`}</li>`,
      )
      .join('\n')}</ul>`,
    a.assumptions.length > 0
      ? `<h3>${esc(ui.notes)}</h3><ul>${a.assumptions.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
      : '',
    `</section>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${esc(b.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(b.title)} — ${esc(b.ui.documentTitle)}</title>
<meta name="running-header" content="${esc(runningHeaderText(b))}">
<style>${STYLE}${MAP_CSS}${chartCss.join('\n')}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}
