/**
 * The briefing as one self-contained HTML file: styles, the map and every chart inline as SVG, no script
 * and no external request, so it opens offline and prints to PDF as it looks on screen.
 */
import type { Briefing, ChartModel, Table } from '../../core/brief/index.js';
import { renderChartSvg } from './charts.js';
import { renderMapSvg } from './map-svg.js';

const esc = (s: string | number): string =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function tableHtml(t: Table): string {
  const numeric = new Set(t.numeric);
  const cell = (v: string | number, j: number, tag: 'td' | 'th'): string =>
    `<${tag}${numeric.has(j) ? ' class="num"' : ''}>${esc(typeof v === 'number' ? v.toLocaleString('en-GB') : v)}</${tag}>`;
  return [
    `<div class="table-wrap"><table id="table-${esc(t.id)}">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${t.header.map((h, j) => cell(h, j, 'th')).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((v, j) => cell(v, j, 'td')).join('')}</tr>`).join('\n')}</tbody>`,
    `</table></div>`,
  ].join('\n');
}

async function figure(chart: ChartModel): Promise<string> {
  const svg = await renderChartSvg(chart.spec, `chart-${chart.id}`);
  return `<figure class="chart" id="chart-${esc(chart.id)}" data-title="${esc(chart.title)}">${svg}<figcaption>${esc(chart.description)}</figcaption></figure>`;
}

const STYLE = `
:root{--ink:#1b1f24;--muted:#5b6470;--rule:#d9dee4;--accent:#0b4f8a;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1080px;margin:0 auto;padding:28px 32px 60px}
header{border-bottom:3px solid var(--accent);margin-bottom:18px;padding-bottom:10px}
h1{font-size:26px;margin:0 0 4px} .subtitle{color:var(--muted);margin:0}
h2{font-size:19px;margin:34px 0 10px;padding-top:8px;border-top:1px solid var(--rule)}
.findings{list-style:none;padding:0;margin:0;display:grid;gap:10px}
.findings li{border-left:4px solid var(--accent);background:#f4f7fa;padding:10px 14px;border-radius:2px}
.findings strong{display:block;font-size:16px;margin-bottom:2px}
.findings a{color:var(--accent);font-size:13px;white-space:nowrap}
figure{margin:14px 0;overflow-x:auto} figcaption{color:var(--muted);font-size:13px;margin-top:4px}
svg{max-width:100%;height:auto}
.table-wrap{overflow-x:auto;margin:10px 0 18px}
table{border-collapse:collapse;font-size:12.5px;width:100%}
caption{text-align:left;color:var(--muted);padding:4px 0;font-size:13px}
th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600} .num{text-align:right;font-variant-numeric:tabular-nums}
.appendix dt{font-weight:600} .appendix dd{margin:0 0 6px 0;color:var(--muted)}
.sources li{margin-bottom:4px;font-size:13px} .kind{display:inline-block;min-width:82px;font-size:11px;text-transform:uppercase;color:var(--muted)}
.note{color:var(--muted);font-size:13px}
.keys{list-style:none;padding:0;margin:0 0 12px;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
.key{border:1px solid var(--rule);border-top:4px solid var(--accent);padding:10px 12px;display:flex;flex-direction:column;gap:2px}
.key-label{font-size:13px;color:var(--muted)} .key-value{font-size:24px;line-height:1.2}
.key-interval{font-size:13px;color:var(--muted)} .key-detail{font-size:14px} .key-so{font-size:14px;font-weight:600}
.key a{color:var(--accent);font-size:13px} .judgements li{margin-bottom:4px} .judgements a{color:inherit}
.glossary dt{font-weight:600} .glossary dd{margin:0 0 6px 0}
@media print{main{max-width:none;padding:0 8mm} h2{break-after:avoid} figure,table,.findings li{break-inside:avoid} a{color:inherit;text-decoration:none}}
`;

/** Renders the briefing to HTML. Chart rendering is asynchronous (vega's headless view). */
export async function renderBriefingHtml(b: Briefing): Promise<string> {
  const charts = new Map<string, string[]>();
  for (const c of b.charts) charts.set(c.section, [...(charts.get(c.section) ?? []), await figure(c)]);
  const tables = new Map(b.tables.map((t) => [t.id, tableHtml(t)]));
  const section = (id: string, title: string, intro: string, tableIds: readonly string[]): string => {
    const figs = charts.get(id) ?? [];
    const tbls = tableIds.map((t) => tables.get(t) ?? '').filter((x) => x !== '');
    if (figs.length === 0 && tbls.length === 0) return '';
    return `<section id="${id}"><h2>${esc(title)}</h2>${intro === '' ? '' : `<p class="note">${esc(intro)}</p>`}${figs.join('\n')}${tbls.join('\n')}</section>`;
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
      : `<section id="bottom-line"><h2>${esc(ui.keyFigures)}</h2><ul class="keys">${keyFigures}</ul><h3>${esc(ui.keyJudgements)}</h3><ol class="judgements">${judgements}</ol></section>`,
    `<section id="findings"><h2>${esc(ui.findings)}</h2><ol class="findings">${findings}</ol>`,
    `<p class="note">${esc(ui.disclaimer)}</p></section>`,
    b.frontierNotes.length === 0
      ? ''
      : `<section id="frontier"><h2>${esc(ui.frontier)}</h2>${(charts.get('frontier') ?? []).join('\n')}<ul class="note">${b.frontierNotes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>${tables.get('frontier-table') ?? ''}<p class="note">${esc(ui.frontierMethod)}</p></section>`,
    `<section id="map"><h2>${esc(ui.map)}</h2><figure class="map-figure" data-title="${esc(b.map.title)}">${renderMapSvg(b.map)}<figcaption>${esc(ui.mapCaption)}</figcaption></figure>${tables.get('locations') ?? ''}</section>`,
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
    `<dt>${esc(ui.reproduce)}</dt><dd><code>npx bulwark brief ${esc(a.scenarioId)}${a.variants.map((v) => ` --variant ${esc(v)}`).join('')}${a.seed === null ? '' : ` --seed ${a.seed}`}${a.runs === null ? '' : ` --runs ${a.runs}`}</code></dd></dl>`,
    `<h3>${esc(ui.sources)}</h3><ul class="sources">${a.sources
      .map(
        (s) =>
          `<li><span class="kind">${esc(s.kind)}</span> <strong>${esc(s.id)}</strong>: ${esc(s.citation)}${s.url === '' ? '' : ` — <span class="url">${esc(s.url)}</span>`}${s.method === '' ? '' : `<br><span class="note">${esc(ui.method)} ${esc(s.method)}</span>`}</li>`,
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
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}
