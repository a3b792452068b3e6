/**
 * Vega-Lite specifications rendered to SVG on the server with vega's headless view (no browser, no
 * canvas: text is measured by vega's estimator). The SVG carries the chart's title and description for
 * screen readers.
 */
import { parse, View, logger, Error as LogError } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders one Vega-Lite spec to an SVG string. */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  // Compiler notes (e.g. sort options it simplifies) are for spec authors, not for briefing readers.
  const vega = compile(spec, { logger: logger(LogError) }).spec;
  const view = new View(parse(vega), { renderer: 'none', logLevel: LogError });
  try {
    const svg = await view.toSVG();
    return withAccessibleTitle(svg, spec);
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
