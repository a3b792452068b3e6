/**
 * Vega-Lite specifications rendered to SVG on the server with vega's headless view (no browser, no
 * canvas: text is measured by vega's estimator). The SVG carries the chart's title and description for
 * screen readers.
 */
import { parse, View, logger, Error as LogError } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders one Vega-Lite spec to an SVG string. Element ids (gradients, clip paths) come from vega's
 * process-wide counters; they are renamed `${idPrefix}-1`, `-2`, … so the same chart renders to the same
 * bytes however many charts were rendered before it, and ids stay unique within one page.
 */
export async function renderChartSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  // Compiler notes (e.g. sort options it simplifies) are for spec authors, not for briefing readers.
  const vega = compile(spec, { logger: logger(LogError) }).spec;
  const view = new View(parse(vega), { renderer: 'none', logLevel: LogError });
  try {
    const svg = await view.toSVG();
    return withAccessibleTitle(renameIds(svg, idPrefix), spec);
  } finally {
    view.finalize();
  }
}

function titleText(spec: TopLevelSpec): string {
  const t = spec.title;
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  const text = (t as { text?: unknown }).text;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
}

function withAccessibleTitle(svg: string, spec: TopLevelSpec): string {
  const desc = spec.description ?? '';
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return svg.replace(
    /<svg([^>]*)>/,
    `<svg$1 role="img"><title>${esc(titleText(spec))}</title><desc>${esc(desc)}</desc>`,
  );
}

function renameIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
  let out = svg;
  ids.forEach((id, i) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(id="|#)${escaped}(?=["')])`, 'g'), `$1${prefix}-${i + 1}`);
  });
  return out;
}
